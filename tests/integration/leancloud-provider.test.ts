/**
 * The LeanCloud providers' CRUD called directly against an in-process emulator: real deploys of
 * a LeanEngine project (run by the real leanengine SDK), calls in both environments, RPC
 * decoding, errors with LeanCloud's codes, variables merged into the group's map, drift.
 */
import * as pulumi from "@pulumi/pulumi";
import axios from "axios";
import { lcCall } from "../../emulator/testing/leancloud-client";
import { writeProject } from "../../emulator/testing/leancloud-projects";
import { provider as deployment } from "../../provider/leancloud/engine-deployment";
import { DeploymentInputs, DeploymentOutputs } from "../../provider/leancloud/engine-deployment/schema";
import { provider as envVars } from "../../provider/leancloud/engine-environment-variables";
import { EnvVarsInputs } from "../../provider/leancloud/engine-environment-variables/schema";
import { provider as invocation } from "../../provider/leancloud/invocation";
import { InvocationInputs } from "../../provider/leancloud/invocation/schema";
import { PACKAGE_JSON, cloudJs } from "../helpers/leancloud-projects";
import { leanCloudEmulator } from "../helpers/leancloud-emulator";

jest.setTimeout(120_000);
const lc = leanCloudEmulator({ leancloudFunctionTimeoutMs: 1000 });

const project = (version: string) =>
  new pulumi.asset.FileArchive(writeProject({ "cloud.js": cloudJs(version), "package.json": PACKAGE_JSON }));
const requests = async () =>
  (await axios.get(`${lc.emu.url}/_emulator/requests`)).data
    .filter((r: any) => r.platform === "leancloud")
    .map((r: any) => r.operation);
const clearRequests = () => axios.delete(`${lc.emu.url}/_emulator/requests`);
const groupVars = async () =>
  (
    await lcCall(lc.emu.url, lc.emu.leancloud, { method: "GET", path: "/1.1/engine/groups?all=true", auth: "console" })
  ).body.find((g: any) => g.groupName === "web").environments;

async function checked<T>(
  p: { check?: (o: T, n: T) => Promise<{ inputs?: T; failures?: unknown[] }> },
  news: Record<string, unknown>,
): Promise<T> {
  const res = await p.check!({} as T, news as unknown as T);
  expect(res.failures).toBeUndefined();
  return res.inputs as T;
}
const call = async (news: Record<string, unknown>) =>
  invocation.create(await checked<InvocationInputs>(invocation, news));

describe("EngineDeployment + Invocation", () => {
  let staging: DeploymentOutputs;

  it("deploys the project to staging and production with the console API calls lean-cli makes", async () => {
    await clearRequests();
    const stagingIn = await checked<DeploymentInputs>(deployment, {
      code: project("v1"),
      environment: "staging",
      comment: "first",
    });
    const created = await deployment.create(stagingIn);
    staging = created.outs!;
    expect(created.id).toBe(`${lc.emu.leancloud.appId}:web:staging`);
    expect(staging.version).toMatch(/^\d{8}-\d{6}/);
    expect(staging.functions).toEqual(["describe", "fail", "hello", "makeTodo", "slow"]);
    const ops = await requests();
    expect(ops.filter((o: string) => o !== "GetEngineEvents")).toEqual([
      "GetEngineGroups",
      "DeployEngine",
      "GetEngineGroups",
      "GetFunctionMetadatas",
    ]);
    expect(ops).toContain("GetEngineEvents");
    await deployment.create(await checked<DeploymentInputs>(deployment, { code: project("v1") }));
  });

  it("calls the function in each environment and gets each environment's answer", async () => {
    const prod = await call({ name: "hello", params: { name: "ann" } });
    const stage = await call({ name: "hello", params: '{"name":"ann"}', environment: "staging" });
    expect(prod.outs!.result).toBe("Hello, ann from production v1");
    expect(stage.outs!.result).toBe("Hello, ann from stage v1");
  });

  it("RPC: a Date and an Object go in typed and come out decoded", async () => {
    const when = { __type: "Date", iso: "2024-05-01T08:00:00.000Z" };
    const todo = { __type: "Object", className: "Todo", title: "ship" };
    const res = await call({ name: "describe", rpc: true, params: { when, todo } });
    expect(res.outs!.result).toEqual({
      isDate: true,
      iso: "2024-05-01T08:00:00.000Z",
      className: "Todo",
      title: "ship",
    });
    const made = await call({ name: "makeTodo", rpc: true, params: { title: "t" } });
    expect(made.outs!.result).toEqual({
      className: "Todo",
      objectId: "t1",
      title: "t",
      due: "2024-05-01T08:00:00.000Z",
    });
    expect(made.outs!.rawResult).toMatchObject({
      __type: "Object",
      due: { __type: "Date", iso: "2024-05-01T08:00:00.000Z" },
    });
  });

  it("errors carry LeanCloud's code: unknown function, thrown Cloud.Error, timeout, wrong key", async () => {
    await expect(call({ name: "nope" })).rejects.toThrow(
      "LeanCloud function \"nope\" (production, POST /1.1/functions/nope) failed: LeanCloud code 1, HTTP 404: No such cloud function 'nope'",
    );
    await expect(call({ name: "fail" })).rejects.toThrow(/LeanCloud code 4242, HTTP 400: bad input/);
    await clearRequests();
    await expect(call({ name: "slow" })).rejects.toThrow(
      /LeanCloud code 124, HTTP 503: The request timed out on the server/,
    );
    expect(await requests()).toEqual(["CallFunction"]);
    process.env.LEANCLOUD_APP_KEY = "wrong-key";
    try {
      await expect(call({ name: "hello" })).rejects.toThrow(/LeanCloud code 401, HTTP 401: Unauthorized\./);
    } finally {
      process.env.LEANCLOUD_APP_KEY = lc.emu.leancloud.appKey;
    }
  });

  it("refresh sees an out-of-band deploy as drift; an update with the same code makes no call, new code redeploys", async () => {
    expect((await deployment.read!("id", staging)).props).toEqual(staging);
    const oob = await lcCall(lc.emu.url, lc.emu.leancloud, {
      method: "POST",
      path: "/_emulator/leancloud/deploy",
      auth: "none",
      body: { path: writeProject({ "cloud.js": cloudJs("oob") }), prod: 0 },
    });
    expect(oob.status).toBe(200);
    const read = await deployment.read!("id", staging);
    expect(read.props).toMatchObject({ version: oob.body.versionTag, codeHash: `drift:${oob.body.versionTag}` });
    const same = await checked<DeploymentInputs>(deployment, {
      code: project("v1"),
      environment: "staging",
      comment: "first",
    });
    expect(await deployment.diff!("id", read.props!, same)).toEqual({ changes: true, replaces: [] });
    await clearRequests();
    expect((await deployment.update!("id", staging, { ...same, comment: "again" })).outs).toMatchObject({
      version: staging.version,
      comment: "again",
    });
    expect(await requests()).toEqual([]);
    const redeployed = await deployment.update!("id", read.props!, same);
    expect(redeployed.outs!.version).not.toBe(oob.body.versionTag);
    expect((await call({ name: "hello", environment: "staging" })).outs!.result).toBe("Hello, world from stage v1");
  });

  it("a project that does not start fails the deploy with the platform's events", async () => {
    const broken = new pulumi.asset.AssetArchive({
      "cloud.js": new pulumi.asset.StringAsset("throw new Error('boom at startup');"),
    });
    await expect(
      deployment.create(await checked<DeploymentInputs>(deployment, { code: broken, environment: "staging" })),
    ).rejects.toThrow(/LeanEngine deploy to group "web" \(staging\) failed: .*\[error\]/);
  });
});

