/**
 * The real Pulumi CLI on a program with a DependencyVersion, a Function using it and an EXPRESS
 * Workflow calling the Function, against an in-process emulator. One story told in order.
 */
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { clearRequestLog, fgRequest, invoke, requestLog } from "../helpers/fg-http";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/dependency-workflow");
const fgs = `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs`;
const fgOps = async () =>
  (await requestLog(emulatorUrl()))
    .filter((r) => r.platform === "functiongraph")
    .map((r) => `${r.operation} ${r.status}`);
const stack = e2eStack(PROGRAM);
const emulatorUrl = () => stack.emulator.url;
const runFlow = async (id: string, input: unknown) =>
  (await fgRequest(stack.emulator.url, "POST", `${fgs}/workflows/${id}/sync-executions`, { input })).body;

describe("DependencyVersion + Function + Workflow with the real engine", () => {
  let first: Record<string, any>;

  it("up creates all three; the function loads the dependency; the workflow runs it; preview is clean", async () => {
    await stack.project.up();
    first = await stack.project.outputs();
    expect(JSON.parse((await invoke(stack.emulator.url, first.funcUrn, { who: "Ada" })).body.result)).toEqual({
      text: ">Ada",
    });
    expect(await runFlow(first.workflowId, { name: "Bob" })).toMatchObject({
      status: "success",
      output: { text: ">Bob" },
    });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a changed dependency archive makes a new version, updates the function in place, then deletes the old version", async () => {
    await stack.project.setConfig({ prefix: "#" });
    await clearRequestLog(stack.emulator.url);
    await stack.project.up();
    const now = await stack.project.outputs();
    const ops = await fgOps();
    const at = (op: string) => ops.indexOf(op);
    expect(ops.filter((o) => /Create|Delete|Update/.test(o))).toEqual([
      "CreateDependencyVersion 200",
      "UpdateFunctionCode 200",
      "DeleteDependencyVersion 204",
    ]);
    expect(at("CreateDependencyVersion 200")).toBeLessThan(at("UpdateFunctionCode 200"));
    expect([now.versionId !== first.versionId, now.dependencyId, now.funcUrn, now.workflowId]).toEqual([
      true,
      first.dependencyId,
      first.funcUrn,
      first.workflowId,
    ]);
    expect(
      (await fgRequest(stack.emulator.url, "GET", `${fgs}/dependencies/${first.dependencyId}/version/1`)).status,
    ).toBe(404);
    expect(JSON.parse((await invoke(stack.emulator.url, now.funcUrn, { who: "Ada" })).body.result)).toEqual({
      text: "#Ada",
    });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("an out-of-band edit of the workflow is caught by refresh and reverted by up", async () => {
    const live = (await fgRequest(stack.emulator.url, "GET", `${fgs}/workflows/${first.workflowId}`)).body.definition;
    const edited = { ...live, constants: { injected: "yes" } };
    expect((await fgRequest(stack.emulator.url, "PUT", `${fgs}/workflows/${first.workflowId}`, edited)).status).toBe(
      200,
    );
    const refresh = await stack.project.run(["refresh", "--yes", "--skip-preview", "--diff"]);
    expect(refresh.stdout).toMatch(/injected/);
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).not.toBe(0);
    await stack.project.up();
    expect(
      (await fgRequest(stack.emulator.url, "GET", `${fgs}/workflows/${first.workflowId}`)).body.definition.constants,
    ).toEqual({});
  });

  it("the same definition written in another key and state order shows no changes", async () => {
    await stack.project.setConfig({ reorder: "true" });
    expect((await stack.project.run(["preview", "--expect-no-changes"], { allowFailure: true })).code).toBe(0);
  });

  it("a dangling transition fails at preview naming the property, with zero API calls", async () => {
    await stack.project.setConfig({ reorder: "false", dangling: "true" });
    await clearRequestLog(stack.emulator.url);
    const res = await stack.project.run(["preview"], { allowFailure: true });
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/states\[\d\] \(call\)\.transition: state "nowhere" does not exist/);
    expect(await fgOps()).toEqual([]);
    await stack.project.run(["config", "rm", "dangling"]);
  });

  it("destroy leaves no workflow, function or dependency behind", async () => {
    await stack.project.run(["destroy", "--yes", "--skip-preview"]);
    expect((await fgRequest(stack.emulator.url, "GET", `${fgs}/workflows`)).body.total).toBe(0);
    expect((await fgRequest(stack.emulator.url, "GET", `${fgs}/functions`)).body.functions).toEqual([]);
    expect((await fgRequest(stack.emulator.url, "GET", `${fgs}/dependencies`)).body.dependencies).toEqual([]);
  });
});
