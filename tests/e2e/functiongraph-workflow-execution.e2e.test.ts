/**
 * The real Pulumi CLI on a program with a Function, a NORMAL Workflow calling it and a
 * WorkflowExecution running the workflow at deploy time, against an in-process emulator: the
 * execution completes and its output is a stack output; preview after up is clean; a failing
 * state fails `up` with that state's error; destroy leaves nothing behind.
 */
import * as path from "path";
import { startEmulator, RunningEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { PulumiProject } from "../helpers/pulumi-cli";
import { fgRequest } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/workflow-execution");
const fgs = `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs`;

describe("WorkflowExecution with the real engine", () => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let first: Record<string, any>;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    project = new PulumiProject(PROGRAM);
    await project.initStack(emulator.url);
  });
  afterAll(async () => {
    await project?.dispose();
    await emulator?.close();
  });

  it("up runs the NORMAL workflow to completion and exports its output; preview is clean", async () => {
    await project.up();
    first = await project.outputs();
    expect([first.status, first.output]).toEqual(["success", { doubled: 42 }]);
    const shown = await fgRequest(
      emulator.url,
      "GET",
      `${fgs}/workflows/${first.workflowId}/executions/${first.executionId}`,
    );
    expect([shown.body.status, shown.body.input]).toEqual(["success", { n: 21, fail: false }]);
    expect((await project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a new input starts a new execution", async () => {
    await project.setConfig({ n: "5" });
    await project.up();
    const now = await project.outputs();
    expect([now.output, now.executionId !== first.executionId]).toEqual([{ doubled: 10 }, true]);
    expect((await project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a failing state fails up with that state's error", async () => {
    await project.setConfig({ fail: "true" });
    const res = await project.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/ended fail at state double: Refused: refused 5/);
    await project.run(["config", "rm", "fail"]);
  });

  it("destroy leaves no workflow or function behind", async () => {
    await project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(emulator.url, "GET", `${fgs}/workflows`)).body.total).toBe(0);
    expect((await fgRequest(emulator.url, "GET", `${fgs}/functions`)).body.functions).toEqual([]);
  });
});
