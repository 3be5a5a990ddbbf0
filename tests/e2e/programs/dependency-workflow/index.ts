import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const prefix = config.get("prefix") ?? ">";
// Same definition, keys and states written in another order: must not diff.
const reorder = config.getBoolean("reorder") ?? false;
// A transition to a state that does not exist: must fail at preview.
const dangling = config.getBoolean("dangling") ?? false;

const dep = new cloudfn.functiongraph.DependencyVersion("pad", {
  name: "pad-lib",
  runtime: "Node.js18.15",
  code: new pulumi.asset.AssetArchive({
    "node_modules/pad/index.js": new pulumi.asset.StringAsset(`module.exports = (s) => ${JSON.stringify(prefix)} + s;`),
  }),
});

const fn = new cloudfn.functiongraph.Function("greeter", {
  name: "dw-greeter",
  runtime: "Node.js18.15",
  handler: "index.handler",
  code: new pulumi.asset.FileArchive("./app"),
  dependencyVersionIds: [dep.versionId],
});

const call = {
  id: "call",
  type: "Operation" as const,
  transition: dangling ? "nowhere" : "done",
  actions: [{ functionRef: { refName: "greet", arguments: { who: "$.name", tag: "x" } } }],
};
const done = { id: "done", type: "End" as const };
const flow = new cloudfn.functiongraph.Workflow(
  "flow",
  reorder
    ? {
        states: [
          { type: "End" as const, id: "done" },
          {
            actions: [{ functionRef: { arguments: { tag: "x", who: "$.name" }, refName: "greet" } }],
            transition: "done",
            type: "Operation" as const,
            id: "call",
          },
        ],
        functions: [{ functionUrn: fn.funcUrn, name: "greet" }],
        start: "call",
        mode: "EXPRESS",
        name: "dw-flow",
      }
    : {
        name: "dw-flow",
        mode: "EXPRESS",
        start: "call",
        functions: [{ name: "greet", functionUrn: fn.funcUrn }],
        states: [call, done],
      },
);

export const versionId = dep.versionId;
export const dependencyId = dep.dependencyId;
export const funcUrn = fn.funcUrn;
export const workflowId = flow.workflowId;
export const workflowUrn = flow.workflowUrn;
