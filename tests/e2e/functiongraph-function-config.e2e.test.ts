/**
 * A fully configured functiongraph.Function with the real Pulumi CLI against an in-process
 * emulator: up, a clean preview, out-of-band changes of several configuration properties caught by
 * `refresh` and by `cloudfn drift` under their names, the no-loss rule through the engine
 * (configuration set in the console survives a memory change), removal of a declared property,
 * and a destroy that leaves nothing. One story, each step building on the last.
 */
import * as path from "path";
import { spawn } from "child_process";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, countOps, fgRequest, functionPath, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/fg-config");
const pid = EMULATOR_DEFAULTS.functiongraph.projectId;
/** What a console's edit form sends back (UpdateFunctionConfig replaces the whole configuration). */
const CONSOLE_FIELDS = [
  "func_name", "runtime", "handler", "memory_size", "timeout", "description", "user_data", "xrole", "app_xrole",
  "func_vpc", "mount_config", "strategy_config", "initializer_handler", "initializer_timeout", "pre_stop_handler",
  "pre_stop_timeout", "ephemeral_storage", "enterprise_project_id", "enable_lts_log", "network_controller",
  "domain_names", "lts_custom_tag", "peering_cidr",
]; // prettier-ignore

describe("a fully configured functiongraph.Function with the real engine", () => {
  let urn: string;
  const stack = e2eStack(PROGRAM);

  const live = async () => (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
  const tagsPath = () => `/v2/${pid}/functions/${urn}/tags`;
  /** The console's full-replacement config call: everything it shows, with some fields changed. */
  async function consolePut(extra: Record<string, unknown>) {
    const cfg = await live();
    const shown = Object.fromEntries(CONSOLE_FIELDS.filter((k) => cfg[k] != null).map((k) => [k, cfg[k]]));
    const log = cfg.log_group_id ? { log_config: { group_id: cfg.log_group_id, stream_id: cfg.log_stream_id } } : {};
    const res = await fgRequest(stack.emulator.url, "PUT", functionPath(urn, "/config"), {
      ...shown,
      ...log,
      ...extra,
    });
    expect(res.status).toBe(200);
  }
  const drift = (): Promise<{ code: number; stdout: string }> => {
    const cli = path.join(ensureInstalled(), "pulumi-cloudfn/dist/cli/index.js");
    const child = spawn("node", [cli, "drift", "--cwd", stack.project.dir, "--format", "json"], {
      env: stack.project.env(),
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    return new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
    });
  };

  it("up applies the whole configuration, and preview right after shows no changes", async () => {
    await stack.project.up();
    urn = (await stack.project.outputs()).urn;
    const cfg = await live();
    expect(cfg).toMatchObject({
      xrole: "fg-agency",
      func_vpc: { vpc_id: "vpc-1", subnet_id: "subnet-1" },
      initializer_handler: "index.init",
      strategy_config: { concurrency: 50 },
    });
    expect((await fgRequest(stack.emulator.url, "GET", tagsPath())).body.tags).toHaveLength(2);
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("console changes of agency, max instances and tags are caught by cloudfn drift and refresh, by name", async () => {
    await consolePut({ xrole: "console-agency" });
    expect(
      (await fgRequest(stack.emulator.url, "PUT", functionPath(urn, "/config-max-instance"), { max_instance_num: 7 }))
        .status,
    ).toBe(200);
    await fgRequest(stack.emulator.url, "POST", `${tagsPath()}/create`, { tags: [{ key: "env", value: "staging" }] });

    const res = await drift();
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    const changes = report.findings.find((f: any) => f.name === "prod").changes.map((c: any) => c.property);
    expect(changes).toEqual(expect.arrayContaining(["agency", "maxInstances", "tags"]));

    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/agency/);
    expect(refresh.stdout).toMatch(/maxInstances/);
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const ops = countOps((await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph"));
    expect(ops.UpdateFunctionConfig).toBe(1);
    expect(ops.UpdateFunctionMaxInstanceConfig).toBe(1);
    expect(ops.UpdateFunctionReservedInstancesCount).toBeUndefined();
    expect(await live()).toMatchObject({ xrole: "fg-agency", strategy_config: { concurrency: 50 } });
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("no loss: fields set in the console that the program never declares survive a memory change", async () => {
    await consolePut({
      app_xrole: "console-app-agency",
      lts_custom_tag: { team: "core" },
      peering_cidr: "10.1.0.0/16",
    });
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
    await stack.project.setConfig({ memory: "512" });
    await stack.project.up();
    expect(await live()).toMatchObject({
      memory_size: 512,
      xrole: "fg-agency",
      app_xrole: "console-app-agency",
      peering_cidr: "10.1.0.0/16",
      func_vpc: { vpc_id: "vpc-1" },
    });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("removing the declared VPC removes it on the platform", async () => {
    await stack.project.setConfig({ noVpc: "true" });
    await stack.project.up();
    expect((await live()).func_vpc ?? null).toBeNull();
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("a tag call failing after max instances were set: up records what was applied, the next up finishes", async () => {
    await stack.project.setConfig({ max: "60", env: "canary" });
    const fault = { operation: "CreateTags", status: 500, errorCode: "FSS.0500", times: 10 };
    await fetch(`${stack.emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fault),
    });
    expect((await stack.project.run(["up", "--yes", "--skip-preview"], { allowFailure: true })).code).not.toBe(0);
    const state = JSON.parse(await stack.project.exportStack());
    const fn = state.deployment.resources.find((r: any) => r.type.endsWith(":Function"));
    expect(fn.outputs).toMatchObject({ maxInstances: 60 });
    expect(fn.outputs.tags).not.toEqual({ env: "canary", team: "core" });
    expect(fn.outputs.__provider).toBeTruthy();

    await fetch(`${stack.emulator.url}/_emulator/faults`, { method: "DELETE" });
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const ops = countOps((await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph"));
    expect(ops.CreateTags).toBe(1);
    expect(ops.UpdateFunctionMaxInstanceConfig).toBeUndefined();
    expect(ops.UpdateFunctionConfig).toBeUndefined();
    const tags = (await fgRequest(stack.emulator.url, "GET", tagsPath())).body.tags;
    expect(tags).toEqual(expect.arrayContaining([{ key: "env", value: "canary" }]));
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("destroy leaves nothing", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    const list = (await fgRequest(stack.emulator.url, "GET", `/v2/${pid}/fgs/functions`)).body;
    expect(list.functions).toEqual([]);
  });
});
