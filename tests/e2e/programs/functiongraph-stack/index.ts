// Every FunctionGraph resource in one stack. `step: 2` changes the schedule, disables the
// trigger, edits the workflow and replaces the dependency. `bad` selects one invalid input.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const step2 = config.getNumber("step") === 2;
const bad = config.get("bad");
const fg = cloudfn.functiongraph;
const common = { runtime: "Node.js18.15", handler: "index.handler", timeout: 10 };

const dep = new fg.DependencyVersion("fmt", {
  name: bad === "depname" ? "9-starts-with-a-digit" : "stack-fmt",
  runtime: "Node.js18.15",
  code: new pulumi.asset.AssetArchive({
    "node_modules/fmt/index.js": new pulumi.asset.StringAsset(
      `module.exports = (s) => ${JSON.stringify(step2 ? "v2:" : "v1:")} + s;`,
    ),
  }),
});

const core = new fg.Function("core", {
  ...common,
  name: "stack-core",
  code: new pulumi.asset.FileArchive("./app"),
  dependencyVersionIds: [dep.versionId],
});
const sink = new fg.Function("sink", { ...common, name: "stack-sink", code: new pulumi.asset.FileArchive("./sink") });

const tick = new fg.Trigger("tick", {
  functionUrn: core.funcUrn,
  type: "TIMER",
  status: step2 ? "DISABLED" : "ACTIVE",
  timer: {
    name: "tick",
    scheduleType: "Rate",
    schedule: bad === "schedule" ? "61m" : step2 ? "10m" : "5m",
    userEvent: "tick",
  },
});

new fg.AsyncInvokeConfig("core-async", {
  functionUrn: core.funcUrn,
  maxAsyncRetryAttempts: bad === "retries" ? 9 : 1,
  onFailure: { type: "FunctionGraph", funcUrn: sink.funcUrn },
});

const flow = new fg.Workflow("flow", {
  name: "stack-flow",
  mode: "EXPRESS",
  start: "greet",
  functions: [{ name: "core", functionUrn: core.funcUrn }],
  states: [
    {
      id: "greet",
      type: "Operation",
      transition: bad === "transition" ? "nowhere" : "done",
      actions: [
        { functionRef: { refName: "core", arguments: step2 ? { who: "$.who", shout: true } : { who: "$.who" } } },
      ],
    },
    { id: "done", type: "End" },
  ],
});

const smoke = new fg.Invocation("smoke", {
  functionUrn: core.funcUrn,
  input: { who: "smoke" },
  triggers: { code: core.codeHash.apply((h) => h ?? ""), dependency: dep.versionId },
});

export const coreUrn = core.funcUrn;
export const sinkUrn = sink.funcUrn;
export const versionId = dep.versionId;
export const dependencyId = dep.dependencyId;
export const triggerKey = tick.id;
export const workflowId = flow.workflowId;
export const smokeResult = smoke.result;
