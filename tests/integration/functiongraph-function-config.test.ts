/**
 * The production configuration of functiongraph.Function against the in-process emulator:
 * create/read/update of the F4 fields, the no-loss rule (UpdateFunctionConfig is a full
 * replacement, so undeclared fields are carried forward), removal of a declared property, drift
 * named by property, and partial results when a later call fails. Asserts on the request log.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider, tuning } from "../../provider/functiongraph/function";
import { changedOf } from "../../provider/functiongraph/function/apply";
import { PartialApplyError } from "../../provider/functiongraph/function/partial";
import { FunctionInputs, FunctionOutputs } from "../../provider/functiongraph/function/schema";
import { clearRequestLog, fgRequest, functionPath, requestLog } from "../helpers/fg-http";
import { fgStackConfig } from "../helpers/fg-emulator";

let emu: RunningEmulator;

const operations = async () => (await requestLog(emu.url)).map((r) => `${r.operation} ${r.status}`);

function configure() {
  return provider.configure!({ config: fgStackConfig(emu) });
}

const code = new pulumi.asset.AssetArchive({
  "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'ok';"),
});

async function checked(over: Partial<FunctionInputs> = {}): Promise<FunctionInputs> {
  const res = await provider.check!(
    {} as FunctionInputs,
    { name: "prod", runtime: "Node.js18.15", handler: "index.handler", code, ...over } as FunctionInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

const liveConfig = async (urn: string) => (await fgRequest(emu.url, "GET", functionPath(urn, "/config"))).body;

/** Someone else's full-replacement config change (the console sends the whole config too). */
async function putConfigOutOfBand(urn: string, extra: Record<string, unknown>) {
  const live = await liveConfig(urn);
  const body = {
    func_name: live.func_name,
    runtime: live.runtime,
    handler: live.handler,
    memory_size: live.memory_size,
    timeout: live.timeout,
    description: live.description,
    xrole: live.xrole,
    ...extra,
  };
  const res = await fgRequest(emu.url, "PUT", functionPath(urn, "/config"), body);
  expect(res.status).toBe(200);
}

const VPC = { vpcId: "vpc-1", subnetId: "subnet-1" };
const LOG = { groupId: "lg-1", streamId: "ls-1" };

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  tuning.client = { baseDelayMs: 1, retries: 0 };
  tuning.deleteRetryDelayMs = 1;
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
  await configure();
});

