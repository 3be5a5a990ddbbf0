/** MinApp emulator: async jobs, debug runs, job records, environments, the v1 and /userve/ forms. */
import { EMULATOR_DEFAULTS, seededIds } from "../../emulator";
import { minappRequest, type MinAppCall } from "../../emulator/testing/minapp-client";
import { minappEmulator } from "../helpers/minapp-emulator";

const { clientId, clientSecret, environments } = EMULATOR_DEFAULTS.minapp;
const STAGING = environments[0];
const FN = "/oserve/v1.3/cloud-function/";
const HELLO = 'exports.main = function (event, callback) {\n  callback(null, "hello world")\n}';

// Real child processes and real (short) time limits: give the slow cases room on a busy machine.
// Jobs run in child processes; a loaded machine starts them slowly.
jest.setTimeout(60_000);

// The async limit leaves a loaded machine ample room to start the 1.3 s job below; only the
// sync limit (1 s, under the job's own 1.3 s) must be exceeded.
const mini = minappEmulator({ ids: seededIds(5), minapp: { syncTimeoutMs: 1000, asyncTimeoutMs: 10_000 } });
const call = (c: MinAppCall) => minappRequest(mini.emu.url, { token: mini.token, ...c });
const control = (method: string, path: string, body?: unknown) =>
  minappRequest(mini.emu.url, { method, path: `/_emulator/${path}`, body });
const create = (name: string, function_code = HELLO, envId?: string) =>
  call({ method: "POST", path: FN, body: { name, function_code }, envId });
const job = (name: string, body: unknown = { data: {} }, envId?: string) =>
  call({ method: "POST", path: `${FN}${name}/job/`, body, envId });
const jobs = (name: string, query = "") => call({ method: "GET", path: `${FN}${name}/job/${query}` });

/** Polls the job list until no job is waiting or executing (a generous deadline; no timing assertion). */
async function settledJobs(name: string): Promise<Record<string, any>[]> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const list = (await jobs(name, "?limit=0")).body.objects as Record<string, any>[];
    if (list.every((j) => j.status !== "waiting" && j.status !== "executing")) return list;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`jobs of ${name} never settled`);
}

describe("async jobs", () => {
  it("answers {status: ok} at once and runs under the async limit, not the sync one", async () => {
    await create("slow", "exports.main = (event, callback) => setTimeout(() => callback(null, event.data.n), 1300)");
    const res = await job("slow", { data: { n: 1 }, sync: false });
    expect([res.status, res.body]).toEqual([200, { status: "ok" }]);
    const [record] = await settledJobs("slow");
    expect(record).toMatchObject({ status: "fulfilled", service_type: "batch", source: "open_api" });
    const sync = await job("slow", { data: { n: 2 } });
    expect(sync.body.error.type).toBe("TimeoutError");
    await create("forever", "exports.main = async () => undefined");
    await job("forever", { sync: false });
    expect((await settledJobs("forever")).map((j) => j.status)).toEqual(["deadline_exceeded"]);
  });
});

