// Functions on all three platforms in one stack, named with the stack's prefix "drift", for
// `cloudfn drift`: every resource type that has a remote object, plus one Invocation each.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const fg = cloudfn.functiongraph;
// Renames force replacements, for a drift check on a program that also has pending changes.
const renamed = new pulumi.Config().getBoolean("renamed") ?? false;
const common = { runtime: "Node.js18.15", handler: "index.handler", code: new pulumi.asset.FileArchive("./fg") };

// A dependency the api function loads, and a workflow calling it: written with keys in an
// unusual order and defaults spelled out, which must not read back as drift.
const lib = new fg.DependencyVersion("lib", {
  runtime: "Node.js18.15",
  name: "drift-lib",
  code: new pulumi.asset.AssetArchive({
    "node_modules/shout/index.js": new pulumi.asset.StringAsset("module.exports = (s) => s.toUpperCase();"),
  }),
});
const api = new fg.Function("api", {
  ...common,
  name: "drift-api",
  memorySize: 128,
  description: "kept",
  dependencyVersionIds: [lib.versionId],
});
const spare = new fg.Function("spare", { ...common, name: renamed ? "drift-spare2" : "drift-spare" });
const tick = new fg.Trigger("tick", {
  functionUrn: api.funcUrn,
  type: "TIMER",
  status: "ACTIVE",
  timer: { name: "tick", scheduleType: "Rate", schedule: "5m", userEvent: "tick" },
});
const flow = new fg.Workflow("flow", {
  states: [
    { type: "End" as const, id: "done" },
    {
      actions: [{ functionRef: { arguments: { who: "$.name" }, refName: "call-api" } }],
      transition: "done",
      type: "Operation" as const,
      id: "call",
    },
  ],
  functions: [{ functionUrn: api.funcUrn, name: "call-api" }],
  start: "call",
  mode: "EXPRESS" as const,
  name: renamed ? "drift-flow2" : "drift-flow",
});
new fg.AsyncInvokeConfig("api-async", { functionUrn: api.funcUrn, maxAsyncRetryAttempts: 1 });
new fg.Invocation("api-smoke", {
  functionUrn: api.funcUrn,
  input: { who: "drift" },
  triggers: { code: api.codeHash.apply((h) => h ?? "") },
});

const hello = new cloudfn.minapp.CloudFunction("hello", {
  name: "drift_hello",
  code: new pulumi.asset.FileArchive("./minapp"),
  remark: "kept",
});
new cloudfn.minapp.Invocation("greet", { function: hello, data: { name: "drift" } });

const lc = cloudfn.leancloud;
const vars = new lc.EngineEnvironmentVariables("vars", {
  variables: { GREETING: "Hello" },
  secretVariables: { TOKEN: pulumi.secret("drift-token") },
});
const engine = new lc.EngineDeployment(
  "engine",
  { code: new pulumi.asset.FileArchive("./engine"), environment: "production" },
  { dependsOn: [vars] },
);
new lc.Invocation("engine-hello", {
  name: "hello",
  params: { name: "drift" },
  triggers: [engine.version, vars.variables],
});

export const apiUrn = api.funcUrn;
export const spareUrn = spare.funcUrn;
export const triggerKey = tick.id;
export const workflowId = flow.workflowId;
