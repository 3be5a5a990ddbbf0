// One function on each platform (FunctionGraph, MinApp, a LeanEngine project) whose code the review e2e edits.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();

new cloudfn.functiongraph.Function("api", {
  name: "review-api",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memorySize: config.getNumber("memorySize") ?? 128,
  code: new pulumi.asset.FileArchive("./fg"),
});

new cloudfn.minapp.CloudFunction("greeter", {
  name: "review_greeter",
  code: new pulumi.asset.FileArchive("./minapp"),
  remark: "greets",
});

// A LeanEngine project deployed to production (the stack config points LeanCloud at the emulator).
new cloudfn.leancloud.EngineDeployment("engine", {
  code: new pulumi.asset.FileArchive("./engine"),
  environment: "production",
});
