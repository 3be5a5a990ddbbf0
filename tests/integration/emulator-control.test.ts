/** Control plane, IAM tokens, fault rules, request log and persistence. Emulator-only. */
import { readFileSync } from "fs";
import { join } from "path";
import { ManualClock, seededIds, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { tempDir } from "../helpers/temp-dirs";
import { inlineFunction } from "../helpers/fg-emulator";

let emu: RunningEmulator;
let clock: ManualClock;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
const control = (method: string, path: string, body?: unknown) =>
  fgCall(emu.url, emu.credentials, { method, path: `/_emulator/${path}`, body, auth: "none" });
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;
const fnBody = (name: string) => inlineFunction(name, "exports.handler = async () => 'ok';", 3);
const names = async () =>
  (await call({ method: "GET", path: FN() })).body.functions.map((f: { func_name: string }) => f.func_name);
const tokenBody = (password: string) => ({
  auth: {
    identity: { methods: ["password"], password: { user: { name: "cloudfn", password, domain: { name: "cloudfn" } } } },
    scope: { project: { name: "cn-north-4" } },
  },
});

beforeEach(async () => {
  clock = new ManualClock("2024-01-02T03:04:05Z");
  emu = await startEmulator({ clock, ids: seededIds(7) });
});
afterEach(() => emu.close());

describe("control plane", () => {
  it("answers health, logs only platform calls with operation names, and resets", async () => {
    expect((await control("GET", "health")).body).toEqual({ status: "ok" });
    await call({ method: "POST", path: FN(), body: fnBody("a") });
    await call({ method: "GET", path: `${FN()}/a/config` });
    await call({ method: "GET", path: `${FN()}/a/nothing` });
    await call({ method: "DELETE", path: `${FN()}/a`, auth: "none" });
    const log = (await control("GET", "requests")).body as Record<string, unknown>[];
    expect(log.map(({ durationMs, ...rest }) => (typeof durationMs === "number" ? rest : undefined))).toEqual([
      { seq: 1, method: "POST", path: FN(), status: 200, platform: "functiongraph", operation: "CreateFunction" },
      {
        seq: 2,
        method: "GET",
        path: `${FN()}/a/config`,
        status: 200,
        platform: "functiongraph",
        operation: "ShowFunctionConfig",
      },
      {
        seq: 3,
        method: "GET",
        path: `${FN()}/a/nothing`,
        status: 404,
        platform: "functiongraph",
        operation: "Unknown",
      },
      {
        seq: 4,
        method: "DELETE",
        path: `${FN()}/a`,
        status: 401,
        platform: "functiongraph",
        operation: "DeleteFunction",
      },
    ]);
    expect((await control("DELETE", "requests")).status).toBe(204);
    expect((await control("GET", "requests")).body).toEqual([]);
    expect(
      Object.keys((await control("GET", "state")).body.platforms.functiongraph[emu.credentials.projectId].functions),
    ).toEqual(["default/a"]);
    await control("POST", "faults", { operation: "*", status: 500 });
    expect((await control("POST", "reset")).status).toBe(200);
    expect((await control("GET", "state")).body).toEqual({ version: 1, platforms: {} });
    expect((await control("GET", "faults")).body).toEqual([]);
  });

  it("issues 24 h IAM tokens and rejects wrong passwords and expired tokens", async () => {
    const bad = await call({ method: "POST", path: "/v3/auth/tokens", body: tokenBody("nope"), auth: "none" });
    expect([bad.status, bad.body]).toEqual([
      401,
      { error: { code: 401, message: "The request you have made requires authentication.", title: "Unauthorized" } },
    ]);
    const ok = await call({
      method: "POST",
      path: "/v3/auth/tokens?nocatalog=true",
      body: tokenBody(emu.credentials.password),
      auth: "none",
    });
    expect(ok.status).toBe(201);
    const token = String(ok.headers["x-subject-token"]);
    expect(ok.body.token).toMatchObject({
      issued_at: "2024-01-02T03:04:05Z",
      expires_at: "2024-01-03T03:04:05Z",
      methods: ["password"],
      project: { id: emu.credentials.projectId, name: "cn-north-4" },
    });
    expect((await call({ method: "GET", path: FN(), auth: { token } })).status).toBe(200);
    clock.advance(24 * 3600 * 1000);
    const expired = await call({ method: "GET", path: FN(), auth: { token } });
    expect([expired.status, expired.body]).toEqual([
      401,
      {
        error_code: "APIG.0301",
        error_msg: "Incorrect IAM authentication information: token expires, expires_at: 2024-01-03T03:04:05Z",
      },
    ]);
    const forged = await call({ method: "GET", path: FN(), auth: { token: "MIIforged" } });
    expect(forged.body.error_msg).toBe("Incorrect IAM authentication information: decrypt token fail");
  });
});

describe("faults", () => {
  it("injects a platform-shaped status for the next N matching calls only", async () => {
    const added = await control("POST", "faults", {
      platform: "functiongraph",
      operation: "CreateFunction",
      status: 503,
      times: 2,
    });
    expect([added.status, added.body]).toEqual([201, { id: "fault-1" }]);
    expect((await call({ method: "GET", path: FN() })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await call({ method: "POST", path: FN(), body: fnBody("a") });
      expect([res.status, res.body]).toEqual([503, { error_code: "FSS.0503", error_msg: "injected fault" }]);
    }
    expect((await call({ method: "POST", path: FN(), body: fnBody("a") })).status).toBe(200);
    expect((await control("GET", "faults")).body).toEqual([]);
    await control("POST", "faults", { operation: "*", status: 429 });
    const throttled = await call({ method: "GET", path: FN() });
    expect([throttled.status, throttled.body.error_code]).toEqual([429, "APIG.0308"]);
    expect((await control("GET", "faults")).body).toMatchObject([
      { id: "fault-2", operation: "*", status: 429, hits: 1 },
    ]);
    expect((await control("DELETE", "faults")).status).toBe(204);
    expect((await call({ method: "GET", path: FN() })).status).toBe(200);
  });

  it("drops before the operation, or after it (the lost-response case)", async () => {
    await control("POST", "faults", { operation: "CreateFunction", drop: true, times: 1 });
    expect((await call({ method: "POST", path: FN(), body: fnBody("a") })).dropped).toBe(true);
    expect(await names()).toEqual([]);
    await control("POST", "faults", { operation: "CreateFunction", dropAfter: true, times: 1 });
    expect((await call({ method: "POST", path: FN(), body: fnBody("b") })).dropped).toBe(true);
    expect(await names()).toEqual(["b"]);
    const log = (await control("GET", "requests")).body as { operation: string; status: number }[];
    expect(log.map((e) => [e.operation, e.status])).toEqual([
      ["CreateFunction", 0],
      ["ListFunctions", 200],
      ["CreateFunction", 0],
      ["ListFunctions", 200],
    ]);
  });

  it("adds latency, applies probability with the seeded random, and validates rules", async () => {
    await control("POST", "faults", { operation: "ListFunctions", latencyMs: 200, times: 1 });
    const started = Date.now();
    expect((await call({ method: "GET", path: FN() })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await control("POST", "faults", { operation: "ListFunctions", status: 500, probability: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await call({ method: "GET", path: FN() })).status);
    const failed = statuses.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    const invalid = await control("POST", "faults", { operation: "X", status: 503, drop: true });
    expect([invalid.status, invalid.body]).toEqual([
      400,
      { error: "body: status, drop and dropAfter are mutually exclusive" },
    ]);
  });
});

describe("persistence", () => {
  it("keeps functions and tokens across a restart with the same state file", async () => {
    await emu.close();
    const stateFile = join(tempDir("cloudfn-emu-"), "state.json");
    emu = await startEmulator({ clock, stateFile });
    await call({ method: "POST", path: FN(), body: fnBody("kept") });
    const token = String(
      (await call({ method: "POST", path: "/v3/auth/tokens", body: tokenBody(emu.credentials.password), auth: "none" }))
        .headers["x-subject-token"],
    );
    expect(
      JSON.parse(readFileSync(stateFile, "utf8")).platforms.functiongraph[emu.credentials.projectId].functions[
        "default/kept"
      ].func_name,
    ).toBe("kept");
    await emu.close();
    emu = await startEmulator({ clock, stateFile });
    expect(await names()).toEqual(["kept"]);
    expect((await call({ method: "GET", path: FN(), auth: { token } })).status).toBe(200);
    const res = await call({ method: "POST", path: `${FN()}/kept/invocations`, body: {} });
    expect(res.body.result).toBe('"ok"');
  });
});
