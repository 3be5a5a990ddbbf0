// Quickstart: a LeanEngine project deployed to staging and production, one variable, and calls.
// For the real LeanCloud set cloudfn:leancloudAppId, leancloudAppKey, leancloudMasterKey and
// leancloudConsoleToken (secrets) and, for apps in China, leancloudServerUrl (your API domain).
// LeanCloud stops its public services on 2027-01-12.
import * as pulumi from "@pulumi/pulumi";
import * as cloudfn from "pulumi-cloudfn";

const config = new pulumi.Config();
const lc = cloudfn.leancloud;

const vars = new lc.EngineEnvironmentVariables("vars", {
  variables: { GREETING: config.get("greeting") ?? "Hello" },
});

const code = new pulumi.asset.FileArchive("./engine");
const opts = { dependsOn: [vars] };
const staging = new lc.EngineDeployment("staging", { code, environment: "staging", comment: "cloudfn example" }, opts);
const production = new lc.EngineDeployment(
  "production",
  { code, environment: "production", comment: "cloudfn example" },
  opts,
);

// Call again whenever a new version is deployed or the variables change.
const helloStaging = new lc.Invocation("hello-staging", {
  name: "hello",
  environment: "staging",
  params: { name: "cloudfn" },
  triggers: [staging.version, vars.variables],
});
const helloProduction = new lc.Invocation("hello-production", {
  name: "hello",
  params: { name: "cloudfn" },
  triggers: [production.version, vars.variables],
});
const plan = new lc.Invocation("plan", {
  name: "planTodo",
  rpc: true,
  triggers: [production.version],
  params: { todo: lc.rpc.object("Todo", { title: "write docs" }), due: lc.rpc.date("2026-12-31T00:00:00.000Z") },
});

// An optional extra call, to try names, params and environments from the command line.
const probeName = config.get("probeFunction");
const probe = probeName
  ? new lc.Invocation("probe", {
      name: probeName,
      params: config.get("probeParams") ?? {},
      environment: config.get("probeEnvironment") as any,
      triggers: [production.version],
    })
  : undefined;

export const stagingVersion = staging.version;
export const productionVersion = production.version;
export const functions = production.functions;
export const stagingAnswer = helloStaging.result;
export const productionAnswer = helloProduction.result;
export const planned = plan.result;
export const probeResult = probe?.result;
