/**
 * The production function configuration in the emulator (docs/reference/functiongraph-api.md
 * §3.2, §3.3, §3.8): every field stored and echoed by F1/F3/F4 with its computed parts, the
 * rules with their FSS codes, F4's full-replacement semantics and inline code under its own
 * file name. Emulator-only; exact values throughout.
 */
import { ManualClock, seededIds, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";

let emu: RunningEmulator;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
let clock: ManualClock;
const FN = () => `/v2/${pid}/fgs/functions`;
const b64 = (s: string) => Buffer.from(s).toString("base64");

const base = {
  package: "default",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memory_size: 128,
  timeout: 5,
  code_type: "inline",
  func_code: { file: b64("exports.handler = async () => 1;") },
};
const vpc = { vpc_id: "vpc-1", subnet_id: "subnet-1", security_groups: ["sg-1"] };
const mounts = {
  mount_user: { user_id: 1001, user_group_id: 1001 },
  func_mounts: [{ mount_type: "sfsTurbo", mount_resource: "share-1", local_mount_path: "/mnt/data" }],
};
const full = {
  xrole: "fgs-agency",
  app_xrole: "fgs-app-agency",
  func_vpc: vpc,
  mount_config: mounts,
  strategy_config: { concurrency: 10, concurrent_num: 5 },
  log_config: { group_id: "g-1", group_name: "grp", stream_id: "s-1", stream_name: "str" },
  enable_lts_log: true,
  lts_custom_tag: { team: "core" },
  network_controller: { disable_public_network: true, trigger_access_vpcs: [{ vpc_id: "vpc-2" }] },
  domain_names: '[{"id":"d1","domain_name":"x.example.com."}]',
  initializer_handler: "index.init",
  initializer_timeout: 30,
  pre_stop_handler: "index.stop",
  pre_stop_timeout: 10,
  ephemeral_storage: 10240,
  enterprise_project_id: "ep-1",
  peering_cidr: "10.0.0.0/8;192.168.0.0/16",
  enable_dynamic_memory: true,
  is_stateful_function: false,
  enable_auth_in_header: true,
  enable_class_isolation: false,
  user_data_encrypt_kms_key_id: "kms-1",
  heartbeat_handler: "index.beat",
};
const create = (name: string, extra: Record<string, unknown> = {}) =>
  call({ method: "POST", path: FN(), body: { func_name: name, ...base, ...extra } });
const show = (urn: string) => call({ method: "GET", path: `${FN()}/${urn}/config` });
const update = (urn: string, body: Record<string, unknown>) =>
  call({ method: "PUT", path: `${FN()}/${urn}/config`, body: { runtime: "Node.js18.15", ...body } });

beforeEach(async () => {
  clock = new ManualClock("2024-01-02T03:04:05Z");
  emu = await startEmulator({ clock, ids: seededIds(11) });
  pid = emu.credentials.projectId;
});
afterEach(() => emu.close());

describe("function configuration (F1/F3)", () => {
  it("stores and echoes every production field with its computed parts", async () => {
    const created = await create("prod", full);
    expect(created.status).toBe(200);
    const shown = (await show(created.body.func_urn)).body;
    const { log_config: _notEchoed, ...echoed } = full;
    expect(shown).toMatchObject({
      ...echoed,
      func_vpc: { ...vpc, is_safety: false },
      mount_config: { ...mounts, func_mounts: [{ ...mounts.func_mounts[0], status: "ACTIVE" }] },
      log_group_id: "g-1",
      log_stream_id: "s-1",
      reserved_instance_count: 0,
      reserved_instance_idle_mode: false,
    });
    expect(shown).not.toHaveProperty("log_config");
    const detail = await call({ method: "GET", path: `${FN()}/${created.body.func_urn}/lts-log-detail` });
    expect(detail.body).toEqual({ group_name: "grp", group_id: "g-1", stream_id: "s-1", stream_name: "str" });
  });

  it("reports the service defaults of a plain function", async () => {
    const shown = (await create("plain")).body;
    expect(shown).toMatchObject({
      strategy_config: { concurrency: 400, concurrent_num: 1 },
      enterprise_project_id: "0",
      ephemeral_storage: 512,
      enable_lts_log: false,
      type: "v2",
    });
    expect(shown).not.toHaveProperty("log_group_id");
    expect(shown).not.toHaveProperty("func_vpc");
  });

  it("auto-creates a log group and stream for enable_lts_log without log_config", async () => {
    await call({ method: "POST", path: `${FN()}/enable-lts-logs` });
    const created = (await create("logged", { enable_lts_log: true })).body;
    expect(created.log_group_id).toMatch(/^[0-9a-f-]{36}$/);
    const detail = (await call({ method: "GET", path: `${FN()}/${created.func_urn}/lts-log-detail` })).body;
    expect(detail).toEqual({
      group_id: created.log_group_id,
      group_name: `functiongraph.log.group.${pid.slice(0, 8)}`,
      stream_id: created.log_stream_id,
      stream_name: "logged",
    });
    // Keeping enable_lts_log on an update keeps the same stream.
    const kept = await update(created.func_urn, {
      handler: "index.handler",
      memory_size: 256,
      timeout: 5,
      enable_lts_log: true,
    });
    expect([kept.body.log_group_id, kept.body.log_stream_id]).toEqual([created.log_group_id, created.log_stream_id]);
  });

  it.each([
    ["initializer_timeout 301", { initializer_handler: "index.init", initializer_timeout: 301 }, 400, "FSS.0400"],
    ["initializer without timeout", { initializer_handler: "index.init" }, 400, "FSS.0400"],
    ["pre_stop_timeout 91", { pre_stop_handler: "index.stop", pre_stop_timeout: 91 }, 400, "FSS.0400"],
    ["ephemeral_storage 1024", { ephemeral_storage: 1024 }, 400, "FSS.0400"],
    ["gpu on a Node.js runtime", { gpu_memory: 1024, gpu_type: "nvidia-t4" }, 400, "FSS.0400"],
    ["max instances 1001", { strategy_config: { concurrency: 1001 } }, 400, "FSS.1026"],
    ["concurrent_num 0", { strategy_config: { concurrent_num: 0 } }, 400, "FSS.1026"],
    [
      "six mounts",
      { xrole: "a", mount_config: { ...mounts, func_mounts: Array(6).fill(mounts.func_mounts[0]) } },
      403,
      "FSS.1049",
    ],
    [
      "mount user root",
      { xrole: "a", mount_config: { ...mounts, mount_user: { user_id: 0, user_group_id: 1 } } },
      400,
      "FSS.0400",
    ],
    [
      "mount type nfs",
      { xrole: "a", mount_config: { ...mounts, func_mounts: [{ ...mounts.func_mounts[0], mount_type: "nfs" }] } },
      400,
      "FSS.0400",
    ],
    [
      "ecs mount without share path",
      { xrole: "a", mount_config: { ...mounts, func_mounts: [{ ...mounts.func_mounts[0], mount_type: "ecs" }] } },
      400,
      "FSS.0400",
    ],
    ["VPC without agency", { func_vpc: vpc }, 400, "FSS.0400"],
    ["six peering CIDRs", { peering_cidr: Array(6).fill("10.0.0.0/8").join(";") }, 400, "FSS.0400"],
    ["a non-SWR image", { custom_image: { enabled: true, image: "docker.io/x" } }, 400, "FSS.0400"],
    ["a system log tag", { lts_custom_tag: { _sys_x: "1" } }, 400, "FSS.0400"],
    ["vpc as a string", { func_vpc: "vpc-1" }, 400, "FSS.0400"],
    ["code_filename in a folder", { code_filename: "../x.js" }, 400, "FSS.0400"],
  ])("rejects %s", async (_label, override, status, code) => {
    const res = await create("bad", override);
    expect([res.status, res.body.error_code]).toEqual([status, code]);
  });

  it("runs inline source saved under code_filename (or the handler's file)", async () => {
    const src = 'exports.run = async () => "from main";';
    const named = await create("named", {
      handler: "main.run",
      code_filename: "main.js",
      func_code: { file: b64(src) },
    });
    expect(named.body.code_filename).toBe("main.js");
    const byHandler = await create("by-handler", { handler: "main.run", func_code: { file: b64(src) } });
    for (const urn of [named.body.func_urn, byHandler.body.func_urn]) {
      const invoked = await call({ method: "POST", path: `${FN()}/${urn}/invocations`, body: {} });
      expect([invoked.status, invoked.body.result]).toEqual([200, '"from main"']);
    }
  });
});

describe("image and GPU functions", () => {
  const image = {
    enabled: true,
    image: "swr.cn-north-4.myhuaweicloud.com/team/app:1",
    command: "node,server.js",
    working_dir: "/",
  };
  const imageFn = { runtime: "Custom Image", handler: "bootstrap", code_type: undefined, func_code: undefined };

  it("creates a Custom Image function with a GPU and echoes the image", async () => {
    const res = await create("img", { ...imageFn, custom_image: image, gpu_memory: 2048, gpu_type: "nvidia-t4" });
    expect([res.status, res.body.code_type, res.body.custom_image, res.body.gpu_memory]).toEqual([
      200,
      "Custom-Image-Swr",
      image,
      2048,
    ]);
  });

  it.each([
    ["without an image", {}],
    ["with working_dir /app", { custom_image: { ...image, working_dir: "/app" } }],
    ["with gpu_memory 1500", { custom_image: image, gpu_memory: 1500, gpu_type: "nvidia-t4" }],
    ["with gpu_memory but no gpu_type", { custom_image: image, gpu_memory: 1024 }],
  ])("rejects one %s with 400 FSS.0400", async (_label, extra) => {
    const res = await create("img", { ...imageFn, ...extra });
    expect([res.status, res.body.error_code]).toEqual([400, "FSS.0400"]);
  });
});

describe("F4 update config is a full replacement", () => {
  it("removes optional fields left out, keeps strategy_config and enterprise_project_id", async () => {
    const urn = (await create("replace", full)).body.func_urn;
    const res = await update(urn, { handler: "index.handler", memory_size: 256, timeout: 5 });
    expect(res.status).toBe(200);
    const shown = (await show(urn)).body;
    for (const removed of [
      "xrole",
      "app_xrole",
      "func_vpc",
      "mount_config",
      "log_group_id",
      "log_stream_id",
      "lts_custom_tag",
      "network_controller",
      "domain_names",
      "initializer_handler",
      "pre_stop_handler",
      "peering_cidr",
      "heartbeat_handler",
      "user_data_encrypt_kms_key_id",
    ])
      expect([removed, shown[removed] ?? ""]).toEqual([removed, ""]);
    expect(shown).toMatchObject({
      memory_size: 256,
      ephemeral_storage: 512,
      enable_lts_log: false,
      strategy_config: { concurrency: 10, concurrent_num: 5 },
      enterprise_project_id: "ep-1",
    });
    const detail = await call({ method: "GET", path: `${FN()}/${urn}/lts-log-detail` });
    expect(detail.body).toEqual({ group_name: "", group_id: "", stream_id: "", stream_name: "" });
  });

  it("sets what the body carries and keeps the F10 max instances when strategy_config omits it", async () => {
    const urn = (await create("partial")).body.func_urn;
    await call({ method: "PUT", path: `${FN()}/${urn}/config-max-instance`, body: { max_instance_num: 7 } });
    const res = await update(urn, {
      handler: "index.handler",
      memory_size: 128,
      timeout: 5,
      xrole: "agency",
      func_vpc: vpc,
      strategy_config: { concurrent_num: 3 },
    });
    expect(res.body).toMatchObject({
      xrole: "agency",
      func_vpc: { ...vpc, is_safety: false },
      strategy_config: { concurrency: 7, concurrent_num: 3 },
    });
    const bad = await update(urn, { handler: "index.handler", memory_size: 128, timeout: 5, pre_stop_timeout: 0 });
    expect([bad.status, bad.body.error_code]).toEqual([400, "FSS.0400"]);
  });
});

describe("F10 max instances", () => {
  it("sets strategy_config.concurrency within -1..1000 (v1: -1 or 0 only)", async () => {
    const urn = (await create("max")).body.func_urn;
    const put = (n: unknown, u = urn) =>
      call({ method: "PUT", path: `${FN()}/${u}/config-max-instance`, body: { max_instance_num: n } });
    const ok = await put(-1);
    expect([ok.status, ok.body.strategy_config, ok.body.func_urn]).toEqual([
      200,
      { concurrency: -1, concurrent_num: 1 },
      urn,
    ]);
    expect((await show(urn)).body.strategy_config.concurrency).toBe(-1);
    expect([(await put(1001)).status, (await put(1001)).body.error_code]).toEqual([400, "FSS.1026"]);
    expect((await put("5")).body.error_code).toBe("FSS.0400");
    const v1 = (await create("v1fn", { type: "v1" })).body.func_urn;
    expect((await put(5, v1)).body.error_msg).toBe("max_instance_num of a v1 function must be -1 or 0; got 5");
    expect((await put(5, urn.replace("max:latest", "nope:latest"))).body.error_code).toBe("FSS.1051");
  });
});
