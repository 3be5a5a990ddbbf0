/** MinApp emulator: the token flow, cloud-function CRUD and sync jobs over real HTTP. */
import { EMULATOR_DEFAULTS, seededIds, startEmulator } from "../../emulator";
import { minappAuthorize, minappLogin, minappRequest, type MinAppCall } from "../../emulator/testing/minapp-client";
import { minappEmulator } from "../helpers/minapp-emulator";

const { clientId, clientSecret } = EMULATOR_DEFAULTS.minapp;
const FN = "/oserve/v1.3/cloud-function/";
const HELLO = 'exports.main = function (event, callback) {\n  callback(null, "hello " + event.data.who)\n}';

// Functions run in child processes; a loaded machine starts them slowly.
jest.setTimeout(60_000);

const mini = minappEmulator({ ids: seededIds(11), minapp: { syncTimeoutMs: 1500 } });
const call = (c: MinAppCall) => minappRequest(mini.emu.url, { token: mini.token, ...c });
const control = (method: string, path: string, body?: unknown) =>
  minappRequest(mini.emu.url, { method, path: `/_emulator/${path}`, body });
const create = (name: string, function_code = HELLO, extra: Record<string, unknown> = {}) =>
  call({ method: "POST", path: FN, body: { name, function_code, ...extra } });
const job = (name: string, body: unknown = { data: {} }) =>
  call({ method: "POST", path: `${FN}${encodeURIComponent(name)}/job/`, body });

