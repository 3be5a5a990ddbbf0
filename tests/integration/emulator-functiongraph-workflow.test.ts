/**
 * Workflows against the in-process emulator: the official SDK (create, list, show, update, batch
 * delete), limit/offset paging, definition checks, a synchronous EXPRESS execution that really
 * invokes a function, and the Workflow provider's CRUD, drift and lost-create paths.
 */
import {
  BatchDeleteWorkflowsRequest,
  CreateWorkflowRequest,
  FunctionGraphClient,
  ListWorkflowRequest,
  ShowWorkFlowRequest,
  UpdateWorkFlowRequest,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { fgCall } from "../../emulator/testing/fg-client";
import { clearStackConfig } from "../../provider/functiongraph/config";
import { provider } from "../../provider/functiongraph/workflow";
import { WorkflowInputs, WorkflowOutputs } from "../../provider/functiongraph/workflow/schema";
import { officialFgClient, useFgStackConfig } from "../helpers/fg-emulator";
import { clearRequestLog, operationLines } from "../helpers/fg-http";

let emu: RunningEmulator;
let sdk: FunctionGraphClient;
const wire = (o: object) => o as unknown as Record<string, any>;
const call = (method: string, path: string, body?: unknown) =>
  fgCall(emu.url, emu.credentials, { method, path: `/v2/${emu.credentials.projectId}/fgs${path}`, body });
const ops = () => operationLines(emu.url);
const clearLog = () => clearRequestLog(emu.url);
const fg = EMULATOR_DEFAULTS.functiongraph;
const fnUrn = (name: string) => `urn:fss:${fg.region}:${fg.projectId}:function:default:${name}:latest`;

function definition(name: string, over: Record<string, unknown> = {}) {
  return {
    name,
    start: "step1",
    mode: "EXPRESS",
    constants: { greeting: "hi" },
    retries: [],
    functions: [{ name: "fn1", operation: fnUrn("greeter") }],
    states: [
      {
        id: "step1",
        name: "step1",
        type: "Operation",
        end: false,
        transition: "done",
        action_mode: "sequential",
        actions: [
          {
            function_ref: {
              ref_name: "fn1",
              invoke_mode: "synchronize",
              arguments: { who: "$.user.name", word: "$CONST.greeting" },
            },
          },
        ],
      },
      { id: "done", name: "done", type: "End", end: true, transition: "", actions: [] },
    ],
    ...over,
  };
}

beforeAll(async () => {
  emu = await startEmulator();
  sdk = officialFgClient(emu);
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
});

describe("workflows through the official SDK", () => {
  it("creates (201), lists, shows, updates and batch-deletes", async () => {
    const created = await sdk.createWorkflow(new CreateWorkflowRequest().withBody(definition("order_flow") as any));
    const c = wire(created);
    expect([created.httpStatusCode, c.workflow_urn, c.name]).toEqual([
      201,
      `urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:workflow:default:order_flow:latest`,
      "order_flow",
    ]);
    const listed = wire(await sdk.listWorkflow(new ListWorkflowRequest().withWorkflowName("order")));
    expect([listed.total, listed.size, listed.workflows.map((w: any) => w.id)]).toEqual([1, 1, [c.id]]);
    const shown = wire(await sdk.showWorkFlow(new ShowWorkFlowRequest().withWorkflowId(c.id)));
    expect([shown.workflow_urn, shown.definition.start, shown.definition.states.length]).toEqual([
      c.workflow_urn,
      "step1",
      2,
    ]);
    const updated = await sdk.updateWorkFlow(
      new UpdateWorkFlowRequest().withWorkflowId(c.id).withBody(definition("order_flow", { description: "v2" }) as any),
    );
    expect([updated.httpStatusCode, wire(updated).description]).toEqual([200, "v2"]);
    const del = wire(
      await sdk.batchDeleteWorkflows(
        new BatchDeleteWorkflowsRequest().withBody({
          workflow_urns: [c.workflow_urn, "urn:fss:x:y:workflow:default:nope:latest"],
        } as any),
      ),
    );
    expect(del.success).toEqual([c.workflow_urn]);
    expect(del.fail).toEqual([
      { workflow_urn: "urn:fss:x:y:workflow:default:nope:latest", error_detail: expect.stringContaining("not found") },
    ]);
    await expect(sdk.showWorkFlow(new ShowWorkFlowRequest().withWorkflowId(c.id))).rejects.toMatchObject({
      httpStatusCode: 404,
    });
  });
});

describe("the emulator's workflow rules", () => {
  it("pages with limit/offset (limit capped at 200, offset below 0 read as 0) and filters by name", async () => {
    for (let i = 0; i < 5; i++) await call("POST", "/workflows", definition(`flow_${i}`));
    await call("POST", "/workflows", definition("other"));
    const page = (await call("GET", "/workflows?workflow_name=flow_&limit=2&offset=3")).body;
    expect([page.total, page.size, page.workflows.map((w: any) => w.name)]).toEqual([5, 2, ["flow_3", "flow_4"]]);
    const clamped = (await call("GET", "/workflows?limit=500&offset=-4")).body;
    expect([clamped.total, clamped.size]).toEqual([6, 6]);
    expect((await call("GET", "/workflows?limit=0")).status).toBe(400);
  });

  it.each([
    [{ start: "nowhere" }, "start"],
    [
      { states: [{ ...definition("x").states[0], transition: "missing" }, definition("x").states[1]] },
      "states[0].transition",
    ],
    [{ functions: [] }, "function_ref.ref_name"],
    [{ mode: "FAST" }, "mode"],
    [{ name: "has space" }, "name"],
  ])("refuses %j with 400 naming %s, with request_id in the body", async (over, field) => {
    const res = await call("POST", "/workflows", definition("bad", over));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error_code: "FSS.0400", request_id: expect.any(String) });
    expect(res.body.error_msg).toContain(field);
  });

  it("runs an EXPRESS workflow synchronously, invoking its function with resolved arguments", async () => {
    const src = Buffer.from("exports.handler = async (e) => ({ text: `${e.word}, ${e.who}` });").toString("base64");
    await call("POST", "/functions", {
      func_name: "greeter",
      package: "default",
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 128,
      timeout: 10,
      code_type: "inline",
      func_code: { file: src },
    });
    const flow = (await call("POST", "/workflows", definition("greet"))).body;
    const run = await call("POST", `/workflows/${flow.id}/sync-executions`, { input: { user: { name: "Ada" } } });
    expect([run.status, run.body.status, run.body.output]).toEqual([200, "success", { text: "hi, Ada" }]);
    const normal = (await call("POST", "/workflows", definition("slow", { mode: "NORMAL" }))).body;
    expect((await call("POST", `/workflows/${normal.id}/sync-executions`, { input: {} })).status).toBe(400);
  });
});

