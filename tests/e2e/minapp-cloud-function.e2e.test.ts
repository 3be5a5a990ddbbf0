/**
 * The real Pulumi CLI (`up`, `preview --diff`, `refresh`, `destroy`) on examples/minapp-basic,
 * installed from the packed tarball, against an in-process emulator. One story told in order:
 * each step builds on the state the last one left.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { ensureInstalled } from "../helpers/pulumi-cli";
import { e2eStack } from "../helpers/e2e-stack";
import { initMinAppStack } from "../helpers/minapp-project";
import {
  FUNCTIONS,
  clearRequestLog,
  functionPath,
  minappApiCounts,
  minappCall,
  minappOps,
} from "../helpers/minapp-http";

jest.setTimeout(10 * 60 * 1000);
const EXAMPLE = path.resolve(__dirname, "../../examples/minapp-basic");
const NAME = "cloudfn_hello";
const GREETING_V2 =
  'exports.greeting = function (name) {\n  return { message: "Bonjour, " + (name || "world") + "!" };\n};\n';

describe("minapp.CloudFunction and minapp.Invocation with the real engine", () => {
  const stack = e2eStack(EXAMPLE, { init: () => initMinAppStack(stack.project, stack.emulator.url) });
  const live = async () => (await minappCall(stack.emulator.url, "GET", functionPath(NAME))).body;
  const writeApp = (file: string, text: string) => fs.writeFileSync(path.join(stack.project.dir, "app", file), text);
  const noChanges = async () =>
    (await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code;

  it("type-checks the example against the installed package's typings", () => {
    const tsc = path.join(ensureInstalled(), "typescript/bin/tsc");
    const res = spawnSync("node", [tsc, "--noEmit", "-p", stack.project.dir], { encoding: "utf8" });
    expect(res.stdout + res.stderr).toBe("");
    expect(res.status).toBe(0);
  });

  it("up bundles the folder, creates the function and runs it once; preview right after shows no changes", async () => {
    await stack.project.up();
    const outputs = await stack.project.outputs();
    expect(outputs.answer).toEqual({ message: "Hello, cloudfn!" });
    expect(outputs.functionName).toBe(NAME);
    const fn = await live();
    expect(fn).toMatchObject({
      name: NAME,
      remark: "Hello from cloudfn",
      plan_circle: "P_FREE",
      audit_status: "approved",
      id: outputs.functionId,
    });
    expect(fn.function_code).toContain("// lib/greeting.js");
    expect(fn.function_code).not.toMatch(/require\("\.\/lib\/greeting"\)/);
    expect(await noChanges()).toBe(0);
  });

  it("a local edit previews as a readable line diff of the source and applies with a single PATCH", async () => {
    writeApp("lib/greeting.js", GREETING_V2);
    const text = (await stack.project.run(["preview", "--diff"])).stdout;
    const fnBlock = text.slice(
      text.indexOf("minapp:CloudFunction: (update)"),
      text.indexOf("minapp:Invocation: (update)"),
    );
    expect(fnBlock).toMatch(/~ source\s*:/);
    expect(fnBlock).toMatch(/\n\s*- +return \{ message: "Hello, " \+ \(name \|\| "world"\) \+ "!" \};\n/);
    expect(fnBlock).toMatch(/\n\s*\+ +return \{ message: "Bonjour, " \+ \(name \|\| "world"\) \+ "!" \};\n/);
    expect(fnBlock).not.toMatch(/~ (remark|planCircle|name)\b/);
    // Short: the unchanged bundle prelude is elided, not printed.
    expect(fnBlock).not.toContain("__commonJS");

    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    expect(await minappApiCounts(stack.emulator.url)).toEqual({ UpdateCloudFunction: 1, InvokeCloudFunction: 1 });
    expect((await stack.project.outputs()).answer).toEqual({ message: "Bonjour, cloudfn!" });
    expect(await noChanges()).toBe(0);
  });

  it("a dashboard edit is caught by refresh as a source change, shown as a diff, and reverted by up", async () => {
    const declared = (await live()).function_code as string;
    const edited = declared.replace("Bonjour, ", "Hola, ");
    expect((await minappCall(stack.emulator.url, "PATCH", functionPath(NAME), { function_code: edited })).status).toBe(
      202,
    );

    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/~ source\s*:/);
    expect(refresh.stdout).toMatch(/Hola, /);
    const text = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(text).toMatch(/\n\s*- +return \{ message: "Hola, " \+ \(name \|\| "world"\) \+ "!" \};\n/);
    expect(text).toMatch(/\n\s*\+ +return \{ message: "Bonjour, " \+ \(name \|\| "world"\) \+ "!" \};\n/);

    await stack.project.up();
    expect((await live()).function_code).toBe(declared);
    expect(
      (await stack.project.run(["preview", "--refresh", "--expect-no-changes"], { allowFailure: true })).code,
    ).toBe(0);
  });

  it("bad inputs fail at preview naming the property, with zero HTTP calls", async () => {
    await clearRequestLog(stack.emulator.url);
    const failing = async () => {
      const res = await stack.project.run(["preview"], { allowFailure: true });
      expect(res.code).not.toBe(0);
      return res.stdout + res.stderr;
    };
    await stack.project.setConfig({ functionName: "" });
    expect(await failing()).toMatch(/name must not be empty/);
    await stack.project.run(["config", "rm", "functionName"]);
    await stack.project.setConfig({ planCircle: "P_GOLD" });
    expect(await failing()).toMatch(/planCircle must be one of P_FREE, P_PERSONAL; got "P_GOLD"/);
    await stack.project.run(["config", "rm", "planCircle"]);
    const index = fs.readFileSync(path.join(stack.project.dir, "app/index.js"), "utf8");
    writeApp("index.js", "");
    expect(await failing()).toMatch(/code must not be empty/);
    writeApp("index.js", "exports.main = async function (event) {\n  return greeting(event.data.name;\n};\n");
    expect(await failing()).toMatch(/code: .*index\.js:2: Expected "\)" but found ";"/);
    writeApp("index.js", index);
    expect(await minappOps(stack.emulator.url)).toEqual([]);
  });

  it("a function that throws fails the up with the platform's error type, message and log", async () => {
    writeApp(
      "lib/greeting.js",
      'exports.greeting = function (name) {\n  console.log("greeting", name);\n  throw new RangeError("no greeting for " + name);\n};\n',
    );
    const res = await stack.project.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    const text = res.stdout + res.stderr;
    expect(text).toMatch(
      /MinApp cloud function "cloudfn_hello" failed \(sync run\): RangeError: no greeting for cloudfn/,
    );
    expect(text).toMatch(/LOG greeting cloudfn/);
    // The failed run is not recorded as done: the next preview still has it to do.
    const pending = JSON.parse((await stack.project.run(["preview", "--json"])).stdout).steps;
    expect(
      pending.filter((st: any) => st.op !== "same").map((st: any) => `${st.op} ${st.urn.split("::").pop()}`),
    ).toEqual(["update greet"]);
    // Back to the code whose run succeeded last: the function is restored and that run stands.
    writeApp("lib/greeting.js", GREETING_V2);
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    expect(await minappApiCounts(stack.emulator.url)).toEqual({ UpdateCloudFunction: 1 });
    expect((await stack.project.outputs()).answer).toEqual({ message: "Bonjour, cloudfn!" });
    expect(await noChanges()).toBe(0);
  });

  it("stack state holds no credentials and small provider shims", async () => {
    const exported = await stack.project.exportStack();
    expect(exported).not.toContain(EMULATOR_DEFAULTS.minapp.clientSecret);
    const state = JSON.parse(exported);
    const fn = state.deployment.resources.find((r: any) => r.type.endsWith(":CloudFunction"));
    expect(fn.id).toBe(NAME);
    expect(fn.outputs.__provider.length).toBeLessThan(4096);
  });

  it("destroy leaves the emulator empty", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await minappCall(stack.emulator.url, "GET", FUNCTIONS)).body.objects).toEqual([]);
  });
});
