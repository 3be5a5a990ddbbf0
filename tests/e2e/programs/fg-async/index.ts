// A worker with an async-invoke config (failures go to a sink function) and a deploy-time smoke
// invocation that re-runs whenever the worker's code changes. `broken: true` adds a function
// whose smoke invocation throws.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const fg = cloudfn.functiongraph;
const common = { runtime: "Node.js18.15", handler: "index.handler", timeout: 10 };

const sink = new fg.Function("sink", { ...common, name: "async-sink", code: new pulumi.asset.FileArchive("./sink") });
const worker = new fg.Function("worker", {
  ...common,
  name: "async-worker",
  code: new pulumi.asset.FileArchive("./app"),
});

new fg.AsyncInvokeConfig("worker-async", {
  functionUrn: worker.funcUrn,
  maxAsyncEventAgeInSeconds: 600,
  maxAsyncRetryAttempts: 2,
  onFailure: { type: "FunctionGraph", funcUrn: sink.funcUrn },
});

const smoke = new fg.Invocation("smoke", {
  functionUrn: worker.funcUrn,
  input: { name: "e2e" },
  triggers: { code: worker.codeHash.apply((h) => h ?? "") },
});

if (config.getBoolean("broken")) {
  const broken = new fg.Function("broken", {
    ...common,
    name: "async-broken",
    code: new pulumi.asset.FileArchive("./broken"),
  });
  new fg.Invocation("broken-smoke", { functionUrn: broken.funcUrn, input: {} });
}

export const workerUrn = worker.funcUrn;
export const sinkUrn = sink.funcUrn;
export const smokeResult = smoke.result;
export const smokeRequestId = smoke.requestId;
