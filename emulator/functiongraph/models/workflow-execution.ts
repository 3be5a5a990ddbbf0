/**
 * The emulator's executor of workflow definitions, shared by W6 (NORMAL, in the background) and
 * W7 (EXPRESS, synchronous). Operation states invoke their functions through the same machinery
 * as sync invoke (each call is also an invocation record); every state visit and every attempt
 * is written to the execution record (models/workflow-execution-record.ts) as it happens, so a
 * running execution shows its progress.
 *
 * Where the platform's semantics are undocumented these choices are the emulator's own:
 * - action arguments: strings `$`, `$.a.b[0]` are JSONPath into the state's input, `$CONST.x`
 *   into the constants; anything else is a literal (objects and arrays are resolved deeply);
 * - a state's output is its action's result, or the array of results when it has several
 *   actions; that output is the next state's input; the workflow's output is the last one;
 * - on a function error the first on_errors entry whose `error` is empty, `*`, the error type
 *   or a substring of the message applies: its retry_ref retries the action up to max_attempts
 *   (waiting `delay` seconds in NORMAL mode), then its transition is taken with the error as
 *   input; without a transition the execution fails with that state's error;
 * - Sleep states wait their `duration` (seconds) in NORMAL mode; EXPRESS runs pass through them
 *   and never wait between retries, so a synchronous request answers promptly.
 */
import { rfc3339, type FgEnv } from "../env";
import { executeFunction } from "../handlers/invoke";
import type { WorkflowBody } from "../schemas";
import { parseFunctionUrn } from "../urn";
import { resolveRun } from "./resolve-version";
import type { ExecutionRecord, NodeAttempt, NodeRecord } from "./workflow-execution-record";

type State = WorkflowBody["states"][number];
type Action = State["actions"][number];

/** Bound on visited states, so a definition that loops forever still ends. */
const MAX_STEPS = 1000;

/** `$.a.b[0]` → the value at that path (undefined when absent). */
export function jsonPath(root: unknown, path: string): unknown {
  const parts = path.replace(/^\$\.?/, "").match(/[^.[\]]+/g) ?? [];
  return parts.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    root,
  );
}

export function resolveArguments(value: unknown, input: unknown, constants: Record<string, unknown>): unknown {
  if (typeof value === "string") {
    if (value.startsWith("$CONST")) return jsonPath(constants, value.replace(/^\$CONST/, "$"));
    if (value === "$" || value.startsWith("$.") || value.startsWith("$[")) return jsonPath(input, value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveArguments(v, input, constants));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveArguments(v, input, constants)]));
  return value;
}

class StepError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** What one run needs besides the definition: where to record, and whether to really wait. */
export interface ExecutionContext {
  env: FgEnv;
  pid: string;
  flow: WorkflowBody;
  record: ExecutionRecord;
  /** NORMAL runs honour Sleep durations and retry delays; EXPRESS runs do not. */
  waits: boolean;
}

