/**
 * The native plugin's Invoke helpers against the in-process emulator, with the configuration
 * a provider instance gets: each helper in schema.json's `functions` answers with what the
 * platform recorded (one async invocation, one workflow execution, one MinApp job), and the
 * answer holds no `undefined` (a protobuf Struct cannot carry it).
 */
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { FunctionGraphClient } from "../../provider/functiongraph/client";
import { clearStackConfig, resolveSettings, setStackConfig } from "../../provider/functiongraph/config";
import { workflowApi } from "../../provider/functiongraph/workflow/api";
import { toWire } from "../../provider/functiongraph/workflow/flow";
import { executionApi } from "../../provider/functiongraph/workflow-execution/api";
import { MinAppClient } from "../../provider/minapp/client";
import { resolveSettings as minappSettings } from "../../provider/minapp/config";
import { configSource } from "../../provider/native/config";
import { FUNCTIONS, invoke } from "../../provider/native/functions";
import { toStruct } from "../../provider/native/values";
import { FUNCTION_SCHEMAS } from "../../scripts/generate/functions";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(60_000);
let emu: RunningEmulator;
let config: ReturnType<typeof configSource>;
const fg = () => new FunctionGraphClient(resolveSettings(), { baseDelayMs: 1 });

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  config = configSource({ emulator: emu.url });
  setStackConfig(config);
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});

it("serves exactly the helpers schema.json declares", () => {
  expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(FUNCTION_SCHEMAS).sort());
});

it("listAsyncInvocations and listWorkflowExecutions answer with the platform's records", async () => {
  const fn = await fg().createFunction(inlineFunction("worker", "exports.handler = async () => 'done';", 3) as never);
  const asyncCall = await fg().asyncInvokeFunction(fn.func_urn, {});
  const listed = await invoke("cloudfn:functiongraph:listAsyncInvocations", { functionUrn: fn.func_urn }, config);
  expect(listed.invocations).toEqual([expect.objectContaining({ requestId: asyncCall.request_id })]);
  expect(() => toStruct(listed)).not.toThrow();

  const flow = await workflowApi.create(
    fg(),
    toWire({
      name: "one_step",
      mode: "NORMAL",
      start: "a",
      functions: [{ name: "fn", functionUrn: fn.func_urn }],
      states: [
        { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
        { id: "b", type: "End" },
      ],
    } as never),
  );
  const started = await executionApi.start(fg(), flow.id, {});
  const runs = await invoke("cloudfn:functiongraph:listWorkflowExecutions", { workflowId: flow.id }, config);
  expect(runs.executions).toEqual([expect.objectContaining({ executionId: started.execution_id })]);
  expect(() => toStruct(runs)).not.toThrow();
});

it("minapp listJobRecords answers with the function's jobs", async () => {
  const mini = new MinAppClient(minappSettings(process.env, config));
  await mini.createFunction({ name: "tick", function_code: "exports.main = async () => 'ok';\n" });
  await mini.runJob("tick", {}, true);
  const jobs = await invoke("cloudfn:minapp:listJobRecords", { functionName: "tick" }, config);
  expect(jobs.records).toEqual([expect.objectContaining({ id: expect.any(Number), status: expect.any(String) })]);
  expect(() => toStruct(jobs)).not.toThrow();
  await expect(invoke("cloudfn:minapp:listJobRecords", {}, config)).rejects.toThrow("functionName is required");
});
