/**
 * The CloudFunction and Invocation providers' CRUD against the in-process emulator
 * (emulator-only; not yet run against the real platform). Asserts on the emulator's request
 * log, so "an update is one PATCH" is checked request by request.
 */
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { sha256Hex } from "../../provider/core/archive";
import { clearTokens } from "../../provider/minapp/auth";
import { provider, tuning } from "../../provider/minapp/cloud-function";
import { CloudFunctionInputs } from "../../provider/minapp/cloud-function/schema";
import { clearStackConfig } from "../../provider/minapp/config";
import { provider as invocation } from "../../provider/minapp/invocation";
import { InvocationInputs } from "../../provider/minapp/invocation/schema";
import { listJobRecords } from "../../provider/minapp/jobs";
import {
  FUNCTIONS,
  clearRequestLog,
  functionPath,
  minappApiCounts,
  minappCall,
  minappOps,
} from "../helpers/minapp-http";

jest.setTimeout(60_000);
let emu: RunningEmulator;
const { clientId, clientSecret, environments } = EMULATOR_DEFAULTS.minapp;
const V1 = 'exports.main = async (event) => "hello " + event.data.who;\n';
const V2 = 'exports.main = async (event) => "bonjour " + event.data.who;\n';

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.url}/_emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return res.status === 204 ? undefined : res.json();
}

function configure(extra: Record<string, string> = {}) {
  const values: Record<string, string> = {
    "cloudfn:minappEndpoint": emu.url,
    "cloudfn:minappClientId": clientId,
    "cloudfn:minappClientSecret": clientSecret,
    ...extra,
  };
  const config = { get: (k: string) => values[k], require: (k: string) => values[k] };
  return Promise.all([provider.configure!({ config }), invocation.configure!({ config })]);
}

async function checked(over: Record<string, unknown> = {}): Promise<CloudFunctionInputs> {
  const res = await provider.check!(
    {} as CloudFunctionInputs,
    { name: "hello", code: V1, ...over } as unknown as CloudFunctionInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

async function run(over: Partial<InvocationInputs>) {
  const res = await invocation.check!({} as InvocationInputs, { functionName: "hello", ...over } as InvocationInputs);
  expect(res.failures).toBeUndefined();
  return invocation.create(res.inputs!);
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, minapp: { syncTimeoutMs: 1500 } });
  tuning.client = { baseDelayMs: 1 };
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await control("POST", "reset");
  clearTokens();
  await configure();
});

