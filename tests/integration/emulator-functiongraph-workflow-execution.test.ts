/**
 * Workflow executions against the in-process emulator (docs/reference/functiongraph-api.md §6.7):
 * W6 answers at once and the execution keeps running after the request, visible to W8/W9 while
 * it runs; W8 filters by status and time window and pages; W9 shows per-state history; the
 * definition's retries and on_errors apply; a failing state fails the execution; W7 runs are
 * recorded the same way; executions survive a restart with a state file.
 */
import { readFileSync, writeFileSync } from "fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { fgCall } from "../../emulator/testing/fg-client";
import { tempDir } from "../helpers/temp-dirs";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(60_000);

const fg = EMULATOR_DEFAULTS.functiongraph;
const fnUrn = (name: string) => `urn:fss:${fg.region}:${fg.projectId}:function:default:${name}:latest`;

/**
 * The functions: `step` adds one to `n`; `probe` calls the test's HTTP server (to block, or to
 * count attempts) and fails while the server says so; `boom` always fails.
 */
const SOURCES: Record<string, string> = {
  step: "exports.handler = async (e) => ({ n: (e.n ?? 0) + 1, note: e.note });",
  probe: `exports.handler = async (e) => {
    const r = await (await fetch(e.url)).json();
    if (r.fail) { const err = new Error("attempt " + r.count + " refused"); err.name = "Flaky"; throw err; }
    return { count: r.count, n: e.n };
  };`,
  boom: `exports.handler = async (e) => { const err = new Error("bad order " + e.id); err.name = "BadOrder"; throw err; };`,
};

