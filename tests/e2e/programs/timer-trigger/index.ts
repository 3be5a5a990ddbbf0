import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();

const fn = new cloudfn.functiongraph.Function("ticker", {
  name: "cloudfn-ticker",
  runtime: "Node.js18.15",
  handler: "index.handler",
  code: new pulumi.asset.FileArchive("./app"),
});

const timer = new cloudfn.functiongraph.Trigger("every-5m", {
  functionUrn: fn.funcUrn,
  type: "TIMER",
  status: config.get("status") ?? "ACTIVE",
  timer: { name: "every-5m", scheduleType: "Rate", schedule: config.get("schedule") ?? "5m", userEvent: "tick" },
});

export const functionUrn = fn.funcUrn;
export const triggerKey = timer.id;
