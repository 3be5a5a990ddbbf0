// One of every FunctionGraph resource type (a trigger on an alias too), all named with the prefix `ae-` (or `ae_`), so that
// `cloudfn adopt --prefix ae` lists exactly these. A second stack adopts them (see the test).
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const lib = new cloudfn.functiongraph.DependencyVersion("lib", {
  name: "ae-shout",
  runtime: "Node.js18.15",
  description: "shouting",
  code: new pulumi.asset.FileArchive("./lib"),
});

const fn = new cloudfn.functiongraph.Function("fn", {
  name: "ae-greeter",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memorySize: 256,
  description: "greets loudly",
  environment: { STAGE: "prod" },
  dependencyVersionIds: [lib.versionId],
  code: new pulumi.asset.FileArchive("./app"),
  // A production configuration: the adopting stack must change none of it.
  agency: "fg-agency",
  vpc: { vpcId: "vpc-1", subnetId: "subnet-1", securityGroups: ["sg-1"] },
  networkController: { disablePublicNetwork: true },
  mounts: { mounts: [{ type: "sfsTurbo", resource: "fs-1", sharePath: "10.0.0.2:/", localPath: "/mnt/data" }] },
  maxInstances: 50,
  reservedInstances: [{ count: 1, idleMode: true }],
  log: { groupId: "lg-1", streamId: "ls-1" },
  tags: { team: "core" },
  initializer: { handler: "index.handler", timeout: 30 },
});

new cloudfn.functiongraph.Trigger("timer", {
  functionUrn: fn.funcUrn,
  type: "TIMER",
  status: "DISABLED",
  timer: { name: "nightly", scheduleType: "Cron", schedule: "0 0 3 * * *", userEvent: '{"who":"timer"}' },
});

const v1 = new cloudfn.functiongraph.Version("v1", { functionUrn: fn.funcUrn, name: "v1", description: "first" });
const live = new cloudfn.functiongraph.Alias("live", { functionUrn: fn.funcUrn, name: "live", version: v1.version });

new cloudfn.functiongraph.Trigger("live-timer", {
  functionUrn: fn.funcUrn,
  qualifier: live.qualifier,
  type: "TIMER",
  status: "DISABLED",
  timer: { name: "hourly", scheduleType: "Rate", schedule: "60m" },
});

new cloudfn.functiongraph.Trigger("smn", {
  functionUrn: fn.funcUrn,
  type: "SMN",
  eventData: { topic_urn: "urn:smn:cn-north-4:c0ffee0000000000000000000000c0de:orders" },
});

new cloudfn.functiongraph.AsyncInvokeConfig("async", {
  functionUrn: fn.funcUrn,
  maxAsyncEventAgeInSeconds: 3600,
  maxAsyncRetryAttempts: 2,
});

new cloudfn.functiongraph.Workflow("flow", {
  name: "ae_flow",
  description: "greets",
  start: "greet",
  functions: [{ name: "greeter", functionUrn: fn.funcUrn }],
  states: [
    { id: "greet", type: "Operation", transition: "done", actions: [{ functionRef: { refName: "greeter" } }] },
    { id: "done", type: "End" },
  ],
});

export const funcUrn = fn.funcUrn;