describe("token flow", () => {
  it("answers authorize through two cookie-carrying 302s, then trades the code for a token once", async () => {
    const first = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/hydrogen/openapi/authorize/",
      body: { client_id: clientId, client_secret: clientSecret },
    });
    expect(first.status).toBe(302);
    expect(String(first.headers["set-cookie"])).toMatch(/^sessionid=[0-9a-f]{32}; Path=\/; HttpOnly/);
    expect(first.headers.location).toBe(`/api/oauth2/authorize/?client_id=${clientId}&response_type=code`);
    // Following without the cookie is refused: the redirect path needs a cookie jar.
    const noCookie = await minappRequest(mini.emu.url, { method: "GET", path: String(first.headers.location) });
    expect([noCookie.status, noCookie.body.status]).toEqual([401, "error"]);

    const auth = await minappAuthorize(mini.emu.url);
    expect(auth.status).toBe(200);
    expect(auth.body).toEqual({ code: expect.stringMatching(/^[0-9a-f]{40}$/), expires_in: 600 });
    const exchange = () =>
      minappRequest(mini.emu.url, {
        method: "POST",
        path: "/api/oauth2/access_token/",
        body: {
          client_id: clientId,
          client_secret: clientSecret,
          code: auth.body.code,
          grant_type: "authorization_code",
        },
      });
    const ok = await exchange();
    expect([ok.status, ok.body]).toEqual([
      200,
      {
        access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
        token_type: "Bearer",
        expires_in: 31535999,
        refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/),
        scope: "write",
      },
    ]);
    const again = await exchange();
    expect([again.status, again.body.error_msg]).toEqual([
      400,
      "invalid_grant: the authorization code is invalid or expired",
    ]);
  });

  it("can answer authorize directly (authorizeRedirects: false) for clients without a cookie jar", async () => {
    const direct = await startEmulator({ minapp: { authorizeRedirects: false } });
    try {
      const res = await minappRequest(direct.url, {
        method: "POST",
        path: "/api/oauth2/hydrogen/openapi/authorize/",
        body: { client_id: clientId, client_secret: clientSecret },
      });
      expect([res.status, res.body]).toEqual([200, { code: expect.stringMatching(/^[0-9a-f]{40}$/), expires_in: 600 }]);
      expect((await minappLogin(direct.url)).token_type).toBe("Bearer");
    } finally {
      await direct.close();
    }
  });

  it("rejects wrong client secrets and expired codes", async () => {
    const bad = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/hydrogen/openapi/authorize/",
      body: { client_id: clientId, client_secret: "nope" },
    });
    expect([bad.status, bad.body]).toEqual([401, { status: "error", error_msg: "invalid client_id or client_secret" }]);
    const missing = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/hydrogen/openapi/authorize/",
      body: {},
    });
    expect(missing.status).toBe(400);
    const { body } = await minappAuthorize(mini.emu.url);
    mini.clock.advance(600_000);
    const late = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/access_token/",
      body: { client_id: clientId, client_secret: clientSecret, code: body.code, grant_type: "authorization_code" },
    });
    expect(late.status).toBe(400);
  });

  it("accepts the token request as multipart/form-data, as the mincloud CLI sends it", async () => {
    const { body } = await minappAuthorize(mini.emu.url);
    const boundary = "----cloudfnBoundary";
    const fields = {
      client_id: clientId,
      client_secret: clientSecret,
      grant_type: "authorization_code",
      code: body.code,
    };
    const form =
      Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join("") + `--${boundary}--\r\n`;
    const res = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/access_token/",
      body: form,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.status).toBe(200);
    expect((await call({ method: "GET", path: FN, token: res.body.access_token })).status).toBe(200);
  });

  it("refresh invalidates every earlier access and refresh token", async () => {
    const first = await minappLogin(mini.emu.url);
    const refresh = (refresh_token: string) =>
      minappRequest(mini.emu.url, {
        method: "POST",
        path: "/api/oauth2/access_token/",
        body: { client_id: clientId, client_secret: clientSecret, refresh_token, grant_type: "refresh_token" },
      });
    const renewed = await refresh(first.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await call({ method: "GET", path: FN, token: first.access_token })).status).toBe(401);
    expect((await call({ method: "GET", path: FN, token: mini.token })).status).toBe(401);
    expect((await call({ method: "GET", path: FN, token: renewed.body.access_token })).status).toBe(200);
    expect((await refresh(first.refresh_token)).status).toBe(400);
    const wrongGrant = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/access_token/",
      body: { client_id: clientId, client_secret: clientSecret, grant_type: "password" },
    });
    expect(wrongGrant.status).toBe(400);
  });

  it("401s every /oserve/ call without a valid Bearer token, and tokens expire", async () => {
    const none = await call({ method: "GET", path: FN, token: "" });
    expect([none.status, none.body]).toEqual([
      401,
      { status: "error", error_msg: "authentication credentials were not provided" },
    ]);
    expect((await call({ method: "GET", path: FN, token: "f".repeat(40) })).status).toBe(401);
    expect(
      (await call({ method: "GET", path: FN, headers: { authorization: `Token ${mini.token}` }, token: "" })).status,
    ).toBe(401);
    mini.clock.advance(31_535_999_000);
    expect((await call({ method: "GET", path: FN })).status).toBe(401);
  });
});

