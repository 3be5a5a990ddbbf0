/**
 * Every helper function of the provider from a YAML program (`fn::invoke`) on the native plugin,
 * with the real CLI and `pulumi-language-yaml`: functions, a workflow and a MinApp function made
 * and run out of band, then the program exports `getFunctionReport` (by invocation count and by
 * failure count), `listAsyncInvocations`, `listWorkflowExecutions` and MinApp `listJobRecords`,
 * and the stack outputs hold what the emulator recorded.
 */
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { e2eStack } from "../helpers/e2e-stack";
import { useNativePlugin } from "../helpers/native-plugin";
import { fgRequest, invoke } from "../helpers/fg-http";
import { FUNCTIONS, functionPath as minappFunction, minappCall } from "../helpers/minapp-http";
import { toWire } from "../../provider/functiongraph/workflow/flow";

jest.setTimeout(10 * 60 * 1000);
const PROGRAM = path.resolve(__dirname, "programs/native-invoke");
const fgs = (p: string) => `/v2/${EMULATOR_DEFAULTS.functiongraph.projectId}/fgs${p}`;

async function createFunction(url: string, name: string, code: string): Promise<string> {
  const res = await fgRequest(url, "POST", fgs("/functions"), {
    func_name: name,
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 3,
    code_type: "inline",
    func_code: { file: Buffer.from(code).toString("base64") },
  });
  if (res.status !== 200) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.func_urn;
}

/** A signed call that must succeed; its parsed body. */
async function ok(url: string, method: string, p: string, body: unknown): Promise<any> {
  const res = await fgRequest(url, method, fgs(p), body);
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A one-step workflow over `urn`, run once; its id and the execution's id. */
async function runWorkflow(url: string, urn: string): Promise<{ workflowId: string; executionId: string }> {
  const flow = await ok(
    url,
    "POST",
    "/workflows",
    toWire({
      name: "one_step",
      mode: "NORMAL",
      start: "a",
      functions: [{ name: "fn", functionUrn: urn }],
      states: [
        { id: "a", type: "Operation", transition: "b", actions: [{ functionRef: { refName: "fn" } }] },
        { id: "b", type: "End" },
      ],
    } as never),
  );
  const run = await ok(url, "POST", `/workflows/${flow.id}/executions`, { input: {} });
  return { workflowId: flow.id, executionId: run.execution_id };
}

describe("fn::invoke of the provider's helpers from YAML", () => {
  const urns: Record<string, string> = {};
  let asyncRequestId: string;
  let flow: { workflowId: string; executionId: string };
  const stack = e2eStack(PROGRAM, {
    before: async () => {
      urns.hot = await createFunction(stack.emulator.url, "hot", "exports.handler = async () => 'ok';");
      urns.broken = await createFunction(
        stack.emulator.url,
        "broken",
        "exports.handler = async () => { throw new Error('no'); };",
      );
      for (let i = 0; i < 3; i++) await invoke(stack.emulator.url, urns.hot, {});
      await invoke(stack.emulator.url, urns.broken, {});
      urns.worker = await createFunction(stack.emulator.url, "worker", "exports.handler = async () => 'done';");
      asyncRequestId = (await ok(stack.emulator.url, "POST", `/functions/${urns.worker}/invocations-async`, {}))
        .request_id;
      flow = await runWorkflow(stack.emulator.url, urns.worker);
      const mini = await minappCall(stack.emulator.url, "POST", FUNCTIONS, {
        name: "tick",
        function_code: "exports.main = async () => 1;",
      });
      expect(mini.status).toBe(201);
      expect(
        (await minappCall(stack.emulator.url, "POST", minappFunction("tick", "job/"), { data: {}, sync: true })).status,
      ).toBeLessThan(300);
    },
    wrap: useNativePlugin,
    config: () => ({
      "cloudfn:emulator": stack.emulator.url,
      workerUrn: urns.worker,
      workflowId: flow.workflowId,
    }),
  });

  it("up exports the reports the emulator computes from the invocations", async () => {
    await stack.project.up();
    const out = await stack.project.outputs();
    // The worker below ran too (async and in the workflow), so only the top entry is fixed.
    expect(out.busiest.count).toBe(2);
    expect(out.busiest.values[0]).toEqual({ functionUrn: urns.hot, value: 3 });
    expect(out.failing).toEqual({ count: 1, values: [{ functionUrn: urns.broken, value: 1 }] });
    expect(out.asyncRuns).toEqual([expect.objectContaining({ requestId: asyncRequestId })]);
    expect(out.flowRuns).toEqual([
      expect.objectContaining({ executionId: flow.executionId, workflowId: flow.workflowId }),
    ]);
    expect(out.jobs).toEqual([expect.objectContaining({ id: expect.any(Number), service_type: "time_sensitive" })]);
  });
});
