/**
 * `cloudfn drift` the way a user runs it — `node <installed package>/dist/cli/index.js drift`
 * in the project folder, with the project's environment — on a stack of functions on all three
 * platforms, against an in-process emulator. A clean stack reports nothing (twice); changes made
 * through the platforms' APIs (a console-style code edit, a memory change, a disabled timer, a
 * deleted function, an edited workflow, raised async retries, a console-edited variable, an
 * out-of-band deploy, an unmanaged function) are each reported with their cause. The stack's state is byte-identical before and after every drift run.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { fgRequest, functionPath as fgFunctionPath } from "../helpers/fg-http";
import { FUNCTIONS, functionPath, minappCall } from "../helpers/minapp-http";
import { deployOutOfBand, groupVariables, setLeanCloudConfig } from "../helpers/leancloud-e2e";
import { setMinAppConfig } from "../helpers/minapp-project";
import { lcCall } from "../../emulator/testing/leancloud-client";

jest.setTimeout(15 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/drift-stack");
const fgs = `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs`;

const DRIFTED = [
  "functiongraph:AsyncInvokeConfig api-async config maxAsyncRetryAttempts",
  "functiongraph:Function api config cpu,memorySize",
  "functiongraph:Function spare deleted ",
  "functiongraph:Trigger tick config status",
  "functiongraph:Workflow flow config constants",
  "leancloud:EngineDeployment engine code codeHash,version",
  "leancloud:EngineEnvironmentVariables vars config variables",
  "minapp:CloudFunction drift_stray unmanaged ",
  "minapp:CloudFunction hello code codeHash,source",
];
const summaryOf = (report: any) =>
  report.findings
    .map((f: any) => `${f.type} ${f.name} ${f.cause} ${f.changes.map((c: any) => c.property).join(",")}`)
    .sort();

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** stderr holds progress only: what runs and how it ended. */
function expectProgressOnly(stderr: string): void {
  const lines = stderr.split("\n").filter(Boolean);
  expect(lines.filter((l) => !l.startsWith("cloudfn drift: "))).toEqual([]);
  expect(stderr).toContain("cloudfn drift: running pulumi preview --refresh --json");
  expect(stderr).toMatch(/pulumi preview done in /);
  // One line per resource as the engine refreshes it.
  expect(stderr).toMatch(/cloudfn drift: {3}~> \S+ \S+ \(refresh\)\n/);
  expect(stderr).not.toMatch(/failed/);
}