describe("cloud functions", () => {
  it("creates (201), gets, patches (202) and deletes (204) with the documented object shape", async () => {
    const created = await create("come_from_open_API_v1.3", HELLO, { remark: "你好", plan_circle: "P_PERSONAL" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: 1,
      name: "come_from_open_API_v1.3",
      function_code: HELLO,
      remark: "你好",
      plan_circle: "P_FREE",
      audit_status: "approved",
      created_at: 1704164645,
      updated_at: 1704164645,
      created_by: "",
      updated_by: "",
    });
    const got = await call({ method: "GET", path: `${FN}come_from_open_API_v1.3/` });
    expect([got.status, got.body]).toEqual([200, created.body]);
    mini.clock.advance(10_000);
    const patched = await call({
      method: "PATCH",
      path: `${FN}come_from_open_API_v1.3/`,
      body: { function_code: "exports.main = async () => 1", plan_circle: "P_PERSONAL" },
    });
    expect(patched.status).toBe(202);
    expect(patched.body).toEqual({
      ...created.body,
      function_code: "exports.main = async () => 1",
      plan_circle: "P_PERSONAL",
      updated_at: 1704164655,
    });
    const removed = await call({ method: "DELETE", path: `${FN}come_from_open_API_v1.3/` });
    expect([removed.status, removed.body]).toEqual([204, ""]);
    expect((await call({ method: "GET", path: `${FN}come_from_open_API_v1.3/` })).status).toBe(404);
  });

  it("404s unknown names, 400s empty names or code, and is strict about trailing slashes", async () => {
    for (const c of [
      { method: "GET", path: `${FN}ghost/` },
      { method: "PATCH", path: `${FN}ghost/`, body: { function_code: "x" } },
      { method: "DELETE", path: `${FN}ghost/` },
      { method: "POST", path: `${FN}ghost/job/`, body: {} },
    ]) {
      const res = await call(c);
      expect([c.method, res.status, res.body]).toEqual([
        c.method,
        404,
        { status: "error", error_msg: "cloud function not found" },
      ]);
    }
    expect((await create("", HELLO)).body).toEqual({ status: "error", error_msg: "name must be a non-empty string" });
    expect((await create("x", "")).status).toBe(400);
    expect((await create("a/b")).status).toBe(400);
    await create("x");
    expect((await create("x")).status).toBe(400);
    expect((await call({ method: "PATCH", path: `${FN}x/`, body: { function_code: "" } })).status).toBe(400);
    expect((await call({ method: "PATCH", path: `${FN}x/`, body: { plan_circle: "P_GOLD" } })).status).toBe(400);
    expect((await call({ method: "GET", path: `${FN}x` })).status).toBe(404);
    expect((await call({ method: "GET", path: "/oserve/v1.3/cloud-function" })).status).toBe(404);
  });

  it("renames through PATCH, addresses CJK names URL-encoded, and lists newest first", async () => {
    await create("测试");
    const got = await call({ method: "GET", path: `${FN}${encodeURIComponent("测试")}/` });
    expect(got.body.name).toBe("测试");
    await create("old");
    const renamed = await call({ method: "PATCH", path: `${FN}old/`, body: { name: "new" } });
    expect([renamed.status, renamed.body.name]).toEqual([202, "new"]);
    expect((await call({ method: "GET", path: `${FN}old/` })).status).toBe(404);
    const list = await call({ method: "GET", path: FN });
    expect(list.body.objects.map((f: { name: string }) => f.name)).toEqual(["new", "测试"]);
    expect(list.body.meta).toEqual({ limit: 20, next: null, offset: 0, previous: null, total_count: 2 });
  });

  it("pages with limit/offset and relative next/previous links", async () => {
    for (const n of ["a", "b", "c", "d", "e"]) await create(n);
    const p1 = await call({ method: "GET", path: `${FN}?offset=0&limit=2` });
    expect(p1.body.objects.map((f: { name: string }) => f.name)).toEqual(["e", "d"]);
    expect(p1.body.meta).toEqual({
      limit: 2,
      next: `${FN}?limit=2&offset=2`,
      offset: 0,
      previous: null,
      total_count: 5,
    });
    const p3 = await call({ method: "GET", path: p1.body.meta.next.replace("offset=2", "offset=4") });
    expect(p3.body.objects.map((f: { name: string }) => f.name)).toEqual(["a"]);
    expect(p3.body.meta).toMatchObject({ next: null, previous: `${FN}?limit=2&offset=2` });
    expect((await call({ method: "GET", path: `${FN}?limit=-1` })).status).toBe(400);
  });
});

