/**
 * The LeanCloud emulator's engine side: authentication exactly as the engine SDK checks it,
 * function calls answered by the real leanengine SDK in a child process, production vs staging,
 * metadatas, the control deploy, faults and the request log. Emulator-only.
 */
import { createHash } from "crypto";
import { join } from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { lcCall, type LcCall } from "../../emulator/testing/leancloud-client";
import { SAMPLE_CLOUD_JS, writeProject } from "../../emulator/testing/leancloud-projects";
import { tempDir } from "../helpers/temp-dirs";

let emu: RunningEmulator;
const call = (c: LcCall) => lcCall(emu.url, emu.leancloud, c);
const fn = (name: string, body?: unknown, extra: Partial<LcCall> = {}) =>
  call({ method: "POST", path: `/1.1/functions/${name}`, body: body ?? {}, ...extra });
const control = (method: string, path: string, body?: unknown) =>
  call({ method, path: `/_emulator/${path}`, body, auth: "none" });
const UNAUTHORIZED = { code: 401, error: "Unauthorized." };

beforeAll(async () => {
  emu = await startEmulator({ leancloudFunctionTimeoutMs: 1000 });
  const deployed = await control("POST", "leancloud/deploy", {
    path: writeProject({ "cloud.js": SAMPLE_CLOUD_JS }),
    comment: "first",
  });
  expect(deployed.status).toBe(200);
  expect(deployed.body).toMatchObject({ group: "web", prod: 1, versionTag: expect.stringMatching(/^\d{8}-\d{6}/) });
  expect(deployed.body.functions).toEqual(expect.arrayContaining(["hello", "echo", "secret", "makeTodo"]));
}, 60_000);
afterAll(() => emu.close());

