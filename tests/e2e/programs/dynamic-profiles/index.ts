// The same function, timer and MinApp function deployed with two named profiles (two accounts or
// regions, each its own emulator here), plus a function on the default configuration whose
// profile the test changes through config, and (once the test sets `reportProfile`) a helper
// reading with a profile.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const code = new pulumi.asset.FileArchive("./app");

function twin(profile: string) {
  const fn = new cloudfn.functiongraph.Function(`twin-${profile}`, {
    name: "cloudfn-twin",
    runtime: "Node.js18.15",
    handler: "index.handler",
    code,
    profile,
  });
  const timer = new cloudfn.functiongraph.Trigger(`tick-${profile}`, {
    functionUrn: fn.funcUrn,
    type: "TIMER",
    timer: { name: "tick", scheduleType: "Rate", schedule: "5m", userEvent: profile },
    profile,
  });
  const mini = new cloudfn.minapp.CloudFunction(`mini-${profile}`, {
    name: "cloudfn_twin",
    code: new pulumi.asset.FileArchive("./minapp"),
    profile,
  });
  return { urn: fn.funcUrn, trigger: timer.id, mini: mini.functionId };
}

export const north = twin("north");
export const south = twin("south");

const plain = new cloudfn.functiongraph.Function("plain", {
  name: "cloudfn-plain",
  runtime: "Node.js18.15",
  handler: "index.handler",
  code,
  profile: config.get("plainProfile"),
});
export const plainUrn = plain.funcUrn;

// A helper, not a resource: read at every run with the named profile's settings.
const reportProfile = config.get("reportProfile");
export const report = reportProfile
  ? cloudfn.functiongraph.getFunctionReport({ type: "count", profile: reportProfile })
  : undefined;
