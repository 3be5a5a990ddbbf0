import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const n = config.getNumber("n") ?? 21;
// Makes the workflow's only state fail, so `up` must fail with that state's error.
const fail = config.getBoolean("fail") ?? false;

const fn = new cloudfn.functiongraph.Function("doubler", {
  name: "wx-doubler",
  runtime: "Node.js18.15",
  handler: "index.handler",
  code: new pulumi.asset.FileArchive("./app"),
});

const flow = new cloudfn.functiongraph.Workflow("flow", {
  name: "wx-flow",
  mode: "NORMAL",
  start: "double",
  functions: [{ name: "doubler", functionUrn: fn.funcUrn }],
  states: [
    {
      id: "double",
      type: "Operation",
      transition: "done",
      actions: [{ functionRef: { refName: "doubler", arguments: { n: "$.n", fail: "$.fail" } } }],
    },
    { id: "done", type: "End" },
  ],
});

const run = new cloudfn.functiongraph.WorkflowExecution("run", {
  workflowId: flow.workflowId,
  input: { n, fail },
  timeoutSeconds: 120,
});

export const workflowId = flow.workflowId;
export const executionId = run.executionId;
export const status = run.status;
export const output = run.output;