describe("EngineEnvironmentVariables", () => {
  it("merges owned names into the group's map, the engine sees them, and delete removes only them", async () => {
    const put = await lcCall(lc.emu.url, lc.emu.leancloud, {
      method: "PATCH",
      path: "/1.1/engine/groups/web",
      auth: "console",
      body: { environments: { THEIRS: "keep" } },
    });
    expect(put.status).toBe(200);
    const inputs = await checked<EnvVarsInputs>(envVars, {
      variables: { GREETING: "Hi" },
      secretVariables: { API_TOKEN: "tok-1" },
    });
    const created = await envVars.create(inputs);
    expect(created.outs).not.toHaveProperty("secretVariables");
    expect(await groupVars()).toEqual({ THEIRS: "keep", GREETING: "Hi", API_TOKEN: "tok-1" });
    expect((await call({ name: "hello" })).outs!.result).toBe("Hi, world from production v1");

    // Someone changes GREETING and the secret out of band: refresh reports both.
    await lcCall(lc.emu.url, lc.emu.leancloud, {
      method: "PATCH",
      path: "/1.1/engine/groups/web",
      auth: "console",
      body: { environments: { THEIRS: "keep", GREETING: "Yo", API_TOKEN: "tok-2" } },
    });
    const read = await envVars.read!(created.id, created.outs);
    expect(read.props).toEqual({
      group: "web",
      variables: { GREETING: "Yo" },
      secretVariableHashes: { API_TOKEN: "drift:changed" },
    });
    expect((await envVars.diff!(created.id, read.props!, inputs)).changes).toBe(true);

    const next = await checked<EnvVarsInputs>(envVars, { variables: { GREETING: "Hey" } });
    const updated = await envVars.update!(created.id, read.props!, next);
    expect(await groupVars()).toEqual({ THEIRS: "keep", GREETING: "Hey" });
    await envVars.delete!(created.id, updated.outs!);
    expect(await groupVars()).toEqual({ THEIRS: "keep" });
  });
});

describe("transient faults", () => {
  const fault = (rule: Record<string, unknown>) =>
    axios.post(`${lc.emu.url}/_emulator/faults`, { platform: "leancloud", ...rule });
  afterEach(() => axios.delete(`${lc.emu.url}/_emulator/faults`));

  it("console calls are retried through 503s, 429s and dropped connections", async () => {
    await fault({ operation: "GetEngineGroups", status: 503, times: 2 });
    await fault({ operation: "UpdateEnvironmentVariables", status: 429, times: 1 });
    await fault({ operation: "GetEngineGroups", drop: true, times: 1 });
    await clearRequests();
    const created = await envVars.create(await checked<EnvVarsInputs>(envVars, { variables: { RETRIED: "yes" } }));
    const ops = await requests();
    expect(await groupVars()).toMatchObject({ RETRIED: "yes" });
    expect(ops.filter((o: string) => o === "GetEngineGroups")).toHaveLength(4);
    expect(ops.filter((o: string) => o === "UpdateEnvironmentVariables")).toHaveLength(2);
    await envVars.delete!(created.id, created.outs!);
  });

  it("a call whose response was lost fails clearly and is not made twice", async () => {
    await fault({ operation: "CallFunction", dropAfter: true, times: 1 });
    await clearRequests();
    await expect(call({ name: "hello" })).rejects.toThrow(
      /LeanCloud function "hello" \(production, POST \/1.1\/functions\/hello\) failed: LeanCloud: no answer from http:\/\/127\.0\.0\.1:\d+ \(from environment variable CLOUDFN_LEANCLOUD_SERVER_URL\) after 1 attempt/,
    );
    expect(await requests()).toEqual(["CallFunction"]);
  });
});