/** The test's side of `probe`: counts calls, fails the first `failFirst`, holds `/gate` until released. */
class ProbeServer {
  count = 0;
  failFirst = 0;
  private server!: Server;
  private held: ServerResponse[] = [];
  private onHeld: (() => void)[] = [];
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.count++;
    if (req.url === "/gate") {
      this.held.push(res);
      this.onHeld.splice(0).forEach((f) => f());
      return;
    }
    res.end(JSON.stringify({ count: this.count, fail: this.count <= this.failFirst }));
  }

  /** Resolves once a function is blocked on `/gate`. */
  whenHeld(): Promise<void> {
    return this.held.length > 0 ? Promise.resolve() : new Promise((resolve) => this.onHeld.push(resolve));
  }

  release(): void {
    for (const res of this.held.splice(0)) res.end(JSON.stringify({ count: this.count, fail: false }));
  }

  close(): Promise<void> {
    this.release();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let emu: RunningEmulator;
const probe = new ProbeServer();
const call = (method: string, p: string, body?: unknown, headers?: Record<string, string>) =>
  fgCall(emu.url, emu.credentials, { method, path: `/v2/${emu.credentials.projectId}/fgs${p}`, body, headers });
const drain = () => fetch(`${emu.url}/_emulator/functiongraph/workflows/drain`, { method: "POST" });

async function createFunctions(): Promise<void> {
  for (const [name, src] of Object.entries(SOURCES)) {
    const res = await call("POST", "/functions", inlineFunction(name, src, 20));
    expect(res.status).toBe(200);
  }
}

type Json = Record<string, any>;
const op = (id: string, fn: string, args: Json, next: string, extra: Json = {}) => ({
  id,
  name: id,
  type: "Operation",
  end: false,
  transition: next,
  action_mode: "sequential",
  actions: [{ function_ref: { ref_name: fn, invoke_mode: "synchronize", arguments: args } }],
  ...extra,
});
const END = { id: "done", name: "done", type: "End", end: true, transition: "", actions: [] };

function flow(name: string, states: Json[], over: Json = {}) {
  return {
    name,
    start: states[0].id,
    mode: "NORMAL",
    constants: { note: "from-constants" },
    retries: [{ name: "again", delay: 0, max_attempts: 3 }],
    functions: Object.keys(SOURCES).map((f) => ({ name: f, operation: fnUrn(f) })),
    states: [...states, END],
    ...over,
  };
}

async function createFlow(name: string, states: Json[], over: Json = {}): Promise<string> {
  const res = await call("POST", "/workflows", flow(name, states, over));
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function start(flowId: string, input: unknown, headers?: Record<string, string>): Promise<string> {
  const res = await call("POST", `/workflows/${flowId}/executions`, { input }, headers);
  expect(res.status).toBe(200);
  return res.body.execution_id as string;
}

const show = async (flowId: string, id: string) => (await call("GET", `/workflows/${flowId}/executions/${id}`)).body;

beforeAll(async () => {
  await probe.start();
  emu = await startEmulator();
});
afterAll(async () => {
  await probe.close();
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
  probe.count = 0;
  probe.failFirst = 0;
  await createFunctions();
});

it("W6 answers at once; the running execution shows in W8 and W9, then completes with its output", async () => {
  const id = await createFlow("gated", [
    op("wait", "probe", { url: `${probe.url}/gate`, n: "$.n" }, "add"),
    op("add", "step", { n: "$.n", note: "$CONST.note" }, "done"),
  ]);
  const executionId = await start(id, { n: 41 });
  await probe.whenHeld();
  const running = await show(id, executionId);
  expect([running.status, running.end_time, running.input]).toEqual(["running", "", { n: 41 }]);
  expect(running.node_execution_details.map((n: Json) => [n.node_id, n.executions.map((e: Json) => e.status)])).toEqual(
    [["wait", ["running"]]],
  );
  const listed = (await call("GET", `/workflows/${id}/executions?status=running`)).body.executions;
  expect(listed.map((e: Json) => [e.execution_id, e.status])).toEqual([[executionId, "running"]]);

  probe.release();
  await drain();
  const done = await show(id, executionId);
  expect([done.status, done.output, done.errors]).toEqual(["success", { n: 42, note: "from-constants" }, []]);
  expect(Date.parse(done.end_time)).toBeGreaterThanOrEqual(Date.parse(done.begin_time));
  const add = done.node_execution_details[1];
  expect([add.node_id, add.executions[0].status, add.executions[0].input, add.executions[0].output]).toEqual([
    "add",
    "success",
    { n: 41, note: "from-constants" },
    { n: 42, note: "from-constants" },
  ]);
  const attempt = add.executions[0];
  expect(attempt.end_time).toBeGreaterThanOrEqual(attempt.begin_time);
  expect(attempt.request_id).toMatch(/^[0-9a-f-]{36}$/);
});

it("retries a failing action per the definition's retry, each attempt in the state's history", async () => {
  probe.failFirst = 2;
  const id = await createFlow("flaky", [
    op("try", "probe", { url: probe.url, n: "$.n" }, "done", { on_errors: [{ error: "Flaky", retry_ref: "again" }] }),
  ]);
  const executionId = await start(id, { n: 1 });
  await drain();
  const done = await show(id, executionId);
  expect([done.status, done.output]).toEqual(["success", { count: 3, n: 1 }]);
  const attempts = done.node_execution_details[0].executions;
  expect(attempts.map((a: Json) => [a.status, a.error_message?.errorMessage])).toEqual([
    ["fail", "attempt 1 refused"],
    ["fail", "attempt 2 refused"],
    ["success", undefined],
  ]);
});

it("gives up after max_attempts and fails with the state's error", async () => {
  probe.failFirst = 10;
  const id = await createFlow("hopeless", [
    op("try", "probe", { url: probe.url }, "done", { on_errors: [{ error: "*", retry_ref: "again" }] }),
  ]);
  const executionId = await start(id, {});
  await drain();
  const done = await show(id, executionId);
  expect([done.status, done.errors.map((e: Json) => [e.node_id, e.error_message])]).toEqual([
    "fail",
    [["try", "attempt 3 refused"]],
  ]);
  expect(done.node_execution_details[0].executions).toHaveLength(3);
});

it("takes the on_errors transition with the error as input", async () => {
  const id = await createFlow("recovering", [
    op("charge", "boom", { id: "$.order" }, "done", { on_errors: [{ error: "BadOrder", transition: "refund" }] }),
    op("refund", "step", { n: 0, note: "$.errorMessage" }, "done"),
  ]);
  const executionId = await start(id, { order: 7 });
  await drain();
  const done = await show(id, executionId);
  expect([done.status, done.output]).toEqual(["success", { n: 1, note: "bad order 7" }]);
  expect(done.node_execution_details.map((n: Json) => [n.node_id, n.executions[0].status])).toEqual([
    ["charge", "fail"],
    ["refund", "success"],
  ]);
  expect(done.node_execution_details[0].executions[0].error_message).toEqual({
    errorType: "BadOrder",
    errorMessage: "bad order 7",
  });
});

it("fails the execution at a state without a handler, leaving later states unrun", async () => {
  const id = await createFlow("failing", [
    op("charge", "boom", { id: "$.order" }, "after"),
    op("after", "step", {}, "done"),
  ]);
  const executionId = await start(id, { order: 9 });
  await drain();
  const done = await show(id, executionId);
  expect([done.status, done.output, done.errors[0].node_id, done.errors[0].error_message]).toEqual([
    "fail",
    null,
    "charge",
    "bad order 9",
  ]);
  expect(done.node_execution_details.map((n: Json) => n.node_id)).toEqual(["charge"]);
});

describe("W8 list", () => {
  it("filters by status and time window, pages newest first, and refuses bad parameters", async () => {
    const ok = await createFlow("ok", [op("add", "step", { n: "$.n" }, "done")]);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      ids.push(await start(ok, { n }));
      await drain();
    }
    const list = async (q: string) =>
      ((await call("GET", `/workflows/${ok}/executions${q}`)).body.executions as Json[]).map((e) => e.execution_id);
    expect(await list("")).toEqual([...ids].reverse());
    expect(await list("?limit=1&offset=1")).toEqual([ids[1]]);
    expect(await list("?offset=-3&limit=2")).toEqual([ids[2], ids[1]]);
    expect(await list("?status=fail")).toEqual([]);
    expect(await list("?status=success")).toHaveLength(3);
    const future = new Date(Date.now() + 86_400_000).toISOString().replace("T", " ").slice(0, 19);
    expect(await list(`?start_time=${encodeURIComponent(future)}`)).toEqual([]);
    const past = new Date(Date.now() - 60_000).toISOString().replace("T", " ").slice(0, 19);
    expect(await list(`?start_time=${encodeURIComponent(past)}`)).toHaveLength(3);

    const item = (await call("GET", `/workflows/${ok}/executions?limit=1`)).body.executions[0];
    expect(Object.keys(item).sort()).toEqual(
      [
        "begin_time",
        "created_by",
        "end_time",
        "execution_id",
        "last_update_time",
        "status",
        "workflow_id",
        "workflow_urn",
      ].sort(),
    );
    expect((await call("GET", `/workflows/${ok}/executions?status=done`)).status).toBe(400);
    expect((await call("GET", `/workflows/${ok}/executions?limit=0`)).status).toBe(400);
    expect((await call("GET", `/workflows/${ok}/executions?start_time=yesterday`)).status).toBe(400);
    expect((await call("GET", `/workflows/nope/executions`)).status).toBe(404);
    expect((await call("GET", `/workflows/${ok}/executions/nope`)).body.error_code).toBe("FSS.0404");
  });
});

it("uses X-WorkflowRun-ID as the execution id and refuses a duplicate", async () => {
  const id = await createFlow("named", [op("add", "step", { n: 1 }, "done")]);
  expect(await start(id, {}, { "X-WorkflowRun-ID": "run-0001" })).toBe("run-0001");
  await drain();
  const again = await call("POST", `/workflows/${id}/executions`, { input: {} }, { "X-WorkflowRun-ID": "run-0001" });
  expect([again.status, again.body.error_code]).toEqual([409, "FSS.0409"]);
});

it("records W7 (EXPRESS) runs like W6 runs, so W9 shows them", async () => {
  const id = await createFlow("express", [op("add", "step", { n: "$.n" }, "done")], { mode: "EXPRESS" });
  const run = (await call("POST", `/workflows/${id}/sync-executions`, { input: { n: 4 } })).body;
  expect([run.status, run.output]).toEqual(["success", { n: 5 }]);
  const shown = await show(id, run.execution_id);
  expect([shown.status, shown.output, shown.node_execution_details[0].node_id]).toEqual(["success", { n: 5 }, "add"]);
});

it("keeps executions in the state file across a restart; one cut off while running ends as failed", async () => {
  const stateFile = path.join(tempDir("cloudfn-wfx-"), "state.json");
  let own = await startEmulator({ stateFile });
  const ownCall = (method: string, p: string, body?: unknown) =>
    fgCall(own.url, own.credentials, { method, path: `/v2/${own.credentials.projectId}/fgs${p}`, body });
  const src = Buffer.from(SOURCES.step).toString("base64");
  await ownCall("POST", "/functions", {
    func_name: "step",
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout: 20,
    code_type: "inline",
    func_code: { file: src },
  });
  const flowId = (await ownCall("POST", "/workflows", flow("kept", [op("add", "step", { n: 1 }, "done")]))).body.id;
  const executionId = (await ownCall("POST", `/workflows/${flowId}/executions`, { input: {} })).body.execution_id;
  await fetch(`${own.url}/_emulator/functiongraph/workflows/drain`, { method: "POST" });
  await own.close();
  // As if the emulator had died mid-run: a second record still marked running.
  const saved = JSON.parse(readFileSync(stateFile, "utf8"));
  const records = saved.platforms.functiongraph[own.credentials.projectId].workflowExecutions;
  records.cut = { ...records[executionId], execution_id: "cut", status: "running", end_time: undefined };
  writeFileSync(stateFile, JSON.stringify(saved));
  own = await startEmulator({ stateFile });
  try {
    const shown = (await ownCall("GET", `/workflows/${flowId}/executions/${executionId}`)).body;
    expect([shown.status, shown.output]).toEqual(["success", { n: 2 }]);
    const cut = (await ownCall("GET", `/workflows/${flowId}/executions/cut`)).body;
    expect([cut.status, cut.errors[0].error_message]).toEqual([
      "fail",
      "the emulator stopped while this execution was running",
    ]);
  } finally {
    await own.close();
  }
});
