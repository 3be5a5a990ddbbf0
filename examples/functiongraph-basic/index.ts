// Quickstart: one Node.js function on FunctionGraph. Point it at the real cloud by setting
// cloudfn:functiongraphRegion / cloudfn:functiongraphProjectId and your AK/SK (or HW_* env vars)
// and leaving cloudfn:functiongraphEndpoint unset; `make demo` points it at the local emulator.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();

const hello = new cloudfn.functiongraph.Function("hello", {
  name: config.get("functionName") ?? "cloudfn-hello",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memorySize: config.getNumber("memorySize") ?? 256,
  timeout: config.getNumber("timeout") ?? 30,
  description: "Hello from cloudfn",
  environment: { GREETING: config.get("greeting") ?? "Hello" },
  code: new pulumi.asset.FileArchive("./app"),
});

export const functionUrn = hello.funcUrn;
export const codeHash = hello.codeHash;
