/**
 * The real Pulumi CLI on a program with a Function, a NORMAL Workflow calling it and a
 * WorkflowExecution running the workflow at deploy time, against an in-process emulator: the
 * execution completes and its output is a stack output; preview after up is clean; a failing
 * state fails `up` with that state's error; destroy leaves nothing behind.
 */
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { fgRequest } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/workflow-execution");
const fgs = `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs`;

describe("WorkflowExecution with the real engine", () => {
  let first: Record<string, any>;
  const stack = e2eStack(PROGRAM);

  it("up runs the NORMAL workflow to completion and exports its output; preview is clean", async () => {
    await stack.project.up();
    first = await stack.project.outputs();
    expect([first.status, first.output]).toEqual(["success", { doubled: 42 }]);
    const shown = await fgRequest(
      stack.emulator.url,
      "GET",
      `${fgs}/workflows/${first.workflowId}/executions/${first.executionId}`,
    );
    expect([shown.body.status, shown.body.input]).toEqual(["success", { n: 21, fail: false }]);
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a new input starts a new execution", async () => {
    await stack.project.setConfig({ n: "5" });
    await stack.project.up();
    const now = await stack.project.outputs();
    expect([now.output, now.executionId !== first.executionId]).toEqual([{ doubled: 10 }, true]);
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a failing state fails up with that state's error", async () => {
    await stack.project.setConfig({ fail: "true" });
    const res = await stack.project.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/ended fail at state double: Refused: refused 5/);
    await stack.project.run(["config", "rm", "fail"]);
  });

  it("destroy leaves no workflow or function behind", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", `${fgs}/workflows`)).body.total).toBe(0);
    expect((await fgRequest(stack.emulator.url, "GET", `${fgs}/functions`)).body.functions).toEqual([]);
  });
});