describe("minapp CloudFunction provider against the emulator", () => {
  it("create → read → one-PATCH update → dashboard drift → delete, one token for the whole process", async () => {
    const inputs = await checked({ remark: "demo" });
    const { id, outs } = await provider.create(inputs);
    expect(id).toBe("hello");
    expect(outs).toMatchObject({
      name: "hello",
      source: V1,
      remark: "demo",
      planCircle: "P_FREE",
      auditStatus: "approved",
      codeHash: sha256Hex(V1),
      createdBy: "",
      updatedBy: "",
    });
    expect(outs!.functionId).toEqual(expect.any(Number));
    expect(await minappOps(emu.url)).toEqual([
      "Authorize 302",
      "AuthorizeConsent 302",
      "AuthorizeResult 200",
      "AccessToken 200",
      "CreateCloudFunction 201",
    ]);

    const read = await provider.read!(id, outs);
    expect(read.props).toEqual(outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });

    await clearRequestLog(emu.url);
    const v2 = await checked({ remark: "demo 2", code: V2, planCircle: "P_PERSONAL" });
    expect(await provider.diff!(id, outs!, v2)).toEqual({ changes: true, replaces: [] });
    const updated = (await provider.update!(id, outs!, v2)).outs!;
    expect(await minappOps(emu.url)).toEqual(["UpdateCloudFunction 202"]);
    expect(updated).toMatchObject({
      source: V2,
      remark: "demo 2",
      planCircle: "P_PERSONAL",
      codeHash: sha256Hex(V2),
      functionId: outs!.functionId,
    });
    expect((await run({ data: { who: "ann" } })).outs!.result).toBe("bonjour ann");

    // Someone edits the code in the dashboard: read reports the live code.
    const edited = 'exports.main = async () => "edited in the dashboard";\n';
    expect((await minappCall(emu.url, "PATCH", functionPath("hello"), { function_code: edited })).status).toBe(202);
    const drift = await provider.read!(id, updated);
    expect(drift.props).toMatchObject({ source: edited, codeHash: sha256Hex(edited) });
    expect((drift.inputs as unknown as CloudFunctionInputs).source).toBe(edited);
    expect(await provider.diff!(id, drift.props!, v2)).toEqual({ changes: true, replaces: [] });

    await clearRequestLog(emu.url);
    await provider.delete!(id, drift.props!);
    await provider.delete!(id, drift.props!);
    expect(await provider.read!(id, drift.props)).toEqual({});
    expect(await minappOps(emu.url)).toEqual([
      "DeleteCloudFunction 204",
      "DeleteCloudFunction 404",
      "GetCloudFunction 404",
    ]);
  });

  it("a non-default plan is a create then one PATCH; a failing PATCH deletes the new function again", async () => {
    const { outs } = await provider.create(await checked({ planCircle: "P_PERSONAL" }));
    expect(outs!.planCircle).toBe("P_PERSONAL");
    expect(await minappApiCounts(emu.url)).toEqual({ CreateCloudFunction: 1, UpdateCloudFunction: 1 });

    await control("POST", "faults", {
      platform: "minapp",
      operation: "UpdateCloudFunction",
      status: 400,
      errorMsg: "plan not available",
      times: 1,
    });
    const err = await provider.create(await checked({ name: "other", planCircle: "P_PERSONAL" })).catch((e) => e);
    expect(err.message).toMatch(
      /^cloud function "other" was created but setting planCircle failed, so it was deleted again: HTTP 400: plan not available \(request id [0-9a-f-]+\)$/,
    );
    expect((await minappCall(emu.url, "GET", functionPath("other"))).status).toBe(404);
  });

  it("the same name in production and in a test environment are two resources", async () => {
    const env = environments[0];
    const prod = await provider.create(await checked());
    const staged = await provider.create(await checked({ environmentId: env, code: V2 }));
    expect([prod.id, staged.id]).toEqual(["hello", `${env}/hello`]);
    expect((await minappCall(emu.url, "GET", functionPath("hello"), undefined, env)).body.function_code).toBe(V2);
    expect((await minappCall(emu.url, "GET", functionPath("hello"))).body.function_code).toBe(V1);
    expect((await provider.read!(staged.id, staged.outs)).props).toMatchObject({ environmentId: env, source: V2 });
    await provider.delete!(staged.id, staged.outs!);
    expect((await minappCall(emu.url, "GET", functionPath("hello"))).status).toBe(200);
  });

  it("a create whose response was lost is reconciled on retry; someone else's function is not", async () => {
    await control("POST", "faults", {
      platform: "minapp",
      operation: "CreateCloudFunction",
      dropAfter: true,
      times: 1,
    });
    const { id, outs } = await provider.create(await checked());
    expect(id).toBe("hello");
    expect(outs!.source).toBe(V1);
    expect(await minappApiCounts(emu.url)).toEqual({ CreateCloudFunction: 2, GetCloudFunction: 1 });
    const list = await minappCall(emu.url, "GET", FUNCTIONS);
    expect(list.body.objects.map((o: { name: string }) => o.name)).toEqual(["hello"]);

    const err = await provider.create(await checked({ code: V2 })).catch((e) => e);
    expect(err.message).toMatch(
      /^cloud function "hello" already exists with different code, so it was not created by this deployment/,
    );
  });

  it("re-runs the two-step flow once when the token is revoked (a refresh elsewhere)", async () => {
    await provider.create(await checked());
    // Another session uses the refresh grant, which revokes every token of the client.
    const { minappLogin, minappRequest } = await import("../../emulator/testing/minapp-client");
    const other = await minappLogin(emu.url);
    const refreshed = await minappRequest(emu.url, {
      method: "POST",
      path: "/api/oauth2/access_token/",
      body: {
        client_id: clientId,
        client_secret: clientSecret,
        refresh_token: other.refresh_token,
        grant_type: "refresh_token",
      },
    });
    expect(refreshed.status).toBe(200);
    await clearRequestLog(emu.url);
    expect((await provider.read!("hello")).id).toBe("hello");
    expect(await minappOps(emu.url)).toEqual([
      "GetCloudFunction 401",
      "Authorize 302",
      "AuthorizeConsent 302",
      "AuthorizeResult 200",
      "AccessToken 200",
      "GetCloudFunction 200",
    ]);
  });
});

