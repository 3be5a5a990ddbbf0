/**
 * The WorkflowExecution provider and the execution/async-invocation helpers against the
 * in-process emulator: a NORMAL workflow run to completion with its output, a clean diff, a
 * replacement after the workflow is updated, a failing state failing `create` with its error, the
 * wait limit, and the helpers' views (per-state history, status filter, limit, async records).
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall } from "../../emulator/testing/fg-client";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { listAsyncInvocations } from "../../provider/functiongraph/async-invocations";
import { provider, tuning } from "../../provider/functiongraph/workflow-execution";
import { getWorkflowExecution, listWorkflowExecutions } from "../../provider/functiongraph/workflow-execution/helpers";
import type { WorkflowExecutionInputs } from "../../provider/functiongraph/workflow-execution/schema";
import { inlineFunction, useFgStackConfig } from "../helpers/fg-emulator";

jest.setTimeout(60_000);

let emu: RunningEmulator;
const call = (method: string, p: string, body?: unknown) =>
  fgCall(emu.url, emu.credentials, { method, path: `/v2/${emu.credentials.projectId}/fgs${p}`, body });
const urnOf = (name: string) =>
  `urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:function:default:${name}:latest`;

async function deploy(name: string, src: string): Promise<void> {
  const res = await call("POST", "/functions", inlineFunction(name, src, 10));
  expect(res.status).toBe(200);
}

/** One Operation state calling `fn` with the execution's input, then End. */
function definition(name: string, fn: string, description = "") {
  return {
    name,
    description,
    start: "work",
    mode: "NORMAL",
    constants: {},
    retries: [],
    functions: [{ name: fn, operation: urnOf(fn) }],
    states: [
      {
        id: "work",
        name: "work",
        type: "Operation",
        end: false,
        transition: "done",
        actions: [{ function_ref: { ref_name: fn, invoke_mode: "synchronize", arguments: { n: "$.n" } } }],
      },
      { id: "done", name: "done", type: "End", end: true, transition: "", actions: [] },
    ],
  };
}

async function workflow(name: string, fn: string): Promise<string> {
  return (await call("POST", "/workflows", definition(name, fn))).body.id as string;
}

const checked = async (inputs: Partial<WorkflowExecutionInputs>) => {
  const res = await provider.check!({} as WorkflowExecutionInputs, inputs as WorkflowExecutionInputs);
  expect(res.failures).toBeUndefined();
  return res.inputs!;
};

beforeAll(async () => {
  emu = await startEmulator();
  useFgStackConfig(emu);
  tuning.client = { baseDelayMs: 1 };
  tuning.pollMs = 50;
  await deploy("triple", "exports.handler = async (e) => ({ tripled: e.n * 3 });");
  await deploy(
    "reject",
    "exports.handler = async (e) => { const x = new Error('no ' + e.n); x.name = 'Nope'; throw x; };",
  );
  await deploy("hang", "exports.handler = () => new Promise((r) => setTimeout(r, 8000));");
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});

