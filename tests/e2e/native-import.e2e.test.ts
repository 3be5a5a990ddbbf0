/**
 * `pulumi import` on the native plugin: a function and its timer exist already (deployed by a
 * stack that was then removed without destroying them, so nothing records them), a new stack
 * imports both by id, and the program's first preview is clean.
 */
import * as path from "path";
import { e2eStack } from "../helpers/e2e-stack";
import { useNativePlugin } from "../helpers/native-plugin";
import { fgRequest, functionPath } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-import");

describe("pulumi import with the native plugin", () => {
  let ids: { functionUrn: string; triggerId: string };
  const stack = e2eStack(PROGRAM, {
    stackName: "origin",
    wrap: useNativePlugin,
    init: async () => {
      await stack.project.initStack(stack.emulator.url);
      await stack.project.up();
      ids = (await stack.project.outputs()) as typeof ids;
      // Forget them: the objects stay in the emulator, no state records them any more.
      await stack.project.run(["stack", "rm", "--force", "--yes"]);
    },
  });

  it("imports the function and the trigger by id into a fresh stack", async () => {
    await stack.project.initStack(stack.emulator.url);
    for (const [type, name, id] of [
      ["cloudfn:functiongraph:Function", "fn", ids.functionUrn],
      ["cloudfn:functiongraph:Trigger", "timer", ids.triggerId],
    ]) {
      await stack.project.run(["import", type, name, id, "--yes", "--generate-code=false"]);
    }
    const state = JSON.parse(await stack.project.exportStack());
    const fn = state.deployment.resources.find((r: any) => r.type === "cloudfn:functiongraph:Function");
    expect(fn.inputs).toMatchObject({ name: "imported-fn", memorySize: 256, environment: { GREETING: "hello" } });
  });

  it("the program's first preview after the import is clean", async () => {
    const res = await stack.project.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
    expect(`${res.code}\n${res.stdout}\n${res.stderr}`).toMatch(/^0\n/);
  });

  it("an up then manages them: destroy deletes the imported function", async () => {
    await stack.project.up();
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", functionPath(ids.functionUrn, "/config"))).status).toBe(404);
  });
});