describe("functiongraph Function configuration", () => {
  it("creates with every F4 field in CreateFunction, reads them back, and a refresh shows no change", async () => {
    const inputs = await checked({
      agency: "fg-agency",
      appAgency: "fg-app-agency",
      vpc: { ...VPC, securityGroups: ["sg-2", "sg-1"] },
      networkController: { disablePublicNetwork: true, triggerAccessVpcs: [{ vpcId: "vpc-9" }] },
      domainNames: [{ id: "zone-1", domainName: "example.com." }],
      mounts: { mounts: [{ type: "sfsTurbo", resource: "fs-1", sharePath: "10.0.0.2:/", localPath: "/mnt/a" }] },
      concurrencyPerInstance: 5,
      log: LOG,
      ltsCustomTags: { team: "core" },
      enterpriseProjectId: "ep-1",
      initializer: { handler: "index.init", timeout: 30 },
      preStop: { handler: "index.stop", timeout: 10 },
    });
    const { id, outs } = await provider.create(inputs);
    expect(await operations()).toEqual(["CreateFunction 200"]);
    const wire = await liveConfig(id);
    expect(wire).toMatchObject({
      xrole: "fg-agency",
      app_xrole: "fg-app-agency",
      func_vpc: { vpc_id: "vpc-1", subnet_id: "subnet-1" },
      initializer_handler: "index.init",
      initializer_timeout: 30,
      pre_stop_handler: "index.stop",
      enterprise_project_id: "ep-1",
      lts_custom_tag: { team: "core" },
    });
    expect(wire.strategy_config).toMatchObject({ concurrent_num: 5 });
    expect(JSON.parse(wire.domain_names)).toEqual([{ id: "zone-1", domain_name: "example.com." }]);

    const read = await provider.read!(id, outs);
    expect(read.props).toMatchObject({ agency: "fg-agency", vpc: { vpcId: "vpc-1" }, concurrencyPerInstance: 5 });
    expect(changedOf(read.props!, inputs)).toEqual([]);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    // The refreshed inputs say no more than the program did: a zip function has no codeType input.
    expect(read.inputs).not.toHaveProperty("codeType");
  });

  it("no loss: agency, VPC and logs set out of band survive a memory change through cloudfn", async () => {
    const inputs = await checked();
    const { id, outs } = await provider.create(inputs);
    await putConfigOutOfBand(id, {
      xrole: "console-agency",
      func_vpc: { vpc_id: "vpc-x", subnet_id: "subnet-x" },
      enable_lts_log: true,
      log_config: { group_id: "lg-x", stream_id: "ls-x" },
    });
    // A refresh reports none of them (never declared), so the next diff stays quiet about them.
    const refreshed = await provider.read!(id, outs);
    expect(refreshed.props).not.toHaveProperty("agency");
    expect(refreshed.props).not.toHaveProperty("vpc");
    expect(await provider.diff!(id, refreshed.props!, inputs)).toEqual({ changes: false, replaces: [] });

    await clearRequestLog(emu.url);
    await provider.update!(id, refreshed.props!, await checked({ memorySize: 512 }));
    expect(await operations()).toEqual(["ShowFunctionConfig 200", "UpdateFunctionConfig 200"]);
    const live = await liveConfig(id);
    expect(live).toMatchObject({ memory_size: 512, xrole: "console-agency", func_vpc: { vpc_id: "vpc-x" } });
    expect(live.log_group_id ?? live.log_config?.group_id).toBe("lg-x");
  });

  it("removing a declared property removes it on the platform; a never-declared one is untouched", async () => {
    const first = await checked({ agency: "mine", vpc: VPC });
    const { id, outs } = await provider.create(first);
    await putConfigOutOfBand(id, {
      xrole: "mine",
      func_vpc: { vpc_id: "vpc-1", subnet_id: "subnet-1" },
      app_xrole: "theirs",
    });
    const withoutVpc = await checked({ agency: "mine" });
    expect(await provider.diff!(id, outs!, withoutVpc)).toEqual({ changes: true, replaces: [] });
    const after = (await provider.update!(id, outs!, withoutVpc)).outs!;
    expect(after).not.toHaveProperty("vpc");
    const live = await liveConfig(id);
    expect(live.func_vpc ?? null).toBeNull();
    expect(live).toMatchObject({ xrole: "mine", app_xrole: "theirs" });
  });

  it("a console change of a declared property is drift named by the property", async () => {
    const inputs = await checked({ agency: "mine", initializer: { handler: "index.init", timeout: 30 } });
    const { id, outs } = await provider.create(inputs);
    await putConfigOutOfBand(id, { xrole: "theirs", initializer_handler: "index.init", initializer_timeout: 60 });
    const refreshed = await provider.read!(id, outs);
    expect(refreshed.props).toMatchObject({ agency: "theirs", initializer: { timeout: 60 } });
    expect(refreshed.inputs).toMatchObject({ agency: "theirs" });
    const res = await provider.diff!(id, refreshed.props!, inputs);
    expect(res.changes).toBe(true);
  });

  it("nested platform defaults never diff: mount user, security groups, mount order", async () => {
    const mounts = {
      mounts: [
        { type: "sfsTurbo", resource: "fs-2", localPath: "/mnt/b" },
        { type: "sfsTurbo", resource: "fs-1", localPath: "/mnt/a" },
      ],
    };
    const inputs = await checked({ mounts, vpc: VPC, agency: "fg-agency" });
    const { id, outs } = await provider.create(inputs);
    const wire = await liveConfig(id);
    await putConfigOutOfBand(id, {
      mount_config: { ...wire.mount_config, func_mounts: [...wire.mount_config.func_mounts].reverse() },
      func_vpc: { ...wire.func_vpc, security_groups: [], vpc_name: "named-by-platform" },
    });
    const refreshed = await provider.read!(id, outs);
    expect(await provider.diff!(id, refreshed.props!, inputs)).toEqual({ changes: false, replaces: [] });
  });

  it("inline code uploads the single file's source under its own name", async () => {
    const inputs = await checked({ codeType: "inline" });
    const { id, outs } = await provider.create(inputs);
    expect(outs).toMatchObject({ codeType: "inline" });
    expect(await liveConfig(id)).toMatchObject({ code_type: "inline", code_filename: "index.js" });
    const read = await provider.read!(id, outs);
    expect(read.inputs).toMatchObject({ codeType: "inline" });
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    // Back to zip: a code update, nothing else.
    const zip = await checked();
    expect(await provider.diff!(id, read.props!, zip)).toEqual({ changes: true, replaces: [] });
    await clearRequestLog(emu.url);
    await provider.update!(id, read.props!, zip);
    expect(await operations()).toEqual(["UpdateFunctionCode 200"]);
    expect(await liveConfig(id)).toMatchObject({ code_type: "zip", code_filename: "index.zip" });
  });

  it("a failure after the config call returns what was applied, and the next update finishes", async () => {
    const inputs = await checked();
    const { id, outs } = await provider.create(inputs);
    const wanted = await checked({
      agency: "mine",
      code: new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset("exports.handler = async () => 'v2';"),
      }),
    });
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "UpdateFunctionCode", status: 500, errorCode: "FSS.0500", times: 1 }),
    });
    const error = await provider.update!(id, outs!, wanted).catch((e) => e);
    expect(error).toBeInstanceOf(PartialApplyError);
    const applied = (error as PartialApplyError).properties as unknown as FunctionOutputs;
    expect(applied.agency).toBe("mine");
    expect(applied.codeHash).toBe(outs!.codeHash);
    await clearRequestLog(emu.url);
    expect(await provider.diff!(id, applied, wanted)).toEqual({ changes: true, replaces: [] });
    await provider.update!(id, applied, wanted);
    expect(await operations()).toEqual(["UpdateFunctionCode 200"]);
  });

  it("max instances, tags and reserved instances: their own APIs, only when changed, read back when declared", async () => {
    const inputs = await checked({
      maxInstances: 20,
      tags: { team: "core", env: "dev" },
      reservedInstances: [{ count: 2, idleMode: true }],
      log: { groupId: "lg-1", streamId: "ls-1", groupName: "group-one" },
    });
    const { id, outs } = await provider.create(inputs);
    expect(await operations()).toEqual([
      "CreateFunction 200",
      "UpdateFunctionMaxInstanceConfig 200",
      "CreateTags 204",
      "UpdateFunctionReservedInstancesCount 200",
    ]);
    await clearRequestLog(emu.url);
    const read = await provider.read!(id, outs);
    expect((await operations()).sort()).toEqual(
      [
        "ListFunctionTags 200",
        "ListReservedInstanceConfigs 200",
        "ShowFunctionConfig 200",
        "ShowLtsLogDetails 200",
      ].sort(),
    );
    expect(read.props).toMatchObject({ maxInstances: 20, tags: { team: "core", env: "dev" } });
    expect(changedOf(read.props!, inputs)).toEqual([]);

    // One tag changed, one removed, max instances changed: no F4, no reserved-instances call.
    await clearRequestLog(emu.url);
    const next = await checked({ ...inputs, maxInstances: 30, tags: { team: "platform" } });
    const after = (await provider.update!(id, read.props!, next)).outs!;
    expect(await operations()).toEqual(["UpdateFunctionMaxInstanceConfig 200", "DeleteTags 204", "CreateTags 204"]);
    const tags = (await fgRequest(emu.url, "GET", `/v2/${emu.credentials.projectId}/functions/${id}/tags`)).body;
    expect(tags.tags).toEqual([{ key: "team", value: "platform" }]);

    // Removing the reservation sets its count to 0; removing maxInstances restores the default.
    await clearRequestLog(emu.url);
    const bare = await checked({ log: inputs.log, tags: { team: "platform" } });
    await provider.update!(id, after, bare);
    expect(await operations()).toEqual([
      "UpdateFunctionMaxInstanceConfig 200",
      "UpdateFunctionReservedInstancesCount 200",
    ]);
    expect((await liveConfig(id)).strategy_config).toMatchObject({ concurrency: 400 });
  });

  it("out-of-band tag and max-instance changes are drift; an undeclared reservation is not reported", async () => {
    const inputs = await checked({ maxInstances: 20, tags: { team: "core" } });
    const { id, outs } = await provider.create(inputs);
    await fgRequest(emu.url, "PUT", functionPath(id, "/config-max-instance"), { max_instance_num: 5 });
    await fgRequest(emu.url, "POST", `/v2/${emu.credentials.projectId}/functions/${id}/tags/create`, {
      tags: [{ key: "team", value: "console" }],
    });
    await fgRequest(emu.url, "PUT", functionPath(id.replace(/:latest$/, ":latest"), "/reservedinstances"), {
      count: 3,
      idle_mode: false,
      tactics_config: { cron_configs: [], metric_configs: [] },
    });
    const read = await provider.read!(id, outs);
    expect(read.props).toMatchObject({ maxInstances: 5, tags: { team: "console" } });
    expect(read.props).not.toHaveProperty("reservedInstances");
    expect(changedOf(read.props!, inputs).sort()).toEqual(["maxInstances", "tags"]);
  });

  it("a failing tag call after F10 records max instances as applied; the next update only retries the tags", async () => {
    const inputs = await checked();
    const { id, outs } = await provider.create(inputs);
    const wanted = await checked({ maxInstances: 10, tags: { a: "1" } });
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "CreateTags", status: 500, errorCode: "FSS.0500", times: 1 }),
    });
    const error = (await provider.update!(id, outs!, wanted).catch((e) => e)) as PartialApplyError;
    expect(error).toBeInstanceOf(PartialApplyError);
    expect(error.properties).toMatchObject({ maxInstances: 10 });
    expect(error.properties).not.toHaveProperty("tags");
    await clearRequestLog(emu.url);
    await provider.update!(id, error.properties as unknown as FunctionOutputs, wanted);
    expect(await operations()).toEqual(["CreateTags 204"]);
  });

  it("log: {} turns LTS on for the project once, lets the platform create the group, and reads back clean", async () => {
    const inputs = await checked({ log: {} });
    const { id, outs } = await provider.create(inputs);
    expect(await operations()).toEqual(["EnableLtsLogs 200", "CreateFunction 200"]);
    const live = await liveConfig(id);
    expect(live.enable_lts_log).toBe(true);
    expect(live.log_group_id).toBeTruthy();
    const read = await provider.read!(id, outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    // Naming a group later is a config change only: LTS is on already.
    await clearRequestLog(emu.url);
    await provider.update!(id, read.props!, await checked({ log: LOG }));
    expect(await operations()).toEqual(["ShowFunctionConfig 200", "UpdateFunctionConfig 200"]);
  });
});
