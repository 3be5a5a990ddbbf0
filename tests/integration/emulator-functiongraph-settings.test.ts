/**
 * Function settings with their own APIs in the emulator: tags (F18, under `/functions` without
 * `/fgs`), reserved instances per qualifier with their list APIs and paging, and the cascade of
 * a function delete. Emulator-only; exact values throughout.
 */
import { startEmulator, seededIds, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction } from "../helpers/fg-emulator";

let emu: RunningEmulator;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, c);
const FN = () => `/v2/${pid}/fgs/functions`;
const TAGS = (urn: string) => `/v2/${pid}/functions/${urn}/tags`;

async function create(name: string): Promise<string> {
  const res = await call({
    method: "POST",
    path: FN(),
    body: inlineFunction(name, "exports.handler = async () => 1;", 5),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}
const tag = (key: string, value = "v") => ({ key, value });
const addTags = (urn: string, tags: unknown[]) => call({ method: "POST", path: `${TAGS(urn)}/create`, body: { tags } });
const listTags = async (urn: string) => (await call({ method: "GET", path: TAGS(urn) })).body;
const reserve = (urn: string, body: unknown) => call({ method: "PUT", path: `${FN()}/${urn}/reservedinstances`, body });

beforeEach(async () => {
  emu = await startEmulator({ ids: seededIds(5) });
  pid = emu.credentials.projectId;
});
afterEach(() => emu.close());

describe("tags (F18)", () => {
  it("creates, overwrites, lists and deletes tags on the path without /fgs", async () => {
    const urn = await create("tagged");
    const created = await addTags(urn, [tag("team", "core"), tag("env", "dev")]);
    expect([created.status, created.body ?? ""]).toEqual([204, ""]);
    await addTags(urn, [tag("env", "prod")]);
    expect(await listTags(urn)).toEqual({ tags: [tag("team", "core"), tag("env", "prod")], sys_tags: [] });
    const projectTags = await call({ method: "GET", path: `/v2/${pid}/functions/tags` });
    expect(projectTags.body).toEqual({
      tags: [
        { key: "team", values: ["core"] },
        { key: "env", values: ["prod"] },
      ],
    });
    const deleted = await call({
      method: "DELETE",
      path: `${TAGS(urn)}/delete`,
      body: { tags: [tag("team", "core")] },
    });
    expect(deleted.status).toBe(204);
    expect((await listTags(urn)).tags).toEqual([tag("env", "prod")]);
    const withFgs = await call({ method: "GET", path: `${FN()}/${urn}/tags` });
    expect([withFgs.status, withFgs.body.error_code]).toEqual([404, "APIG.0101"]);
  });

  it("enforces the 20-tag quota and the TMS key/value rules", async () => {
    const urn = await create("quota");
    const twenty = Array.from({ length: 20 }, (_, i) => tag(`k${i}`));
    expect((await addTags(urn, twenty)).status).toBe(204);
    const over = await addTags(urn, [tag("k20")]);
    expect([over.status, over.body]).toEqual([
      400,
      { error_code: "FSS.0400", error_msg: "a function has at most 20 tags; got 21" },
    ]);
    expect((await addTags(urn, [tag("k0", "changed")])).status).toBe(204);
    for (const bad of [tag("_sys_x"), tag("a/b"), tag(" lead"), tag("k".repeat(129)), tag("ok", "v".repeat(256))])
      expect((await addTags(urn, [bad])).body.error_code).toBe("FSS.0400");
    const missing = await addTags(urn.replace("quota", "ghost"), [tag("a")]);
    expect([missing.status, missing.body.error_code]).toEqual([404, "FSS.1051"]);
  });
});

describe("reserved instances", () => {
  const policies = {
    cron_configs: [
      { name: "peak", cron: "0 0 8 * * ?", count: 3, start_time: 1_700_000_000, expired_time: 1_800_000_000 },
    ],
    metric_configs: [{ name: "busy", type: "Concurrency", threshold: 60, min: 2 }],
  };

  it("sets the count, idle mode and policies of latest and reports them on the function", async () => {
    const urn = await create("reserved");
    const put = await reserve(urn, { count: 2, idle_mode: true, tactics_config: policies });
    expect([put.status, put.body]).toEqual([200, { count: 2, idle_mode: true, tactics_config: policies }]);
    const shown = (await call({ method: "GET", path: `${FN()}/${urn}/config` })).body;
    expect([shown.reserved_instance_count, shown.reserved_instance_idle_mode]).toEqual([2, true]);
    const configs = await call({ method: "GET", path: `${FN()}/reservedinstanceconfigs?function_urn=${urn}` });
    expect(configs.body).toEqual({
      reserved_instances: [
        {
          function_urn: urn.replace(/:latest$/, ""),
          qualifier_type: "version",
          qualifier_name: "latest",
          min_count: 2,
          idle_mode: true,
          tactics_config: policies,
        },
      ],
      page_info: { next_marker: 1, previous_marker: 0, current_count: 1 },
      count: 1,
    });
    const removed = await reserve(urn, { count: 0 });
    expect(removed.status).toBe(200);
    expect((await call({ method: "GET", path: `${FN()}/reservedinstanceconfigs` })).body.count).toBe(0);
  });

  it("pages ListFunctionReservedInstances and ListReservedInstanceConfigs with marker and limit", async () => {
    const a = await create("a");
    const b = await create("b");
    await reserve(a, { count: 1 });
    await reserve(b, { count: 4 });
    const first = await call({ method: "GET", path: `${FN()}/reservedinstances?limit=1` });
    expect(first.body).toEqual({
      reservedinstances: [{ func_urn: a, count: 1 }],
      page_info: { next_marker: 1, previous_marker: 0, current_count: 1 },
      count: 2,
    });
    const second = await call({ method: "GET", path: `${FN()}/reservedinstances?limit=1&marker=1` });
    expect(second.body.reservedinstances).toEqual([{ func_urn: b, count: 4 }]);
    const onlyB = await call({ method: "GET", path: `${FN()}/reservedinstances?urn=${b}` });
    expect(onlyB.body.count).toBe(1);
    const configs = await call({ method: "GET", path: `${FN()}/reservedinstanceconfigs?limit=1&marker=1` });
    expect(configs.body.reserved_instances.map((r: { min_count: number }) => r.min_count)).toEqual([4]);
    const bad = await call({ method: "GET", path: `${FN()}/reservedinstances?limit=-1` });
    expect([bad.status, bad.body.error_code]).toEqual([400, "FSS.1001"]);
  });

  it.each([
    ["no count", {}],
    ["count 1001", { count: 1001 }],
    [
      "a policy below the base count",
      { count: 5, tactics_config: { cron_configs: [{ ...policies.cron_configs[0], count: 4 }] } },
    ],
    [
      "threshold 100",
      { count: 1, tactics_config: { metric_configs: [{ ...policies.metric_configs[0], threshold: 100 }] } },
    ],
    [
      "metric type Memory",
      { count: 1, tactics_config: { metric_configs: [{ ...policies.metric_configs[0], type: "Memory" }] } },
    ],
    [
      "a policy name with a space",
      { count: 1, tactics_config: { metric_configs: [{ ...policies.metric_configs[0], name: "a b" }] } },
    ],
  ])("rejects %s with 400 FSS.0400", async (_label, body) => {
    const res = await reserve(await create("rules"), body);
    expect([res.status, res.body.error_code]).toEqual([400, "FSS.0400"]);
  });

  it("answers 404 for versions and aliases that do not exist", async () => {
    const urn = await create("q");
    expect((await reserve(urn.replace(/latest$/, "v9"), { count: 1 })).body.error_code).toBe("FSS.1052");
    expect((await reserve(urn.replace(/latest$/, "!live"), { count: 1 })).body.error_code).toBe("FSS.1053");
  });
});

describe("deleting a function", () => {
  it("deletes its tags and reserved instances", async () => {
    const urn = await create("gone");
    await addTags(urn, [tag("team")]);
    await reserve(urn, { count: 1 });
    expect((await call({ method: "DELETE", path: `${FN()}/${urn.replace(/:latest$/, "")}` })).status).toBe(204);
    await create("gone");
    expect((await listTags(urn)).tags).toEqual([]);
    expect((await call({ method: "GET", path: `${FN()}/reservedinstanceconfigs` })).body.count).toBe(0);
  });
});
