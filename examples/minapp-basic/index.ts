// Quickstart: one MinApp cloud function, bundled from ./app into the single file MinApp runs,
// and one run of it on every deploy that changes its code. Point it at the real platform by
// setting cloudfn:minappClientId and (as a secret) cloudfn:minappClientSecret, or
// MINAPP_CLIENT_ID / MINAPP_CLIENT_SECRET, and leaving cloudfn:minappEndpoint unset.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();

const hello = new cloudfn.minapp.CloudFunction("hello", {
  name: config.get("functionName") ?? "cloudfn_hello",
  code: new pulumi.asset.FileArchive("./app"), // bundled from app/index.js with esbuild
  remark: "Hello from cloudfn",
  planCircle: config.get("planCircle") ?? "P_FREE",
});

// Runs the function once now, and again whenever its code or this data changes.
const greet = new cloudfn.minapp.Invocation("greet", {
  function: hello,
  data: { name: config.get("greetName") ?? "cloudfn" },
});

export const functionName = hello.name;
export const functionId = hello.functionId;
export const codeHash = hello.codeHash;
export const answer = greet.result;
