/**
 * FunctionGraph versions (F11, F12, F7 on a version URN) and aliases (F13–F17) against an
 * in-process emulator, through signed raw HTTP: paths, status codes and error codes.
 */
import { ManualClock, seededIds, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";

let emu: RunningEmulator;
let clock: ManualClock;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
const b64 = (s: string) => Buffer.from(s).toString("base64");
const urn = (q = "") => `urn:fss:${emu.credentials.region}:${pid}:function:default:fn${q}`;
const F = (q = "") => `/v2/${pid}/fgs/functions/${urn(q)}`;
const base = { package: "default", runtime: "Node.js18.15", handler: "index.handler", memory_size: 128, timeout: 5 };
const code = (src: string) => ({ code_type: "inline", func_code: { file: b64(src) } });
const publish = (body: Record<string, unknown> = {}) => call({ method: "POST", path: `${F()}/versions`, body });
const setCode = (src: string) => call({ method: "PUT", path: `${F(":latest")}/code`, body: code(src) });
const alias = (body: Record<string, unknown>) => call({ method: "POST", path: `${F()}/aliases`, body });
const err = (r: { status: number; body: { error_code?: string } }) => [r.status, r.body.error_code];

beforeEach(async () => {
  clock = new ManualClock("2024-01-02T03:04:05Z");
  emu = await startEmulator({ clock, ids: seededIds(7) });
  pid = emu.credentials.projectId;
  const created = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/functions`,
    body: { func_name: "fn", ...base, ...code("exports.handler = async () => 'v1';") },
  });
  expect(created.status).toBe(200);
});
afterEach(() => emu.close());

describe("publish (F11)", () => {
  it("snapshots code and config under a given or time-stamped name", async () => {
    const v1 = await publish({ version: "v1", description: "first" });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({
      func_urn: urn(":v1"),
      version: "v1",
      version_description: "first",
      memory_size: 128,
    });
    await setCode("exports.handler = async () => 'v2';");
    const auto = await publish();
    expect([auto.status, auto.body.version]).toEqual([200, "20240102-030405"]);
    expect(auto.body.digest).not.toBe(v1.body.digest);
    const config = await call({ method: "GET", path: `${F(":v1")}/config` });
    expect([config.status, config.body.version, config.body.digest]).toEqual([200, "v1", v1.body.digest]);
    const codeView = await call({ method: "GET", path: `${F(":v1")}/code` });
    expect([codeView.body.func_urn, codeView.body.digest]).toEqual([urn(":v1"), v1.body.digest]);
  });

  it("answers 400 FSS.1016 with nothing new, 409 FSS.1062 for a taken name, 400 FSS.1015 for a bad one", async () => {
    expect((await publish({ version: "v1" })).status).toBe(200);
    expect(err(await publish({ version: "v2" }))).toEqual([400, "FSS.1016"]);
    await setCode("exports.handler = async () => 2;");
    expect(err(await publish({ version: "v1" }))).toEqual([409, "FSS.1062"]);
    expect(err(await publish({ version: "latest" }))).toEqual([400, "FSS.1015"]);
    expect(err(await publish({ version: "x".repeat(43) }))).toEqual([400, "FSS.1015"]);
    expect(err(await publish({ version: "v2", digest: "0".repeat(128) }))).toEqual([400, "FSS.0400"]);
    const latest = await call({ method: "GET", path: `${F(":latest")}/config` });
    expect((await publish({ version: "v2", digest: latest.body.digest })).status).toBe(200);
  });

  it("a config change alone is something to publish", async () => {
    expect((await publish({ version: "v1" })).status).toBe(200);
    const put = await call({ method: "PUT", path: `${F(":latest")}/config`, body: { ...base, memory_size: 256 } });
    expect(put.status).toBe(200);
    expect((await publish({ version: "v2" })).body.memory_size).toBe(256);
    expect((await call({ method: "GET", path: `${F(":v1")}/config` })).body.memory_size).toBe(128);
  });

  it("refuses a 20th version (latest included) with 403", async () => {
    for (let i = 1; i <= 19; i++) {
      await setCode(`exports.handler = async () => ${i};`);
      expect((await publish({ version: `v${i}` })).status).toBe(200);
    }
    await setCode("exports.handler = async () => 20;");
    const over = await publish({ version: "v20" });
    expect(err(over)).toEqual([403, "FSS.0403"]);
    expect(over.body.error_msg).toMatch(/quota \(20/);
  });

  it("answers 404 FSS.1051 for a missing function and FSS.1052 for a missing version", async () => {
    const missing = await call({ method: "POST", path: `/v2/${pid}/fgs/functions/nope/versions`, body: {} });
    expect(err(missing)).toEqual([404, "FSS.1051"]);
    expect(err(await call({ method: "GET", path: `${F(":v9")}/config` }))).toEqual([404, "FSS.1052"]);
  });

  it("refuses to update a published version's code or config", async () => {
    await publish({ version: "v1" });
    const put = await call({ method: "PUT", path: `${F(":v1")}/code`, body: code("exports.handler = 1;") });
    expect(err(put)).toEqual([400, "FSS.0400"]);
  });
});

describe("list versions (F12)", () => {
  it("lists latest then the published versions, paged by marker and maxitems", async () => {
    for (const v of ["v1", "v2", "v3"]) {
      await setCode(`exports.handler = async () => '${v}';`);
      await publish({ version: v, description: `d${v}` });
    }
    const all = await call({ method: "GET", path: `${F()}/versions` });
    expect(all.body.versions.map((v: { version: string }) => v.version)).toEqual(["latest", "v1", "v2", "v3"]);
    expect([all.body.count, all.body.next_marker]).toEqual([4, 4]);
    expect(all.body.versions[1]).toMatchObject({ func_urn: urn(), version_description: "dv1" });
    const page = await call({ method: "GET", path: `${F()}/versions?marker=1&maxitems=2` });
    expect(page.body.versions.map((v: { version: string }) => v.version)).toEqual(["v1", "v2"]);
    expect([page.body.count, page.body.next_marker]).toEqual([4, 3]);
    const bad = await call({ method: "GET", path: `${F()}/versions?maxitems=-1` });
    expect(err(bad)).toEqual([400, "FSS.1001"]);
  });
});

describe("delete a version (F7 on a version URN)", () => {
  it("deletes the version, refuses while an alias routes to it (403 FSS.1094)", async () => {
    await publish({ version: "v1" });
    await setCode("exports.handler = async () => 2;");
    await publish({ version: "v2" });
    expect((await alias({ name: "live", version: "v1", additional_version_weights: { v2: 10 } })).status).toBe(200);
    expect(err(await call({ method: "DELETE", path: F(":v2") }))).toEqual([403, "FSS.1094"]);
    expect(err(await call({ method: "DELETE", path: F(":!live") }))).toEqual([403, "FSS.1094"]);
    await call({ method: "PUT", path: `${F()}/aliases/live`, body: { version: "v1" } });
    expect((await call({ method: "DELETE", path: F(":v2") })).status).toBe(204);
    expect(err(await call({ method: "DELETE", path: F(":v2") }))).toEqual([404, "FSS.1052"]);
    expect((await call({ method: "GET", path: `${F()}/config` })).status).toBe(200);
  });

  it("deleting the function takes its versions and aliases", async () => {
    await publish({ version: "v1" });
    await alias({ name: "live", version: "v1" });
    expect((await call({ method: "DELETE", path: F() })).status).toBe(204);
    await call({
      method: "POST",
      path: `/v2/${pid}/fgs/functions`,
      body: { func_name: "fn", ...base, ...code("exports.handler = async () => 'v1';") },
    });
    const versions = await call({ method: "GET", path: `${F()}/versions` });
    expect(versions.body.versions.map((v: { version: string }) => v.version)).toEqual(["latest"]);
    expect((await call({ method: "GET", path: `${F()}/aliases` })).body).toEqual([]);
  });
});

describe("aliases (F13–F17)", () => {
  beforeEach(async () => {
    await publish({ version: "v1" });
    await setCode("exports.handler = async () => 'v2';");
    await publish({ version: "v2" });
  });

  it("creates, lists as a bare array, shows, updates and deletes", async () => {
    const created = await alias({ name: "live", version: "v1", description: "prod" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: "live",
      version: "v1",
      description: "prod",
      alias_urn: urn(":!live"),
      additional_version_weights: {},
    });
    const list = await call({ method: "GET", path: `${F()}/aliases` });
    expect(list.body.map((a: { name: string }) => a.name)).toEqual(["live"]);
    const shown = await call({ method: "GET", path: `${F()}/aliases/live` });
    expect(shown.body.alias_urn).toBe(urn(":!live"));
    const updated = await call({
      method: "PUT",
      path: `${F()}/aliases/live`,
      body: { version: "v1", additional_version_weights: { v2: 10 } },
    });
    expect([updated.status, updated.body.additional_version_weights]).toEqual([200, { v2: 10 }]);
    const viaAlias = await call({ method: "GET", path: `${F(":!live")}/config` });
    expect(viaAlias.body.version).toBe("v1");
    // The 4-field short form takes "version-or-alias" without the `!` (docs/reference/functiongraph-api.md §2.1).
    const short = await call({ method: "GET", path: `/v2/${pid}/fgs/functions/${pid}:default:fn:live/config` });
    expect([short.status, short.body.version]).toEqual([200, "v1"]);
    expect((await call({ method: "DELETE", path: `${F()}/aliases/live` })).status).toBe(204);
    expect(err(await call({ method: "GET", path: `${F()}/aliases/live` }))).toEqual([404, "FSS.1053"]);
    expect(err(await call({ method: "GET", path: `${F(":!live")}/config` }))).toEqual([404, "FSS.1053"]);
  });

  it("answers the platform's codes for bad names, duplicates, missing versions and quotas", async () => {
    expect(err(await alias({ name: "1live", version: "v1" }))).toEqual([400, "FSS.1014"]);
    expect(err(await alias({ name: "a".repeat(65), version: "v1" }))).toEqual([400, "FSS.1014"]);
    expect(err(await alias({ name: "live", version: "v9" }))).toEqual([404, "FSS.1052"]);
    expect((await alias({ name: "live", version: "v1" })).status).toBe(200);
    expect(err(await alias({ name: "live", version: "v2" }))).toEqual([409, "FSS.1063"]);
    expect(err(await alias({ name: "other", version: "v1" }))).toEqual([409, "FSS.1066"]);
    expect(err(await call({ method: "PUT", path: `${F()}/aliases/nope`, body: { version: "v1" } }))).toEqual([
      404,
      "FSS.1053",
    ]);
    for (let i = 0; i < 9; i++) {
      await setCode(`exports.handler = async () => ${i};`);
      await publish({ version: `x${i}` });
      expect((await alias({ name: `a${i}`, version: `x${i}` })).status).toBe(200);
    }
    await setCode("exports.handler = async () => 'last';");
    await publish({ version: "last" });
    expect(err(await alias({ name: "eleventh", version: "last" }))).toEqual([403, "FSS.1043"]);
  });

  it("validates weights and strategies with FSS.1091–1093", async () => {
    expect(err(await alias({ name: "a", version: "v1", additional_version_weights: { v9: 10 } }))).toEqual([
      400,
      "FSS.1091",
    ]);
    expect(err(await alias({ name: "a", version: "v1", additional_version_weights: { v2: 101 } }))).toEqual([
      400,
      "FSS.1092",
    ]);
    expect(err(await alias({ name: "a", version: "v1", additional_version_weights: { v2: 1.5 } }))).toEqual([
      400,
      "FSS.1092",
    ]);
    expect(err(await alias({ name: "a", version: "v1", additional_version_weights: { v1: 10 } }))).toEqual([
      400,
      "FSS.1093",
    ]);
    const rule = { rule_type: "header", param: "x-canary", op: "=", value: "1" };
    const strategy = { v2: { combine_type: "and", rules: [rule] } };
    expect(
      err(
        await alias({
          name: "a",
          version: "v1",
          additional_version_strategy: { v2: { rules: [{ ...rule, op: "~" }] } },
        }),
      ),
    ).toEqual([400, "FSS.0400"]);
    expect(
      err(
        await alias({
          name: "a",
          version: "v1",
          additional_version_weights: { v2: 10 },
          additional_version_strategy: strategy,
        }),
      ),
    ).toEqual([400, "FSS.0400"]);
    const ok = await alias({ name: "a", version: "v1", additional_version_strategy: strategy });
    expect([ok.status, ok.body.additional_version_strategy]).toEqual([200, strategy]);
  });

  it("refuses to delete an alias with triggers bound (403 FSS.1154)", async () => {
    await alias({ name: "live", version: "v1" });
    const trigger = await call({
      method: "POST",
      path: `/v2/${pid}/fgs/triggers/${urn(":!live")}`,
      body: {
        trigger_type_code: "TIMER",
        trigger_status: "DISABLED",
        event_data: { name: "t1", schedule_type: "Rate", schedule: "1m" },
      },
    });
    expect(trigger.status).toBe(201);
    expect((await call({ method: "GET", path: `/v2/${pid}/fgs/triggers/${urn(":!live")}` })).body).toHaveLength(1);
    expect((await call({ method: "GET", path: `/v2/${pid}/fgs/triggers/${urn()}` })).body).toHaveLength(0);
    expect(err(await call({ method: "DELETE", path: `${F()}/aliases/live` }))).toEqual([403, "FSS.1154"]);
    const id = trigger.body.trigger_id as string;
    await call({ method: "DELETE", path: `/v2/${pid}/fgs/triggers/${urn(":!live")}/TIMER/${id}` });
    expect((await call({ method: "DELETE", path: `${F()}/aliases/live` })).status).toBe(204);
  });
});
