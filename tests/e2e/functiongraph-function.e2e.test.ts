/**
 * The real Pulumi CLI (`up`, `preview --diff`, `refresh`, `destroy`) on examples/functiongraph-basic,
 * installed from the packed tarball, against an in-process emulator.
 * The scenario is one story told in order, so each step builds on the state the last one left.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, countOps, fgRequest, functionPath, invoke, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const EXAMPLE = path.resolve(__dirname, "../../examples/functiongraph-basic");
const SIG = "4dabf18193072939515e22adb298388d";
/** Assets and archives compare by content hash, as the engine does (state sent to read has no paths). */
const comparable = (v: any) => (v && typeof v === "object" && SIG in v ? v.hash : JSON.stringify(v));
/** Input keys whose values differ between a preview step's old and new state (what `--diff` shows). */
function changedInputs(step: any): string[] {
  const olds = step.oldState?.inputs ?? {};
  const news = step.newState?.inputs ?? {};
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((k) => !k.startsWith("__") && comparable(olds[k]) !== comparable(news[k])).sort();
}
const fgOps = (log: Awaited<ReturnType<typeof requestLog>>) =>
  countOps(log.filter((r) => r.platform === "functiongraph"));

describe("functiongraph.Function with the real engine", () => {
  let urn: string;
  const stack = e2eStack(EXAMPLE);

  it("type-checks the example against the installed package's typings", () => {
    const tsc = path.join(ensureInstalled(), "typescript/bin/tsc");
    const res = spawnSync("node", [tsc, "--noEmit", "-p", stack.project.dir], { encoding: "utf8" });
    expect(res.stdout + res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  it("up creates the function in the emulator", async () => {
    await stack.project.up();
    urn = (await stack.project.outputs()).functionUrn;
    const pid = EMULATOR_DEFAULTS.functiongraph.projectId;
    expect(urn).toBe(`urn:fss:cn-north-4:${pid}:function:default:cloudfn-hello:latest`);
    const config = (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
    expect(config).toMatchObject({
      func_name: "cloudfn-hello",
      memory_size: 256,
      timeout: 30,
      runtime: "Node.js18.15",
    });
    expect(JSON.parse(config.user_data)).toEqual({ GREETING: "Hello" });
  });

  it("preview right after up shows no changes", async () => {
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("the deployed function answers when invoked", async () => {
    const res = await invoke(stack.emulator.url, urn, { name: "cloudfn" });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.result)).toEqual({ message: "Hello, cloudfn!", function: "cloudfn-hello" });
  });

  it("a source edit previews as a code-only update and up applies it with one code call", async () => {
    fs.writeFileSync(
      path.join(stack.project.dir, "app/index.js"),
      'exports.handler = async () => ({ message: "v2" });\n',
    );
    const preview = await stack.project.run(["preview", "--json"]);
    const steps = JSON.parse(preview.stdout).steps.filter((s: any) => s.op !== "same");
    expect(steps).toHaveLength(1);
    expect(steps[0].op).toBe("update");
    expect(changedInputs(steps[0])).toEqual(["code", "codeHash"]);
    const text = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(text).toMatch(/~ code\s*: archive/);
    expect(text).not.toMatch(/~ memorySize/);

    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const ops = fgOps(await requestLog(stack.emulator.url));
    expect(ops.UpdateFunctionCode).toBe(1);
    expect(ops.UpdateFunctionConfig).toBeUndefined();
    expect(ops.CreateFunction).toBeUndefined();
    expect(JSON.parse((await invoke(stack.emulator.url, urn, {})).body.result)).toEqual({ message: "v2" });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("an out-of-band memory change is reported as drift by refresh and reverted by up", async () => {
    const cfg = (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
    const put = await fgRequest(stack.emulator.url, "PUT", functionPath(urn, "/config"), {
      func_name: cfg.func_name,
      runtime: cfg.runtime,
      handler: cfg.handler,
      timeout: cfg.timeout,
      memory_size: 512,
      user_data: cfg.user_data,
      description: cfg.description,
    });
    expect(put.status).toBe(200);

    const drift = await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true });
    expect(drift.code).not.toBe(0);

    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/memorySize.*256.*512|256 => 512/s);
    const preview = JSON.parse((await stack.project.run(["preview", "--json"])).stdout);
    const update = preview.steps.find((s: any) => s.op === "update");
    expect(changedInputs(update)).toEqual(["memorySize"]);
    expect((await stack.project.run(["preview", "--diff"])).stdout).toMatch(/~ memorySize\s*: 512 => 256/);

    await stack.project.up();
    const after = (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
    expect(after.memory_size).toBe(256);
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("a bad input fails at preview with a message naming the property, with zero API calls", async () => {
    await stack.project.setConfig({ memorySize: "300" });
    await clearRequestLog(stack.emulator.url);
    const res = await stack.project.run(["preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/memorySize/);
    expect(res.stdout + res.stderr).toMatch(/128, 256, 512/);
    expect((await requestLog(stack.emulator.url)).filter((r) => r.platform === "functiongraph")).toEqual([]);
    await stack.project.run(["config", "rm", "memorySize"]);
  });

  it("stack state holds no credentials and a small provider shim", async () => {
    const exported = await stack.project.exportStack();
    const fg = EMULATOR_DEFAULTS.functiongraph;
    expect(exported).not.toContain(fg.secretKey);
    expect(exported).not.toContain(fg.accessKey);
    const state = JSON.parse(exported);
    const fn = state.deployment.resources.find((r: any) => r.type.endsWith(":Function"));
    expect(fn.id).toBe(urn);
    expect(fn.outputs.__provider.length).toBeLessThan(4096);
    // Pulumi records the program's line as the resource's source position, not the SDK's file.
    expect(fn.sourcePosition).toMatch(/^project:\/\/\/index\.ts#\d+,\d+$/);
  });

  it("destroy leaves the emulator empty", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    const list = (
      await fgRequest(stack.emulator.url, "GET", `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs/functions`)
    ).body;
    expect(list.functions).toEqual([]);
  });
});
