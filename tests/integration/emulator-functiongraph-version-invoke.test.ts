/**
 * Invoking qualified URNs in the emulator: a version runs its own code and config, an alias
 * routes by rule or by seeded weight, and triggers and async-invoke configs created on a
 * qualifier stay with it. Invocation records say which version ran.
 */
import { ManualClock, seededIds, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";

jest.setTimeout(180_000);

let emu: RunningEmulator;
let clock: ManualClock;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
const b64 = (s: string) => Buffer.from(s).toString("base64");
const urn = (q = "") => `urn:fss:${emu.credentials.region}:${pid}:function:default:fn${q}`;
const F = (q = "") => `/v2/${pid}/fgs/functions/${urn(q)}`;
const SRC = "exports.handler = async () => `${process.env.TAG}:${process.env.RUNTIME_MEMORY ?? ''}`;";
const base = { package: "default", runtime: "Node.js18.15", handler: "index.handler", timeout: 5 };
const control = async (method: string, path: string, body?: unknown): Promise<any> => {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  return res.status === 204 ? undefined : res.json();
};
const invoke = (q: string, headers?: Record<string, string>) =>
  call({ method: "POST", path: `${F(q)}/invocations`, body: {}, headers });
/** The handler's return value: the version's TAG and memory size. */
const ran = async (q: string, headers?: Record<string, string>): Promise<string> =>
  JSON.parse(String((await invoke(q, headers)).body.result)) as string;
const invocations = async (): Promise<{ func_urn: string; version?: string; kind?: string }[]> =>
  (await control("GET", "/_emulator/functiongraph/invocations")).invocations;

/** Sets latest's code tag and memory, then publishes it as `version`. */
async function release(version: string, tag: string, memory: number): Promise<void> {
  const put = await call({
    method: "PUT",
    path: `${F(":latest")}/config`,
    body: { ...base, memory_size: memory, user_data: JSON.stringify({ TAG: tag }) },
  });
  expect(put.status).toBe(200);
  expect((await call({ method: "POST", path: `${F()}/versions`, body: { version } })).status).toBe(200);
}

beforeEach(async () => {
  clock = new ManualClock("2024-01-02T03:04:05Z");
  emu = await startEmulator({ clock, ids: seededIds(3) });
  pid = emu.credentials.projectId;
  const created = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/functions`,
    body: { func_name: "fn", ...base, memory_size: 128, code_type: "inline", func_code: { file: b64(SRC) } },
  });
  expect(created.status).toBe(200);
  await release("v1", "one", 128);
  await release("v2", "two", 256);
  await call({
    method: "PUT",
    path: `${F(":latest")}/config`,
    body: { ...base, memory_size: 512, user_data: JSON.stringify({ TAG: "live" }) },
  });
});
afterEach(() => emu.close());

describe("a version URN", () => {
  it("runs that version's code and config, and the record names it", async () => {
    expect(await ran(":v1")).toBe("one:128");
    expect(await ran(":v2")).toBe("two:256");
    expect(await ran(":latest")).toBe("live:512");
    expect(await ran("")).toBe("live:512");
    expect((await invocations()).map((r) => [r.func_urn, r.version])).toEqual([
      [urn(":v1"), "v1"],
      [urn(":v2"), "v2"],
      [urn(":latest"), "latest"],
      [urn(":latest"), "latest"],
    ]);
    const missing = await invoke(":v9");
    expect([missing.status, missing.body.error_code]).toEqual([404, "FSS.1052"]);
  });
});

describe("an alias URN", () => {
  it("routes by weight with a seeded source: within tolerance and exactly reproducible", async () => {
    const created = await call({
      method: "POST",
      path: `${F()}/aliases`,
      body: { name: "live", version: "v1", additional_version_weights: { v2: 30 } },
    });
    expect(created.status).toBe(200);
    const run = async (n: number): Promise<string[]> => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push((await ran(":!live")).split(":")[0]);
      return out;
    };
    await control("POST", "/_emulator/functiongraph/routing/seed", { seed: 1234 });
    // 100 real invocations (each spawns a function process); the split itself is checked over
    // 10 000 draws in models/resolve-version.test.ts.
    const first = await run(100);
    const share = first.filter((t) => t === "two").length / first.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.42);
    expect(new Set(first)).toEqual(new Set(["one", "two"]));
    await control("POST", "/_emulator/functiongraph/routing/seed", { seed: 1234 });
    expect(await run(20)).toEqual(first.slice(0, 20));
    const records = (await invocations()).slice(-20);
    expect(records.map((r) => r.version)).toEqual(first.slice(0, 20).map((t) => (t === "one" ? "v1" : "v2")));
  });

  it("routes by header and cookie rules, else to its own version", async () => {
    const rules = [
      { rule_type: "header", param: "X-Canary", op: "in", value: "a,b" },
      { rule_type: "cookie", param: "beta", op: "=", value: "yes" },
    ];
    const created = await call({
      method: "POST",
      path: `${F()}/aliases`,
      body: { name: "live", version: "v1", additional_version_strategy: { v2: { combine_type: "or", rules } } },
    });
    expect(created.status).toBe(200);
    expect(await ran(":!live")).toBe("one:128");
    expect(await ran(":!live", { "x-canary": "b" })).toBe("two:256");
    expect(await ran(":!live", { "x-canary": "c" })).toBe("one:128");
    expect(await ran(":!live", { cookie: "a=1; beta=yes" })).toBe("two:256");
  });

  it("async invoke runs the routed version and the alias's own async config applies", async () => {
    await call({ method: "POST", path: `${F()}/aliases`, body: { name: "live", version: "v2" } });
    const put = await call({
      method: "PUT",
      path: `${F(":!live")}/async-invoke-config`,
      body: { max_async_retry_attempts: 2, destination_config: {} },
    });
    expect([put.status, put.body.func_urn]).toEqual([200, urn(":!live")]);
    const latest = await call({ method: "GET", path: `${F()}/async-invoke-config` });
    expect(latest.status).toBe(404);
    const list = await call({ method: "GET", path: `${F()}/async-invoke-configs` });
    expect(list.body.async_invoke_configs.map((c: { func_urn: string }) => c.func_urn)).toEqual([urn(":!live")]);
    const accepted = await call({ method: "POST", path: `${F(":!live")}/invocations-async`, body: {} });
    expect(accepted.status).toBe(202);
    await control("POST", "/_emulator/functiongraph/async/drain");
    const record = (await invocations()).find((r) => r.kind === "async");
    expect(record).toMatchObject({ func_urn: urn(":v2"), version: "v2", status: "SUCCESS", result: '"two:256"' });
  });

  it("a timer created on the alias fires the alias", async () => {
    await call({ method: "POST", path: `${F()}/aliases`, body: { name: "live", version: "v1" } });
    const trigger = await call({
      method: "POST",
      path: `/v2/${pid}/fgs/triggers/${urn(":!live")}`,
      body: { trigger_type_code: "TIMER", event_data: { name: "tick", schedule_type: "Rate", schedule: "1m" } },
    });
    expect(trigger.status).toBe(201);
    const fired = await control("POST", "/_emulator/functiongraph/triggers/fire", {
      trigger_id: trigger.body.trigger_id,
    });
    expect(fired).toMatchObject({
      trigger: `${urn(":!live")}/TIMER/${String(trigger.body.trigger_id)}`,
      invocation: { version: "v1", result: '"one:128"' },
    });
  });
});
