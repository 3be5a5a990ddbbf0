/**
 * A YAML program (no SDK, the schema tokens directly) on the native `pulumi-resource-cloudfn`
 * plugin, with the real CLI and `pulumi-language-yaml`, against an in-process emulator:
 * up, a clean preview, a replace shown property by property with its reason, refresh catching
 * a console edit, destroy. One story told in order.
 */
import * as path from "path";
import { e2eStack } from "../helpers/e2e-stack";
import { changedSteps, useNativePlugin } from "../helpers/native-plugin";
import { fgRequest, functionPath } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-yaml");

describe("a YAML program on the native plugin", () => {
  let urn: string;
  const stack = e2eStack(PROGRAM, {
    wrap: useNativePlugin,
    config: () => ({ "cloudfn:emulator": stack.emulator.url }),
  });

  it("up creates the function, its timer and the MinApp function", async () => {
    await stack.project.up();
    const out = await stack.project.outputs();
    urn = out.functionUrn;
    expect(urn).toContain(":function:default:native-yaml-fn:latest");
    expect(out.miniId).toBe("nativeyaml");
    const config = (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
    expect(config).toMatchObject({ func_name: "native-yaml-fn", memory_size: 256 });
    // State holds no serialized provider: the resources belong to the native plugin.
    const state = await stack.project.exportStack();
    expect(state).not.toContain("__provider");
    expect(state).toContain("pulumi:providers:cloudfn");
  });

  it("a preview right after up shows no changes", async () => {
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a runtime change previews as a replace of the function, with runtime as the reason", async () => {
    await stack.project.setConfig({ runtime: "Node.js16.17" });
    const json = changedSteps((await stack.project.run(["preview", "--json"])).stdout);
    const fn = json.find((s) => s.urn.endsWith("::fn"));
    expect(fn.op).toBe("replace");
    expect(fn.replaceReasons).toEqual(["runtime"]);
    expect(fn.detailedDiff).toEqual({ runtime: { kind: "update-replace", inputDiff: true } });
    const text = (await stack.project.run(["preview", "--diff"])).stdout;
    expect(text).toMatch(/\+-\s*cloudfn:functiongraph:Function: \(replace\)/);
    expect(text).toMatch(/~ runtime\s*: "Node\.js18\.15" => "Node\.js16\.17"/);
    await stack.project.setConfig({ runtime: "Node.js18.15" });
  });

  it("refresh catches a console edit, and the next preview shows it", async () => {
    const cfg = (await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).body;
    const put = await fgRequest(stack.emulator.url, "PUT", functionPath(urn, "/config"), {
      func_name: cfg.func_name,
      runtime: cfg.runtime,
      handler: cfg.handler,
      timeout: cfg.timeout,
      memory_size: 512,
      description: cfg.description,
    });
    expect(put.status).toBe(200);
    await stack.project.run(["refresh", "--yes", "--skip-preview"]);
    expect(await stack.project.exportStack()).toContain('"memorySize": 512');
    const steps = changedSteps((await stack.project.run(["preview", "--json"])).stdout);
    expect(steps.map((s) => [s.op, s.urn.split("::").pop(), Object.keys(s.detailedDiff ?? {})])).toEqual([
      ["update", "fn", ["memorySize"]],
    ]);
  });

  it("destroy removes everything", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", functionPath(urn, "/config"))).status).toBe(404);
  });
});
