// A canary release on FunctionGraph, one `pulumi up` per step:
//
//   pulumi config set canary:step v1        # publish v1, alias `live` → v1
//   pulumi config set canary:step canary    # deploy the new code, publish v2, send 10% of `live` to it
//   pulumi config set canary:step promote   # `live` → v2 (100%)
//   pulumi config set canary:step rollback  # `live` → v1 again; v2 stays published
//
// Callers, the timer and the async configuration use the alias, so they never change while
// traffic moves. `cloudfn review` prints each step's split, e.g. `live: v1 90% / v2 10% → v2 100%`.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const fg = cloudfn.functiongraph;
const config = new pulumi.Config();
const step = new pulumi.Config("canary").get("step") ?? "v1";
const STEPS = ["v1", "canary", "promote", "rollback"];
if (!STEPS.includes(step)) throw new Error(`canary:step must be one of ${STEPS.join(", ")}; got "${step}"`);
const newCode = step !== "v1";

const fn = new fg.Function("api", {
  name: config.get("functionName") ?? "cloudfn-canary",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memorySize: 256,
  timeout: 30,
  code: new pulumi.asset.FileArchive(newCode ? "./app-v2" : "./app-v1"),
});

// No `digest`: v1 is published once, from the code of the first step, and kept as it is.
const v1 = new fg.Version("v1", { functionUrn: fn.funcUrn, name: "v1", description: "first release" });

// v2 holds the new code: `digest` ties it to the code the Function deployed (and publishes
// again if that code changes while v2 is being rolled out).
const v2 = newCode
  ? new fg.Version("v2", { functionUrn: fn.funcUrn, name: "v2", description: "second release", digest: fn.digest })
  : undefined;

const routes: Record<string, { version: pulumi.Input<string>; weights?: Record<string, number> }> = {
  v1: { version: v1.version },
  canary: { version: v1.version, weights: { v2: 10 } },
  promote: { version: v2?.version ?? "v2" },
  rollback: { version: v1.version },
};
const route = routes[step];

const live = new fg.Alias(
  "live",
  {
    functionUrn: fn.funcUrn,
    name: "live",
    version: route.version,
    additionalVersionWeights: route.weights,
    description: `step ${step}`,
  },
  // The weights name v2 by its literal name, so say that the alias needs it.
  { dependsOn: v2 ? [v2] : [] },
);

// Bound to the alias: always runs what `live` routes to.
new fg.Trigger("nightly", {
  functionUrn: fn.funcUrn,
  qualifier: live.qualifier,
  type: "TIMER",
  timer: { name: "nightly", scheduleType: "Cron", schedule: "0 0 3 * * *" },
});
new fg.AsyncInvokeConfig("live-async", {
  functionUrn: fn.funcUrn,
  qualifier: live.qualifier,
  maxAsyncRetryAttempts: 0,
});

export const functionUrn = fn.funcUrn;
export const aliasUrn = live.aliasUrn;
export const v1Urn = v1.qualifiedUrn;
export const v2Urn = v2?.qualifiedUrn;