describe("Workflow provider against the emulator", () => {
  const configure = () => {
    useFgStackConfig(emu);
  };
  const program = (over: Partial<WorkflowInputs> = {}) =>
    ({
      name: "pflow",
      start: "a",
      functions: [{ name: "fn1", functionUrn: fnUrn("greeter") }],
      states: [
        {
          id: "a",
          type: "Operation",
          transition: "b",
          actions: [{ functionRef: { refName: "fn1", arguments: { x: "$.x", y: 1 } } }],
        },
        { id: "b", type: "End" },
      ],
      ...over,
    }) as WorkflowInputs;
  const checked = async (inputs: WorkflowInputs) => {
    const res = await provider.check!({} as WorkflowInputs, inputs);
    expect(res.failures).toBeUndefined();
    return res.inputs!;
  };

  it("create → read (clean) → reordered program (no diff) → in-place update → out-of-band edit seen by read → delete", async () => {
    configure();
    await clearLog();
    const inputs = await checked(program());
    const created = await provider.create(inputs);
    const { id } = created;
    const outs = created.outs!;
    expect(id).toBe(`urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:workflow:default:pflow:latest`);
    const read = await provider.read!(id, outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    expect(read.inputs).toEqual(inputs);

    const reordered = await checked(
      program({
        states: [
          { type: "End", id: "b" },
          {
            actions: [{ functionRef: { arguments: { y: 1, x: "$.x" }, refName: "fn1" } }],
            transition: "b",
            type: "Operation",
            id: "a",
          },
        ],
      }),
    );
    expect(await provider.diff!(id, read.props!, reordered)).toEqual({ changes: false, replaces: [] });

    const edited = await checked(program({ constants: { k: "v" } }));
    expect(await provider.diff!(id, read.props!, edited)).toEqual({ changes: true, replaces: [] });
    expect(await provider.diff!(id, read.props!, await checked(program({ mode: "EXPRESS" })))).toMatchObject({
      replaces: ["mode"],
    });
    const { outs: after } = await provider.update!(id, read.props!, edited);

    const live = (await call("GET", `/workflows/${outs.workflowId}`)).body.definition;
    await call("PUT", `/workflows/${outs.workflowId}`, { ...live, start: "b" });
    const drifted = await provider.read!(id, after);
    expect((drifted.props as WorkflowOutputs).start).toBe("b");
    expect(await provider.diff!(id, drifted.props!, edited)).toEqual({ changes: true, replaces: [] });

    await provider.delete!(id, after as WorkflowOutputs);
    expect(await provider.read!(id, after as WorkflowOutputs)).toEqual({});
    await provider.delete!(id, after as WorkflowOutputs);
    expect(await ops()).toEqual([
      "CreateWorkflow 201",
      "ShowWorkFlow 200",
      "UpdateWorkFlow 200",
      "ShowWorkFlow 200",
      "UpdateWorkFlow 200",
      "ShowWorkFlow 200",
      "BatchDeleteWorkflows 200",
      "ShowWorkFlow 404",
      "BatchDeleteWorkflows 200",
    ]);
  });

  it("reconciles its own workflow after a lost create response and refuses a different one of the same name", async () => {
    configure();
    await fetch(`${emu.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "CreateWorkflow", dropAfter: true, times: 1 }),
    });
    const outs = (await provider.create(await checked(program()))).outs!;
    expect((await call("GET", "/workflows")).body.total).toBe(1);
    expect(outs.workflowId).toBe((await call("GET", "/workflows")).body.workflows[0].id);
    await expect(provider.create(await checked(program({ start: "b" })))).rejects.toThrow(
      /already exists with a different definition/,
    );
  });

  it("import (no stored id) finds the workflow by the name in its URN", async () => {
    configure();
    const created = await provider.create(await checked(program()));
    const { id } = created;
    const outs = created.outs!;
    const imported = await provider.read!(id);
    expect((imported.props as WorkflowOutputs).workflowId).toBe(outs.workflowId);
  });
});
