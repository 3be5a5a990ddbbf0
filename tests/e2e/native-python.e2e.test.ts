/**
 * A Python program on the native `pulumi-resource-cloudfn` plugin, through the SDK that
 * `pulumi package gen-sdk --language python` generates from schema.json, with the real CLI
 * against an in-process emulator: up, a clean preview, a change shown by `preview --diff`,
 * destroy. The virtualenv and SDK are built once and cached (tests/helpers/python-sdk.ts).
 */
import * as path from "path";
import { e2eStack } from "../helpers/e2e-stack";
import { changedSteps, useNativePlugin } from "../helpers/native-plugin";
import { ensurePythonSdk } from "../helpers/python-sdk";
import { fgRequest, functionPath } from "../helpers/fg-http";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-python");
const fg = EMULATOR_DEFAULTS.functiongraph;

describe("a Python program on the native plugin, with the generated SDK", () => {
  let venvBin: string;
  let urn: string;
  // The SDK is built (or found in its cache) before the emulator starts, as it always was.
  beforeAll(() => {
    venvBin = ensurePythonSdk();
  });
  const stack = e2eStack(PROGRAM, {
    wrap: (project) => {
      useNativePlugin(project);
      project.extraEnv = { ...project.extraEnv, PATH: `${venvBin}:${project.extraEnv.PATH}` };
      return project;
    },
    config: () => ({ "cloudfn:emulator": stack.emulator.url }),
  });

  it("up creates the function, its timer and the MinApp function", async () => {
    await stack.project.up();
    const out = await stack.project.outputs();
    urn = out.functionUrn;
    expect(urn).toContain(":function:default:native-python-fn:latest");
    expect(out.miniId).toBe("nativepython");
    const config = (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
    expect(config).toMatchObject({ func_name: "native-python-fn", memory_size: 256 });
    const triggers = await fgRequest(stack.emulator.url, "GET", `/v2/${fg.projectId}/fgs/triggers/${urn}`);
    expect(JSON.stringify(triggers.body)).toMatch(/"trigger_type_code":"TIMER".*"every-5m"|"every-5m".*"TIMER"/);
    expect(await stack.project.exportStack()).toContain("pulumi:providers:cloudfn");
  });

  it("a preview right after up shows no changes", async () => {
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a runtime change previews as a replace of the function, with runtime as the reason", async () => {
    await stack.project.setConfig({ runtime: "Node.js16.17" });
    const steps = changedSteps((await stack.project.run(["preview", "--json"])).stdout);
    const fn = steps.find((s) => s.urn.endsWith("::fn"));
    expect(fn).toMatchObject({ op: "replace", replaceReasons: ["runtime"] });
    const text = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(text).toMatch(/\+-\s*cloudfn:functiongraph:Function: \(replace\)/);
    expect(text).toMatch(/~ runtime\s*: "Node\.js18\.15" => "Node\.js16\.17"/);
    await stack.project.setConfig({ runtime: "Node.js18.15" });
  });

  it("destroy removes everything", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).status).toBe(404);
  });
});