describe("debug", () => {
  it("returns billing_time, execution_time, job_id, the platform-format log and mem_usage", async () => {
    await create(
      "dbg",
      "exports.main = (event, callback) => { console.warn('careful'); setTimeout(() => console.log('after', 1), 20); callback(null, 'hello ' + event.data.who) }",
    );
    const res = await call({
      method: "POST",
      path: `${FN}dbg/debug/`,
      body: { function_name: "dbg", data: { who: "allen" }, sync: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      billing_time: expect.any(Number),
      code: 0,
      data: "hello allen",
      error: {},
      execution_time: expect.any(Number),
      job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      log: expect.any(String),
      mem_usage: expect.any(Number),
    });
    expect(res.body.billing_time % 100).toBe(0);
    expect(res.body.billing_time).toBeGreaterThanOrEqual(res.body.execution_time);
    expect(res.body.mem_usage).toBeGreaterThan(0);
    // Lines "<ISO> <LEVEL> <message>"; the timer scheduled before the answer still ran (drain).
    const lines = res.body.log.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l: string) => l.replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /, ""))).toEqual([
      "LOG event.data:  { who: 'allen' }",
      "WARN careful",
      "LOG return:  hello allen",
      "LOG after 1",
    ]);
    const [record] = (await jobs("dbg")).body.objects;
    expect(record).toMatchObject({ source: "sdk", status: "fulfilled", service_type: "time_sensitive" });
    const log = await minappRequest(mini.emu.url, { method: "GET", path: new URL(record.user_log_url).pathname });
    expect(log.body).toBe(res.body.log);
  });

  it("shows syntax errors with stack and an ERROR log line, and validates subject", async () => {
    await create(
      "broken",
      'exports.main = function (event, callback) {\n  callback(null, "hello world")  fot debug\n}',
    );
    const res = await call({ method: "POST", path: `${FN}broken/debug/`, body: { data: {} } });
    expect(res.body).toMatchObject({
      code: 1,
      data: null,
      error: {
        type: "SyntaxError",
        message: expect.stringMatching(/Unexpected identifier/),
        stack: expect.stringMatching(/SyntaxError/),
      },
    });
    expect(res.body.log).toMatch(/Z ERROR .*SyntaxError/s);
    await call({ method: "POST", path: `${FN}broken/debug/`, body: { subject: "timer" } });
    expect((await jobs("broken", "?source=timer")).body.objects).toHaveLength(1);
    expect((await call({ method: "POST", path: `${FN}broken/debug/`, body: { subject: "nope" } })).status).toBe(400);
    expect((await call({ method: "POST", path: `${FN}broken/debug/`, body: { subject: "flex_schema" } })).status).toBe(
      400,
    );
    expect(
      (await call({ method: "POST", path: `${FN}broken/debug/`, body: { subject: "flex_schema", schema_id: 7 } })).body
        .code,
    ).toBe(1);
  });
});

describe("job records", () => {
  it("lists every invocation newest first with the documented fields, filters and pagination", async () => {
    await create(
      "f",
      "exports.main = (event, callback) => event.data.fail ? callback(new Error('no')) : callback(null, 1)",
    );
    await job("f");
    mini.clock.advance(60_000);
    await job("f", { data: { fail: true } });
    await call({ method: "POST", path: `${FN}f/debug/`, body: {} });
    await job("f", { sync: false });
    const all = await settledJobs("f");
    expect(all.map((j) => [j.source, j.service_type, j.status])).toEqual([
      ["open_api", "batch", "fulfilled"],
      ["sdk", "time_sensitive", "fulfilled"],
      ["open_api", "time_sensitive", "execution_failed"],
      ["open_api", "time_sensitive", "fulfilled"],
    ]);
    expect(Object.keys(all[0]).sort()).toEqual([
      "created_at",
      "finished_at",
      "id",
      "mem_usage",
      "service_type",
      "source",
      "started_at",
      "status",
      "user_log_url",
    ]);
    expect(all[3]).toMatchObject({ created_at: 1704164645, started_at: 1704164645, finished_at: 1704164645 });
    expect(all.map((j) => j.id)).toEqual([...all.map((j) => j.id)].sort((a, b) => b - a));
    const count = async (q: string) => (await jobs("f", q)).body.meta.total_count;
    expect(await count("?source=sdk")).toBe(1);
    expect(await count("?status=execution_failed")).toBe(1);
    expect(await count("?service_type=batch")).toBe(1);
    expect(await count("?created_at__gte=1704164700")).toBe(3);
    expect(await count("?created_at__lte=1704164700")).toBe(1);
    const page = await jobs("f", "?source=open_api&limit=2");
    expect(page.body.objects).toHaveLength(2);
    expect(page.body.meta).toEqual({
      limit: 2,
      offset: 0,
      previous: null,
      total_count: 3,
      next: `${FN}f/job/?source=open_api&limit=2&offset=2`,
    });
    expect((await call({ method: "GET", path: page.body.meta.next })).body.objects).toHaveLength(1);
    for (const bad of ["?status=done", "?service_type=x", "?source=x", "?created_at__gte=yesterday"])
      expect((await jobs("f", bad)).status).toBe(400);
    expect((await jobs("ghost")).status).toBe(404);
  });
});