describe("authentication (as the engine SDK checks it)", () => {
  it("accepts the app key, the master key, signatures and the legacy header names", async () => {
    const ts = 1700000000000;
    const variants: Partial<LcCall>[] = [
      { auth: "key" },
      { auth: "master" },
      { auth: "sign", timestamp: ts },
      { auth: "signMaster", timestamp: ts },
      {
        auth: "none",
        headers: {
          "X-AVOSCloud-Application-Id": emu.leancloud.appId,
          "X-AVOSCloud-Application-Key": emu.leancloud.appKey,
        },
      },
      {
        auth: "none",
        headers: { "X-Uluru-Application-Id": emu.leancloud.appId, "X-AVOSCloud-Master-Key": emu.leancloud.masterKey },
      },
      // The raw master key in X-LC-Key authenticates (as a non-master call).
      { auth: "none", headers: { "X-LC-Id": emu.leancloud.appId, "X-LC-Key": emu.leancloud.masterKey } },
    ];
    for (const v of variants) {
      const res = await fn("hello", { name: "lc" }, v);
      expect([res.status, res.body]).toEqual([200, { result: "hello lc" }]);
    }
    // The SDK lowercases the received signature before comparing, so uppercase hex passes.
    const sig = createHash("md5").update(`${ts}${emu.leancloud.appKey}`).digest("hex").toUpperCase();
    const upper = await fn(
      "hello",
      {},
      { auth: "none", headers: { "X-LC-Id": emu.leancloud.appId, "X-LC-Sign": `${sig},${ts}` } },
    );
    expect([upper.status, upper.body]).toEqual([200, { result: "hello world" }]);
  });

  it("answers 401 {code, error} for a missing id, a wrong key, a bad signature or a foreign app", async () => {
    const { appId, appKey } = emu.leancloud;
    const bad: Record<string, string>[] = [
      { "X-LC-Key": appKey },
      { "X-LC-Id": appId, "X-LC-Key": "wrong" },
      { "X-LC-Id": appId, "X-LC-Sign": "00000000000000000000000000000000,1700000000000" },
      { "X-LC-Id": appId, "X-LC-Sign": "garbage" },
      { "X-LC-Id": "someOtherApp-gzGzoHsz", "X-LC-Key": appKey },
      { "X-LC-Id": appId },
    ];
    for (const headers of bad) {
      const res = await fn("hello", {}, { auth: "none", headers });
      expect([res.status, res.body]).toEqual([401, UNAUTHORIZED]);
    }
  });

  it("requires the master key for metadatas and internal functions", async () => {
    const asKey = await call({ method: "GET", path: "/1.1/functions/_ops/metadatas", auth: "key" });
    expect([asKey.status, asKey.body]).toEqual([401, UNAUTHORIZED]);
    const rawMaster = await call({
      method: "GET",
      path: "/1.1/functions/_ops/metadatas",
      auth: "none",
      headers: { "X-LC-Id": emu.leancloud.appId, "X-LC-Key": emu.leancloud.masterKey },
    });
    expect(rawMaster.status).toBe(401);
    for (const auth of ["master", "signMaster"] as const) {
      const res = await call({ method: "GET", path: "/1.1/functions/_ops/metadatas", auth });
      expect(res.status).toBe(200);
      expect(res.body.result).toEqual(expect.arrayContaining(["hello", "secret", "rpcTypes"]));
    }
    const internal = await fn("secret");
    expect(internal.status).toBe(401);
    expect(internal.body).toEqual({
      code: 401,
      error: expect.stringMatching(/^Internal cloud function, request from /),
    });
    expect((await fn("secret", {}, { auth: "master" })).body).toEqual({ result: "internal only" });
  });

  it("reads credentials from a text/plain body and strips the _ keys from the params", async () => {
    const body = JSON.stringify({
      _ApplicationId: emu.leancloud.appId,
      _ApplicationKey: emu.leancloud.appKey,
      a: 1,
      __kept: 2,
    });
    const res = await call({
      method: "POST",
      path: "/1.1/functions/echo",
      auth: "none",
      body,
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(200);
    expect(res.body.result.params).toEqual({ a: 1, __kept: 2 });
    const noKey = await call({
      method: "POST",
      path: "/1.1/functions/echo",
      auth: "none",
      body: JSON.stringify({ _ApplicationId: emu.leancloud.appId }),
      headers: { "Content-Type": "text/plain" },
    });
    expect([noKey.status, noKey.body]).toEqual([401, UNAUTHORIZED]);
  });
});

describe("function calls (status and body rules of the engine SDK)", () => {
  it("returns {result} as the function returned it, {} for undefined, on /1.1 and the legacy /1", async () => {
    expect((await fn("number")).body).toEqual({ result: 42 });
    expect((await fn("list")).body).toEqual({ result: [1, "a", { x: 1 }] });
    expect((await fn("nothing")).body).toEqual({});
    expect((await fn("legacy", { n: 3 })).body).toEqual({ result: "old style 3" });
    expect((await call({ method: "POST", path: "/1/functions/hello", body: {} })).body).toEqual({
      result: "hello world",
    });
    const echo = await fn("echo", { q: [1, 2] });
    expect(echo.body.result).toMatchObject({ params: { q: [1, 2] }, user: null, token: null });
    expect(typeof echo.body.result.remote).toBe("string");
  });

  it("maps errors: 404 code 1 unknown, 400 Cloud.Error, its own status, 500 others, 400 for rejected values", async () => {
    const cases: [string, number, unknown][] = [
      ["doesNotExist", 404, { code: 1, error: "No such cloud function 'doesNotExist'" }],
      ["cloudError", 400, { code: 142, error: "bad input" }],
      ["teapot", 418, { code: 7, error: "short and stout" }],
      ["typeError", 500, { code: 1, error: expect.stringMatching(/Cannot read properties of null/) }],
      ["rejectString", 400, { code: 1, error: "plain failure" }],
    ];
    for (const [name, status, body] of cases) {
      const res = await fn(name);
      expect([name, res.status, res.body]).toEqual([name, status, body]);
    }
    const malformed = await call({
      method: "POST",
      path: "/1.1/functions/hello",
      body: "{oops",
      headers: { "Content-Type": "application/json" },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, 1]);
    const noName = await call({ method: "POST", path: "/1.1/functions/", body: {} });
    expect([noName.status, noName.body]).toEqual([
      404,
      { code: 1, error: "No function name or class name: /1.1/functions/" },
    ]);
  });

  it("answers 503 code 124 when a function exceeds the timeout", async () => {
    const res = await fn("slow", { ms: 3000 });
    expect([res.status, res.body]).toEqual([503, { code: 124, error: "The request timed out on the server." }]);
  });

  it("encodes RPC results with the Node engine's quirk: primitives become {}", async () => {
    expect((await call({ method: "POST", path: "/1.1/call/number", body: {} })).body).toEqual({ result: {} });
    expect((await call({ method: "POST", path: "/1.1/call/list", body: {} })).body).toEqual({
      result: [{}, {}, { x: 1 }],
    });
  });
});

describe("environments, groups and deploys", () => {
  it("keeps production and staging apart (X-LC-Prod)", async () => {
    const staged = await control("POST", "leancloud/deploy", {
      prod: 0,
      path: writeProject({ "index.js": "require('leanengine').Cloud.define('hello', () => 'from staging');" }),
    });
    expect(staged.body.functions).toEqual(["hello"]);
    expect((await fn("hello", {}, { prod: 0 })).body).toEqual({ result: "from staging" });
    expect((await fn("hello", {}, { prod: 1 })).body).toEqual({ result: "hello world" });
    expect((await fn("hello")).body).toEqual({ result: "hello world" });
    expect((await fn("number", {}, { prod: 0 })).status).toBe(404);
    const meta = await call({ method: "GET", path: "/1.1/functions/_ops/metadatas", auth: "master", prod: 0 });
    expect(meta.body).toEqual({ result: ["hello"] });
  });

  it("refuses a name another group serves unless overwriteFunctions, then routes it to the last group", async () => {
    expect((await control("POST", "leancloud/groups", { groupName: "api" })).status).toBe(201);
    const project = writeProject({
      "cloud.js":
        "require('leanengine').Cloud.define('number', () => 'api says 7'); require('leanengine').Cloud.define('apiOnly', () => 1);",
    });
    const refused = await control("POST", "leancloud/deploy", { group: "api", path: project });
    expect([refused.status, refused.body.error]).toEqual([
      400,
      "Cloud functions already defined in other groups: number (deploy with overwriteFunctions to move them)",
    ]);
    expect((await fn("apiOnly")).status).toBe(404);
    const moved = await control("POST", "leancloud/deploy", { group: "api", path: project, overwriteFunctions: true });
    expect(moved.status).toBe(200);
    expect((await fn("number")).body).toEqual({ result: "api says 7" });
    expect((await fn("hello")).body).toEqual({ result: "hello world" });
  });

  it("reports a project that fails to start, with its output, and keeps the previous version serving", async () => {
    const broken = await control("POST", "leancloud/deploy", {
      path: writeProject({ "cloud.js": "console.log('booting'); throw new Error('boom at startup');" }),
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/boom at startup/);
    expect((await fn("hello")).body).toEqual({ result: "hello world" });
    const missing = await control("POST", "leancloud/deploy", { path: "/nonexistent/project" });
    expect(missing.status).toBe(400);
  });
});

describe("faults, request log and state", () => {
  it("injects faults by operation, logs calls under platform leancloud and dumps the state", async () => {
    await control("DELETE", "requests");
    const rule = await control("POST", "faults", {
      platform: "leancloud",
      operation: "CallFunction",
      status: 429,
      times: 1,
    });
    expect(rule.status).toBe(201);
    const throttled = await fn("hello");
    expect([throttled.status, throttled.body]).toEqual([429, { code: 155, error: "Too many requests." }]);
    expect((await fn("hello")).status).toBe(200);
    await call({ method: "POST", path: "/1.1/call/number", body: {} });
    await call({ method: "GET", path: "/1.1/functions/_ops/metadatas", auth: "master" });
    const log = (await control("GET", "requests")).body as Record<string, unknown>[];
    expect(log.map((e) => [e.platform, e.operation, e.status])).toEqual([
      ["leancloud", "CallFunction", 429],
      ["leancloud", "CallFunction", 200],
      ["leancloud", "CallFunctionRpc", 200],
      ["leancloud", "GetFunctionMetadatas", 200],
    ]);
    const state = (await control("GET", "state")).body.platforms.leancloud[emu.leancloud.appId];
    expect(Object.keys(state.groups).sort()).toEqual(["api", "web"]);
    expect(state.groups.web.production.version.comment).toBe("first");
    expect(state.functionRoutes["1"]).toMatchObject({ hello: "web", number: "api" });
  });
});

describe("persistence", () => {
  it("restarts deployed instances from the state file after an emulator restart", async () => {
    const stateFile = join(tempDir("cloudfn-lc-state-"), "state.json");
    const first = await startEmulator({ stateFile });
    const project = writeProject({
      "cloud.js": "require('leanengine').Cloud.define('persisted', () => 'still here');",
    });
    expect(
      (
        await lcCall(first.url, first.leancloud, {
          method: "POST",
          path: "/_emulator/leancloud/deploy",
          auth: "none",
          body: { path: project },
        })
      ).status,
    ).toBe(200);
    await first.close();
    const second = await startEmulator({ stateFile });
    try {
      const res = await lcCall(second.url, second.leancloud, {
        method: "POST",
        path: "/1.1/functions/persisted",
        body: {},
      });
      expect([res.status, res.body]).toEqual([200, { result: "still here" }]);
    } finally {
      await second.close();
    }
  });
});