/** Waits on the emulator's clock: a ManualClock is advanced (tests never sleep), else real time. */
export async function waitSeconds(env: FgEnv, seconds: number): Promise<void> {
  const ms = Math.max(0, seconds) * 1000;
  const clock = env.clock as { advance?: (ms: number) => void };
  if (typeof clock.advance === "function") clock.advance(ms);
  else if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function touch(x: ExecutionContext): void {
  x.record.last_update_time = rfc3339(x.env.clock.now());
  x.env.store.commit();
}

async function invokeAction(x: ExecutionContext, action: Action, event: unknown, attempt: NodeAttempt) {
  const decl = x.flow.functions.find((f) => f.name === action.function_ref.ref_name);
  const ref = decl && parseFunctionUrn(decl.operation);
  if (!ref) throw new StepError("FunctionNotFound", `function ${action.function_ref.ref_name} has no valid URN`, {});
  let target;
  try {
    // A step naming a version or alias runs that version, as an invocation of its URN would.
    target = resolveRun(x.env, x.pid, ref);
  } catch {
    throw new StepError("FunctionNotFound", `function ${decl.operation} does not exist`, {});
  }
  const { requestId, outcome } = await executeFunction(x.env, x.pid, target.fn, event, target);
  attempt.request_id = requestId;
  if (outcome.kind === "ok") return JSON.parse(outcome.result) as unknown;
  if (outcome.kind === "timeout") throw new StepError("Timeout", `function ${target.fn.func_name} timed out`, {});
  throw new StepError(outcome.error.errorType, outcome.error.errorMessage, outcome.error);
}

/** One attempt of one action, recorded as it starts and as it ends. */
async function attemptAction(x: ExecutionContext, node: NodeRecord, action: Action, input: unknown) {
  const event = resolveArguments(action.function_ref.arguments ?? {}, input, x.flow.constants ?? {});
  const attempt: NodeAttempt = { status: "running", input: event, begin_time: x.env.clock.now().getTime() };
  node.executions.push(attempt);
  touch(x);
  try {
    attempt.output = await invokeAction(x, action, event, attempt);
    attempt.status = "success";
    return attempt.output;
  } catch (e) {
    if (e instanceof StepError) {
      attempt.status = "fail";
      attempt.error_message = { errorType: e.errorType, errorMessage: e.message };
    }
    throw e;
  } finally {
    attempt.end_time = x.env.clock.now().getTime();
    touch(x);
  }
}

function matchingHandler(state: State, err: StepError) {
  return (state.on_errors ?? []).find(
    (h) => !h.error || h.error === "*" || h.error === err.errorType || err.message.includes(h.error),
  );
}

async function runWithRetries(x: ExecutionContext, node: NodeRecord, state: State, action: Action, input: unknown) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptAction(x, node, action, input);
    } catch (e) {
      if (!(e instanceof StepError)) throw e;
      const retry = x.flow.retries.find((r) => r.name === matchingHandler(state, e)?.retry_ref);
      if (!retry || attempt >= (retry.max_attempts ?? 3)) throw e;
      if (x.waits) await waitSeconds(x.env, retry.delay ?? 1);
    }
  }
}

async function sequential<T, R>(items: T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

async function runOperation(x: ExecutionContext, node: NodeRecord, state: State, input: unknown): Promise<unknown> {
  const run = (a: Action) => runWithRetries(x, node, state, a, input);
  const results =
    state.action_mode === "parallel" ? await Promise.all(state.actions.map(run)) : await sequential(state.actions, run);
  return results.length === 1 ? results[0] : results;
}

function visit(x: ExecutionContext, state: State): NodeRecord {
  const node: NodeRecord = { node_id: state.id, node_name: state.name, execution_id: x.env.ids.uuid(), executions: [] };
  x.record.node_execution_details.push(node);
  touch(x);
  return node;
}

function finish(x: ExecutionContext, outcome: Partial<ExecutionRecord> & Pick<ExecutionRecord, "status">): void {
  Object.assign(x.record, outcome, { end_time: rfc3339(x.env.clock.now()) });
  touch(x);
}

function fail(x: ExecutionContext, state: State, err: StepError): void {
  const end = rfc3339(x.env.clock.now());
  const error = { node_id: state.id, error_message: err.message, begin_time: x.record.begin_time, end_time: end };
  finish(x, { status: "fail", errors: [error] });
}

/** Runs the definition from its start state to the end, recording everything in `x.record`. */
export async function runExecution(x: ExecutionContext): Promise<void> {
  let data = x.record.input;
  let current: State | undefined = x.flow.states.find((s) => s.id === x.flow.start);
  for (let step = 0; current && step < MAX_STEPS; step++) {
    const state: State = current;
    if (state.type === "End") break;
    const node = visit(x, state);
    if (state.type === "Sleep" && x.waits) await waitSeconds(x.env, state.duration ?? 0);
    if (state.type === "Operation") {
      try {
        data = await runOperation(x, node, state, data);
      } catch (e) {
        if (!(e instanceof StepError)) throw e;
        const handler = matchingHandler(state, e);
        if (!handler?.transition) {
          fail(x, state, e);
          return;
        }
        data = e.body;
        current = x.flow.states.find((s) => s.id === handler.transition);
        continue;
      }
    }
    current = state.end ? undefined : x.flow.states.find((s) => s.id === state.transition);
  }
  finish(x, { status: "success", output: data });
}