describe("minapp Invocation provider against the emulator", () => {
  beforeEach(async () => {
    await provider.create(
      await checked({
        code: [
          "exports.main = async (event) => {",
          '  console.log("got", JSON.stringify(event.data));',
          '  if (event.data.fail) throw new TypeError("bad input: " + event.data.fail);',
          "  if (event.data.hang) return undefined;",
          "  return { hello: event.data.who, type: event.eventType };",
          "};",
        ].join("\n"),
      }),
    );
  });

  it("runs sync, async and debug, with the function's answer as the result", async () => {
    expect((await run({ data: { who: "ann" } })).outs).toMatchObject({
      functionName: "hello",
      mode: "sync",
      result: { hello: "ann", type: "open_api" },
    });
    expect((await run({ data: { who: "bob" }, mode: "async" })).outs!.result).toEqual({ status: "ok" });
    const debug = (await run({ data: { who: "cy" }, mode: "debug" })).outs!;
    expect(debug.result).toEqual({ hello: "cy", type: "sdk" });
    expect(debug.jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(debug.log).toMatch(/INFO got {"who":"cy"}|LOG got {"who":"cy"}/);
  });

  it("a throwing function fails with its error type, message, stack and log", async () => {
    const err = await run({ data: { fail: "x" } }).catch((e) => e);
    expect(err.message).toMatch(/^MinApp cloud function "hello" failed \(sync run\): TypeError: bad input: x/);
    expect(err.message).toMatch(/\nlog:\n[\s\S]*got {"fail":"x"}[\s\S]*TypeError: bad input: x/);
    const debugErr = await run({ data: { fail: "y" }, mode: "debug" }).catch((e) => e);
    expect(debugErr.message).toMatch(
      /^MinApp cloud function "hello" failed \(debug run\): TypeError: bad input: y\nstack:\nTypeError: bad input: y/,
    );
  });

  it("a function that never answers fails with the platform's timeout", async () => {
    const err = await run({ data: { hang: true } }).catch((e) => e);
    expect(err.message).toMatch(
      /^MinApp cloud function "hello" failed \(sync run\): TimeoutError: Task timed out after 1\.50 seconds/,
    );
  });

  it("a callback-style function that never calls back times out; one that calls back an error fails with it", async () => {
    await provider.create(
      await checked({
        name: "cb",
        code: 'exports.main = function (event, callback) {\n  if (event.data.err) callback(new SyntaxError("nope"));\n};\n',
      }),
    );
    const silent = await run({ functionName: "cb" }).catch((e) => e);
    expect(silent.message).toMatch(
      /^MinApp cloud function "cb" failed \(sync run\): TimeoutError: Task timed out after 1\.50 seconds/,
    );
    const erred = await run({ functionName: "cb", data: { err: true } }).catch((e) => e);
    expect(erred.message).toMatch(/^MinApp cloud function "cb" failed \(sync run\): SyntaxError: nope/);
  });

  it("diff: data, mode and the function's code re-run it; nothing replaces", async () => {
    const { outs } = await run({ data: { who: "a" }, codeHash: "h1" });
    const same = (
      await invocation.check!(
        {} as InvocationInputs,
        { functionName: "hello", data: { who: "a" }, codeHash: "h1" } as unknown as InvocationInputs,
      )
    ).inputs!;
    expect(await invocation.diff!("x", outs!, same)).toEqual({ changes: false, replaces: [] });
    expect(await invocation.diff!("x", outs!, { ...same, codeHash: "h2" })).toEqual({ changes: true, replaces: [] });
    expect(await invocation.diff!("x", outs!, { ...same, data: { who: "b" } })).toEqual({
      changes: true,
      replaces: [],
    });
  });

  it("listJobRecords pages to the end and filters", async () => {
    for (let i = 0; i < 3; i++) await run({ data: { who: String(i) } });
    await run({ data: { fail: "z" } }).catch(() => undefined);
    const conn = { endpoint: emu.url, clientId, clientSecret };
    const all = await listJobRecords("hello", conn);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const failed = await listJobRecords("hello", { ...conn, status: "execution_failed" });
    expect(failed.map((j) => j.status)).toEqual(["execution_failed"]);
  });
});