describe("environments", () => {
  it("keeps X-Hydrogen-Env-ID namespaces apart, tells the function its env, and rejects unknown ids", async () => {
    await create("same", "exports.main = async (event) => ['prod', event.env || null]");
    await create("same", "exports.main = async (event) => ['staging', event.env]", STAGING);
    expect((await job("same")).body.data).toEqual(["prod", null]);
    expect((await job("same", {}, STAGING)).body.data).toEqual(["staging", { id: STAGING, name: STAGING }]);
    await call({ method: "DELETE", path: `${FN}same/`, envId: STAGING });
    expect((await call({ method: "GET", path: `${FN}same/`, envId: STAGING })).status).toBe(404);
    expect((await call({ method: "GET", path: `${FN}same/` })).status).toBe(200);
    const unknown = await call({ method: "GET", path: FN, envId: "nosuchenv" });
    expect([unknown.status, unknown.body]).toEqual([
      400,
      { status: "error", error_msg: "invalid X-Hydrogen-Env-ID: nosuchenv" },
    ]);
  });
});

describe("older and user-dash forms", () => {
  it("invokes through POST /oserve/v1/cloud-function/job/ with function_name", async () => {
    await create("hello");
    const v1 = (body: unknown) => call({ method: "POST", path: "/oserve/v1/cloud-function/job/", body });
    expect((await v1({ function_name: "hello" })).body).toEqual({ code: 0, data: "hello world", error: {} });
    expect((await v1({ function_name: "hello", sync: false })).body).toEqual({ status: "ok" });
    expect((await v1({ function_name: "ghost" })).status).toBe(404);
    expect((await v1({ data: {} })).status).toBe(400);
  });

  it("serves /userve/v1.3 with the console session cookie (or a token), without debug", async () => {
    const first = await minappRequest(mini.emu.url, {
      method: "POST",
      path: "/api/oauth2/hydrogen/openapi/authorize/",
      body: { client_id: clientId, client_secret: clientSecret },
    });
    const cookie = String(first.headers["set-cookie"]).split(";")[0];
    const U = "/userve/v1.3/cloud-function/";
    const created = await minappRequest(mini.emu.url, {
      method: "POST",
      path: U,
      body: { name: "ud", function_code: HELLO },
      headers: { cookie },
    });
    expect(created.status).toBe(201);
    expect(
      (await minappRequest(mini.emu.url, { method: "POST", path: `${U}ud/job/`, body: {}, headers: { cookie } })).body
        .data,
    ).toBe("hello world");
    expect(
      (await call({ method: "GET", path: `${U}ud/job/` })).body.objects.map((j: { source: string }) => j.source),
    ).toEqual(["user_dash"]);
    expect((await minappRequest(mini.emu.url, { method: "GET", path: U })).status).toBe(401);
    expect((await call({ method: "POST", path: `${U}ud/debug/`, body: {} })).status).toBe(404);
    expect((await call({ method: "GET", path: `${FN}ud/` })).body.name).toBe("ud");
  });

  it("lets tests force audit_status through the control plane", async () => {
    await create("gate");
    const forced = await control("POST", "minapp/audit-status", { name: "gate", audit_status: "waiting" });
    expect([forced.status, forced.body.audit_status]).toEqual([200, "waiting"]);
    expect((await call({ method: "GET", path: `${FN}gate/` })).body.audit_status).toBe("waiting");
    expect((await control("POST", "minapp/audit-status", { name: "gate", audit_status: "maybe" })).status).toBe(400);
  });
});