describe("WorkflowExecution provider", () => {
  it("runs a NORMAL workflow to completion, diffs clean, and replaces after the workflow is updated", async () => {
    const flowId = await workflow("tripler", "triple");
    const inputs = await checked({ workflowId: flowId, input: { n: 5 } });
    expect(inputs.timeoutSeconds).toBe(300);
    const created = await provider.create(inputs);
    const { id } = created;
    const outs = created.outs!;
    expect([id, outs.status, outs.output, outs.executionId]).toEqual([id, "success", { tripled: 15 }, id]);

    expect(await provider.diff!(id, outs, inputs)).toEqual({ changes: false, replaces: [] });
    expect((await provider.diff!(id, outs, { ...inputs, timeoutSeconds: 60 })).replaces).toEqual([]);
    expect((await provider.diff!(id, outs, { ...inputs, input: { n: 6 } })).replaces).toEqual(["input"]);

    // Workflow times have whole seconds: move the emulator's clock so the update shows.
    await fetch(`${emu.url}/_emulator/clock/advance`, { method: "POST", body: JSON.stringify({ seconds: 5 }) });
    await call("PUT", `/workflows/${flowId}`, definition("tripler", "triple", "edited"));
    expect((await provider.diff!(id, outs, inputs)).replaces).toEqual(["workflowUpdatedTime"]);
  });

  it("fails create with the failing state's error", async () => {
    const flowId = await workflow("rejecter", "reject");
    const inputs = await checked({ workflowId: flowId, input: { n: 4 } });
    await expect(provider.create(inputs)).rejects.toThrow(/ended fail at state work: Nope: no 4/);
  });

  it("fails create when the execution is still running after timeoutSeconds", async () => {
    const flowId = await workflow("hanger", "hang");
    const inputs = await checked({ workflowId: flowId, timeoutSeconds: 1 });
    await expect(provider.create(inputs)).rejects.toThrow(/still running after 1 s/);
    await fetch(`${emu.url}/_emulator/functiongraph/workflows/drain`, { method: "POST" });
  });

  it("refuses bad inputs at check", async () => {
    const res = await provider.check!({} as WorkflowExecutionInputs, { workflowId: "", timeoutSeconds: 0 });
    expect(res.failures?.map((f) => f.reason).join("; ")).toMatch(
      /workflowId must not be empty.*timeoutSeconds must be at least 1|timeoutSeconds must be at least 1.*workflowId must not be empty/,
    );
  });
});

describe("execution helpers", () => {
  it("getWorkflowExecution shows the per-state history and the failing state's error", async () => {
    const flowId = await workflow("helper_fail", "reject");
    const executionId = (await call("POST", `/workflows/${flowId}/executions`, { input: { n: 1 } })).body.execution_id;
    await fetch(`${emu.url}/_emulator/functiongraph/workflows/drain`, { method: "POST" });
    const info = await getWorkflowExecution({ workflowId: flowId, executionId });
    expect([info.status, info.error, info.states.map((s) => [s.stateId, s.attempts.map((a) => a.status)])]).toEqual([
      "fail",
      { stateId: "work", message: "Nope: no 1" },
      [["work", ["fail"]]],
    ]);
    expect(info.states[0].attempts[0]).toMatchObject({ input: { n: 1 }, error: "Nope: no 1" });
  });

  it("listWorkflowExecutions filters by status and honours limit", async () => {
    const flowId = await workflow("helper_list", "triple");
    const started: string[] = [];
    for (const n of [1, 2, 3]) {
      started.push((await call("POST", `/workflows/${flowId}/executions`, { input: { n } })).body.execution_id);
      await fetch(`${emu.url}/_emulator/functiongraph/workflows/drain`, { method: "POST" });
    }
    const all = await listWorkflowExecutions({ workflowId: flowId, status: "success" });
    expect(all.map((e) => e.executionId)).toEqual([...started].reverse());
    expect((await listWorkflowExecutions({ workflowId: flowId, limit: 2 })).length).toBe(2);
    expect(await listWorkflowExecutions({ workflowId: flowId, status: "fail" })).toEqual([]);
    await expect(listWorkflowExecutions({ workflowId: flowId, status: "done" as never })).rejects.toThrow(
      /status must be one of/,
    );
  });

  it("listAsyncInvocations lists a function's async invocations with status and error", async () => {
    const ok = (await call("POST", `/functions/${urnOf("triple")}/invocations-async`, { n: 1 })).body.request_id;
    const bad = (await call("POST", `/functions/${urnOf("reject")}/invocations-async`, { n: 2 })).body.request_id;
    await fetch(`${emu.url}/_emulator/functiongraph/async/drain`, { method: "POST" });
    const failed = await listAsyncInvocations({ functionUrn: urnOf("reject"), status: "FAIL" });
    expect(failed.map((r) => [r.requestId, r.status])).toEqual([[bad, "FAIL"]]);
    expect(failed[0].errorMessage).toContain("no 2");
    const fine = await listAsyncInvocations({ functionUrn: urnOf("triple"), requestId: ok });
    expect(fine.map((r) => [r.requestId, r.status, r.errorMessage])).toEqual([[ok, "SUCCESS", undefined]]);
    expect(await listAsyncInvocations({ functionUrn: urnOf("triple"), status: "FAIL" })).toEqual([]);
  });
});