describe("cloudfn drift with the real engine, on FunctionGraph, MinApp and LeanCloud", () => {
  let outputs: Record<string, any>;
  const stack = e2eStack(PROGRAM, {
    init: async () => {
      await stack.project.initStack(stack.emulator.url, { "cloudfn:driftPrefix": "drift" });
      await setMinAppConfig(stack.project, stack.emulator.url);
      await setLeanCloudConfig(stack.project, stack.emulator);
      await stack.project.up();
      outputs = await stack.project.outputs();
    },
  });

  /** The installed package's CLI, run asynchronously so the in-process emulator keeps serving. */
  const drift = (args: string[] = []): Promise<CliResult> => {
    const cli = path.join(ensureInstalled(), "pulumi-cloudfn/dist/cli/index.js");
    const child = spawn("node", [cli, "drift", "--cwd", stack.project.dir, ...args], { env: stack.project.env() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  };

  /** With CLOUDFN_DRIFT_SAVE_DIR set, keeps the refresh preview as a unit-test fixture (cli/drift/fixtures). */
  const savePreview = async (file: string) => {
    const dir = process.env.CLOUDFN_DRIFT_SAVE_DIR;
    if (dir)
      fs.writeFileSync(path.join(dir, file), (await stack.project.run(["preview", "--refresh", "--json"])).stdout);
  };

  it("a clean stack reports no drift, twice in a row, and drift leaves the state untouched", async () => {
    const before = await stack.project.exportStack();
    for (let i = 0; i < 2; i++) {
      const res = await drift();
      expectProgressOnly(res.stderr);
      expect(res.stdout).toContain("No drift: every resource matches the platform.");
      expect(res.stdout).toContain("looked for with the prefix `drift`");
      expect(res.code).toBe(0);
    }
    expect(await stack.project.exportStack()).toBe(before);
    await savePreview("all-resources-clean.json");
  });

  it("changes made outside Pulumi are each reported with their cause (exit 1), and the state is untouched", async () => {
    // MinApp console: edit the function's code in place.
    const live = (await minappCall(stack.emulator.url, "GET", functionPath("drift_hello"))).body;
    const edited = `${live.function_code}\n// edited in the console\n`;
    expect(
      (await minappCall(stack.emulator.url, "PATCH", functionPath("drift_hello"), { function_code: edited })).status,
    ).toBe(202);
    // FunctionGraph console: more memory for drift-api, its timer disabled, drift-spare deleted.
    const cfg = (await fgRequest(stack.emulator.url, "GET", fgFunctionPath(outputs.apiUrn, "/config"))).body;
    const put = await fgRequest(stack.emulator.url, "PUT", fgFunctionPath(outputs.apiUrn, "/config"), {
      func_name: cfg.func_name,
      runtime: cfg.runtime,
      handler: cfg.handler,
      timeout: cfg.timeout,
      memory_size: 512,
      user_data: cfg.user_data,
      description: cfg.description,
    });
    expect(put.status).toBe(200);
    expect(
      (
        await fgRequest(stack.emulator.url, "PUT", `${fgs}/triggers/${outputs.triggerKey}`, {
          trigger_status: "DISABLED",
        })
      ).status,
    ).toBe(200);
    expect(
      (await fgRequest(stack.emulator.url, "DELETE", fgFunctionPath(String(outputs.spareUrn).replace(/:latest$/, ""))))
        .status,
    ).toBe(204);
    // A function created with the stack's prefix by someone else, and an out-of-band LeanCloud deploy.
    expect(
      (
        await minappCall(stack.emulator.url, "POST", FUNCTIONS, {
          name: "drift_stray",
          function_code: "exports.main = async () => 1;\n",
        })
      ).status,
    ).toBe(201);
    await deployOutOfBand(stack.emulator, path.join(stack.project.dir, "engine"), 1);
    // FunctionGraph console: the workflow's definition edited, the async retries raised.
    const flow = (await fgRequest(stack.emulator.url, "GET", `${fgs}/workflows/${outputs.workflowId}`)).body.definition;
    expect(
      (
        await fgRequest(stack.emulator.url, "PUT", `${fgs}/workflows/${outputs.workflowId}`, {
          ...flow,
          constants: { injected: "yes" },
        })
      ).status,
    ).toBe(200);
    const asyncPath = fgFunctionPath(outputs.apiUrn, "/async-invoke-config");
    const asyncCfg = (await fgRequest(stack.emulator.url, "GET", asyncPath)).body;
    expect(
      (await fgRequest(stack.emulator.url, "PUT", asyncPath, { ...asyncCfg, max_async_retry_attempts: 3 })).status,
    ).toBe(200);
    // LeanCloud console: one variable of the group changed (the whole map is written back).
    const vars = await groupVariables(stack.emulator);
    const patched = await lcCall(stack.emulator.url, stack.emulator.leancloud, {
      method: "PATCH",
      path: "/1.1/engine/groups/web",
      auth: "console",
      body: { environments: { ...vars, GREETING: "Howdy", TOKEN: "changed-token" } },
    });
    expect(patched.status).toBe(200);
    const before = await stack.project.exportStack();

    const json = await drift(["--format", "json"]);
    expectProgressOnly(json.stderr);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.drifted).toBe(true);
    expect(summaryOf(report)).toEqual(DRIFTED);
    const memory = report.findings
      .find((f: any) => f.name === "api")
      .changes.find((c: any) => c.property === "memorySize");
    expect([memory.old, memory.new]).toEqual([128, 512]);

    const md = await drift();
    expect(md.code).toBe(1);
    expect(md.stdout).toContain(
      "| `api` | functiongraph:Function | configuration changed | cpu: `300` → `600`<br>memorySize: `128` → `512` |",
    );
    expect(md.stdout).toContain(
      "| `tick` | functiongraph:Trigger | configuration changed | status: `ACTIVE` → `DISABLED` |",
    );
    expect(md.stdout).toContain(
      "| `api-async` | functiongraph:AsyncInvokeConfig | configuration changed | maxAsyncRetryAttempts: `1` → `3` |",
    );
    expect(md.stdout).toMatch(/\| `flow` \| functiongraph:Workflow \| configuration changed \| constants: .*injected/);
    expect(md.stdout).toMatch(
      /\| `vars` \| leancloud:EngineEnvironmentVariables \| configuration changed \| variables: .*Hello.* → .*Howdy/,
    );
    expect(md.stdout).not.toContain("drift-token");
    expect(md.stdout).toContain("| `spare` | functiongraph:Function | deleted outside Pulumi |");
    expect(md.stdout).toMatch(
      /\| `hello` \| minapp:CloudFunction \| code edited outside Pulumi \| codeHash: `[0-9a-f]{12}…` → `[0-9a-f]{12}…`<br>source: 0 line\(s\) removed, 2 added \|/,
    );
    expect(md.stdout).toContain("| `drift_stray` | minapp:CloudFunction | created outside Pulumi |");
    expect(md.stdout).toMatch(
      /\| `engine` \| leancloud:EngineDeployment \| code edited outside Pulumi \| codeHash: `[0-9a-f]{12}…` → `drift:\d{8}-\d{6}`<br>version: /,
    );
    expect(md.stdout).toContain("<details><summary>hello: source (recorded → live)</summary>");
    expect(md.stdout).toMatch(/\n\+\/\/ edited in the console\n/);
    expect(md.stdout).toMatch(/`pulumi up --stack \S+` creates it again\./);
    expect(md.stdout).toContain("`npx cloudfn adopt --platform minapp --prefix drift_stray`");
    expect(md.stdout).not.toContain(EMULATOR_DEFAULTS.minapp.clientSecret);
    expect(await stack.project.exportStack()).toBe(before);
    await savePreview("all-resources-drifted.json");
  });

  it("pending replacements in the program (one of them of the deleted function) change nothing in the report", async () => {
    // The workflow (edited outside Pulumi) and the deleted drift-spare are both renamed: the plan
    // replaces the one and creates the other; neither is a new finding or a lost one.
    await stack.project.setConfig({ renamed: "true" });
    const json = await drift(["--format", "json"]);
    expectProgressOnly(json.stderr);
    expect(json.code).toBe(1);
    expect(summaryOf(JSON.parse(json.stdout))).toEqual(DRIFTED);
    await savePreview("all-resources-drifted-renamed.json");
  });

  it("a bad option is a usage error (exit 2)", async () => {
    const res = await drift(["--format", "yaml"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--format must be markdown or json; got "yaml"/);
  });
});
