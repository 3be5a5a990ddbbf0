/**
 * `pulumi import` on the native plugin: a function and its timer exist already (deployed by a
 * stack that was then removed without destroying them, so nothing records them), a new stack
 * imports both by id, and the program's first preview is clean.
 */
import * as path from "path";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { PulumiProject } from "../helpers/pulumi-cli";
import { useNativePlugin } from "../helpers/native-plugin";
import { fgRequest, functionPath } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-import");

describe("pulumi import with the native plugin", () => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let ids: { functionUrn: string; triggerId: string };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    project = useNativePlugin(new PulumiProject(PROGRAM, "origin"));
    await project.initStack(emulator.url);
    await project.up();
    ids = (await project.outputs()) as typeof ids;
    // Forget them: the objects stay in the emulator, no state records them any more.
    await project.run(["stack", "rm", "--force", "--yes"]);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
  });

  it("imports the function and the trigger by id into a fresh stack", async () => {
    await project.initStack(emulator.url);
    for (const [type, name, id] of [
      ["cloudfn:functiongraph:Function", "fn", ids.functionUrn],
      ["cloudfn:functiongraph:Trigger", "timer", ids.triggerId],
    ]) {
      await project.run(["import", type, name, id, "--yes", "--generate-code=false"]);
    }
    const state = JSON.parse(await project.exportStack());
    const fn = state.deployment.resources.find((r: any) => r.type === "cloudfn:functiongraph:Function");
    expect(fn.inputs).toMatchObject({ name: "imported-fn", memorySize: 256, environment: { GREETING: "hello" } });
  });

  it("the program's first preview after the import is clean", async () => {
    const res = await project.run(["preview", "--expect-no-changes", "--diff"], { allowFailure: true });
    expect(`${res.code}\n${res.stdout}\n${res.stderr}`).toMatch(/^0\n/);
  });

  it("an up then manages them: destroy deletes the imported function", async () => {
    await project.up();
    await project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(emulator.url, "GET", functionPath(ids.functionUrn, "/config"))).status).toBe(404);
  });
});