describe("sync jobs", () => {
  it("runs callback-style and async-style mains for real with the documented event", async () => {
    await create("hello");
    const res = await job("hello", { data: { who: "allen" } });
    expect([res.status, res.body]).toEqual([200, { code: 0, data: "hello allen", error: {} }]);
    await create("echo", "exports.main = async function main(event) { return { event, ids: typeof event.jobId } }");
    const echo = await job("echo", { data: { n: 1 } });
    expect(echo.body.code).toBe(0);
    expect(echo.body.data.ids).toBe("number");
    expect(echo.body.data.event).toMatchObject({
      data: { n: 1 },
      eventType: "open_api",
      memoryLimitInMB: 128,
      miniappId: EMULATOR_DEFAULTS.minapp.appId,
      timeLimitInMS: 1500,
      request: { meta: { ip_address: expect.any(String), user_agent: "" } },
      signKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(echo.body.data.event.env).toBeUndefined();
    expect((await job("echo", {})).body.data.event.data).toEqual({});
  });

  it("reports runtime errors, rejections, callback errors and syntax errors as HTTP 200 with code 1", async () => {
    const cases: [string, string, { message: string; type: string }][] = [
      [
        "throws",
        "exports.main = function (event, callback) { x.y }",
        { message: "x is not defined", type: "ReferenceError" },
      ],
      [
        "rejects",
        "exports.main = async function (event) { throw new TypeError('bad input') }",
        { message: "bad input", type: "TypeError" },
      ],
      [
        "cberr",
        "exports.main = function (event, callback) { callback('plain string failure') }",
        { message: "plain string failure", type: "Error" },
      ],
      [
        "syntax",
        'exports.main = function (event, callback) {\n  callback(null, "hello world")  fot debug\n}',
        { message: expect.stringMatching(/Unexpected identifier/), type: "SyntaxError" },
      ],
      ["nomain", "exports.handler = () => 1", { message: "exports.main is not a function", type: "TypeError" }],
    ];
    for (const [name, code, error] of cases) {
      await create(name, code);
      const res = await job(name);
      expect([name, res.status, res.body]).toEqual([name, 200, { code: 1, data: null, error }]);
    }
  });

  it("waits for the event loop to drain, treats an async undefined as no answer, and enforces the sync limit", async () => {
    await create(
      "drain",
      "let late = 0; exports.main = (event, callback) => { setTimeout(() => { late = 1; console.log('late', late) }, 50); callback(null, 'early') }",
    );
    expect((await job("drain")).body).toEqual({ code: 0, data: "early", error: {} });
    await create("undef", "exports.main = async function () { return undefined }");
    expect((await job("undef")).body).toEqual({
      code: 1,
      data: null,
      error: { message: "Task timed out after 1.50 seconds", type: "TimeoutError" },
    });
    await create("nullish", "exports.main = async function () { return null }");
    expect((await job("nullish")).body).toEqual({ code: 0, data: null, error: {} });
  });

  it("400s a body that is not a JSON object and a non-boolean sync", async () => {
    await create("hello");
    expect((await call({ method: "POST", path: `${FN}hello/job/` })).status).toBe(400);
    expect(
      (
        await call({
          method: "POST",
          path: `${FN}hello/job/`,
          body: "not json",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);
    expect((await job("hello", { data: {}, sync: "yes" })).status).toBe(400);
  });
});

describe("request log, faults, state", () => {
  it("logs MinApp operations, injects MinApp-shaped faults and dumps per-environment state", async () => {
    await control("DELETE", "requests");
    await create("f");
    await call({ method: "GET", path: `${FN}f/` });
    await call({ method: "GET", path: "/oserve/v9/nothing/" });
    const log = (await control("GET", "requests")).body as Record<string, unknown>[];
    expect(log.map((e) => [e.platform, e.operation, e.status])).toEqual([
      ["minapp", "CreateCloudFunction", 201],
      ["minapp", "GetCloudFunction", 200],
      ["minapp", "Unknown", 404],
    ]);
    await control("POST", "faults", { platform: "minapp", operation: "UpdateCloudFunction", status: 503, times: 1 });
    const faulted = await call({ method: "PATCH", path: `${FN}f/`, body: { remark: "r" } });
    expect([faulted.status, faulted.body]).toEqual([503, { status: "error", error_msg: "injected fault" }]);
    expect((await call({ method: "PATCH", path: `${FN}f/`, body: { remark: "r" } })).status).toBe(202);
    await control("POST", "faults", { platform: "minapp", operation: "AccessToken", status: 500, times: 1 });
    await expect(minappLogin(mini.emu.url)).rejects.toThrow(/access_token failed: 500/);
    const state = (await control("GET", "state")).body.platforms.minapp[clientId];
    expect(Object.keys(state.environments.production.functions)).toEqual(["f"]);
    expect(state.environments.production.functions.f.remark).toBe("r");
  });
});
