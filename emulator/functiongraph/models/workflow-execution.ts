/**
 * A minimal synchronous executor of workflow definitions (W7, StartSyncWorkflowExecution):
 * Operation states invoke their functions through the same machinery as sync invoke, Sleep
 * states are passed through without waiting (tests should not sleep), End states stop.
 *
 * Where the platform's semantics are undocumented these choices are the emulator's own:
 * - action arguments: strings `$`, `$.a.b[0]` are JSONPath into the state's input, `$CONST.x`
 *   into the constants; anything else is a literal (objects and arrays are resolved deeply);
 * - a state's output is its action's result, or the array of results when it has several
 *   actions; that output is the next state's input; the workflow's output is the last one;
 * - on a function error the first on_errors entry whose `error` is empty, `*`, the error type
 *   or a substring of the message applies: its retry_ref retries the action (no delay), then
 *   its transition is taken with the error as input; without a match the execution fails.
 */
import { rfc3339, type FgEnv } from "../env";
import { executeFunction } from "../handlers/invoke";
import type { WorkflowBody } from "../schemas";
import { parseFunctionUrn } from "../urn";
import { resolveRun } from "./resolve-version";

type State = WorkflowBody["states"][number];
type Action = State["actions"][number];

export interface SyncExecutionResult {
  execution_id: string;
  status: "success" | "fail";
  output?: unknown;
  errors?: { node_id: string; error_message: string; begin_time: string; end_time: string }[];
  begin_time: string;
  end_time: string;
}

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

async function runAction(
  env: FgEnv,
  pid: string,
  flow: WorkflowBody,
  action: Action,
  input: unknown,
): Promise<unknown> {
  const decl = flow.functions.find((f) => f.name === action.function_ref.ref_name);
  const ref = decl && parseFunctionUrn(decl.operation);
  if (!ref) throw new StepError("FunctionNotFound", `function ${action.function_ref.ref_name} has no valid URN`, {});
  let target;
  try {
    target = resolveRun(env, pid, ref);
  } catch {
    throw new StepError("FunctionNotFound", `function ${decl.operation} does not exist`, {});
  }
  const fn = target.fn;
  const event = resolveArguments(action.function_ref.arguments ?? {}, input, flow.constants ?? {});
  const { outcome } = await executeFunction(env, pid, fn, event, target);
  if (outcome.kind === "ok") return JSON.parse(outcome.result);
  if (outcome.kind === "timeout") throw new StepError("Timeout", `function ${fn.func_name} timed out`, {});
  throw new StepError(outcome.error.errorType, outcome.error.errorMessage, outcome.error);
}

function matchingHandler(state: State, err: StepError) {
  return (state.on_errors ?? []).find(
    (h) => !h.error || h.error === "*" || h.error === err.errorType || err.message.includes(h.error),
  );
}

async function runWithRetries(
  env: FgEnv,
  pid: string,
  flow: WorkflowBody,
  state: State,
  action: Action,
  input: unknown,
): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runAction(env, pid, flow, action, input);
    } catch (e) {
      if (!(e instanceof StepError)) throw e;
      const retry = flow.retries.find((r) => r.name === matchingHandler(state, e)?.retry_ref);
      if (!retry || attempt >= (retry.max_attempts ?? 3)) throw e;
    }
  }
}

async function runOperation(
  env: FgEnv,
  pid: string,
  flow: WorkflowBody,
  state: State,
  input: unknown,
): Promise<unknown> {
  const run = (a: Action) => runWithRetries(env, pid, flow, state, a, input);
  const results =
    state.action_mode === "parallel" ? await Promise.all(state.actions.map(run)) : await sequential(state.actions, run);
  return results.length === 1 ? results[0] : results;
}

async function sequential<T, R>(items: T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

export async function runSyncExecution(
  env: FgEnv,
  pid: string,
  flow: WorkflowBody,
  input: unknown,
): Promise<SyncExecutionResult> {
  const begin = rfc3339(env.clock.now());
  const base = { execution_id: env.ids.uuid(), begin_time: begin };
  let data = input;
  let current: State | undefined = flow.states.find((s) => s.id === flow.start);
  for (let step = 0; current && step < MAX_STEPS; step++) {
    const state: State = current;
    if (state.type === "End") break;
    if (state.type === "Operation") {
      try {
        data = await runOperation(env, pid, flow, state, data);
      } catch (e) {
        if (!(e instanceof StepError)) throw e;
        const handler = matchingHandler(state, e);
        if (!handler?.transition) {
          const end = rfc3339(env.clock.now());
          return {
            ...base,
            status: "fail",
            errors: [{ node_id: state.id, error_message: e.message, begin_time: begin, end_time: end }],
            end_time: end,
          };
        }
        data = e.body;
        current = flow.states.find((s) => s.id === handler.transition);
        continue;
      }
    }
    current = state.end ? undefined : flow.states.find((s) => s.id === state.transition);
  }
  return { ...base, status: "success", output: data, end_time: rfc3339(env.clock.now()) };
}
