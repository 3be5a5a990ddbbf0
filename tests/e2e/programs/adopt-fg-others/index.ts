// Adopts a function, its TIMER trigger (found by the timer's name) and a workflow that already
// exist (created out of band by the test). The trigger's status and the workflow's description
// differ from the live objects, so the first up updates exactly those. Config `adopt` (default
// true) toggles the flag.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const adopt = new pulumi.Config().getBoolean("adopt") ?? true;

const fn = new cloudfn.functiongraph.Function("host", {
  adopt,
  name: "host-fn",
  runtime: "Node.js18.15",
  handler: "index.handler",
  timeout: 30,
  description: "made by hand",
  code: new pulumi.asset.FileArchive("./fg"),
});
const timer = new cloudfn.functiongraph.Trigger("nightly", {
  adopt,
  functionUrn: fn.funcUrn,
  type: "TIMER",
  status: "ACTIVE",
  timer: { name: "nightly", scheduleType: "Cron", schedule: "0 0 3 * * *" },
});
const flow = new cloudfn.functiongraph.Workflow("orders", {
  adopt,
  name: "orders_flow",
  description: "managed",
  start: "a",
  functions: [{ name: "fn", functionUrn: fn.funcUrn }],
  states: [
    { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
    { id: "b", type: "End" },
  ],
});

export const triggerId = timer.triggerId;
export const triggerStatus = timer.status;
export const workflowUrn = flow.workflowUrn;
