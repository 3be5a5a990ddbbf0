/**
 * Invocation records: every sync and async invoke is kept (newest last), so the async-invocation
 * record API (ListAsyncInvocations), the metrics report (ListFunctionAsMetric) and the control
 * endpoint /_emulator/functiongraph/invocations can answer from them.
 */
import { PLATFORM, type FgEnv } from "../env";

/** Async states as ListAsyncInvocations reports them (SDK enum). */
export type AsyncStatus = "WAIT" | "RUNNING" | "SUCCESS" | "FAIL" | "DISCARD";

/** One notification sent to an on_success / on_failure destination. */
export interface DestinationDelivery {
  on: "on_success" | "on_failure";
  destination: string;
  /** The destination's param, parsed. */
  param: Record<string, unknown>;
  /** What the platform sends the destination (see runtime/async-invoke.ts). */
  payload: unknown;
  delivered_at: string;
  /** FunctionGraph destinations: the request id of the destination function's invocation. */
  destination_request_id?: string;
  /** Why the delivery could not be made (e.g. the destination function does not exist). */
  error?: string;
}

export interface InvocationRecord {
  request_id: string;
  func_urn: string;
  started_at: string;
  duration_ms: number;
  /** "rejected": refused at the instance limit (429 FSS.0429), never ran; reports count it as reject_count. */
  outcome: "success" | "error" | "timeout" | "pending" | "discarded" | "rejected";
  /** JSON string returned to the caller (success or function error). */
  result: string;
  /** Last 4 KB of the captured log. */
  log: string;
  /** Sync records: absent for the sync invoke API, the trigger type (e.g. "TIMER") for a trigger. Async: who asked ("api", "destination", a trigger id...). */
  source?: string;
  /** The trigger that fired, when `source` is a trigger type. */
  trigger_id?: string;
  /** Absent on records written before async invoke existed: those are sync. */
  kind?: "sync" | "async";
  /** Async only: the platform's status of the request. */
  status?: AsyncStatus;
  /** Async only: executions so far (1 + retries). */
  attempts?: number;
  ended_at?: string;
  error_code?: number;
  error_message?: string;
  deliveries?: DestinationDelivery[];
}

/** Bound on stored invocations per project, so a long benchmark cannot grow state forever. */
export const MAX_INVOCATIONS = 1000;

export function invocationsOf(env: FgEnv, projectId: string): InvocationRecord[] {
  return env.store.bucket<InvocationRecord[]>(PLATFORM, projectId, "invocations", () => []);
}

export function recordInvocation(env: FgEnv, projectId: string, record: InvocationRecord): void {
  const list = invocationsOf(env, projectId);
  list.push(record);
  if (list.length > MAX_INVOCATIONS) list.splice(0, list.length - MAX_INVOCATIONS);
  env.store.commit();
}

/** Changes a stored record in place (async progress); a record already evicted is ignored. */
export function updateInvocation(
  env: FgEnv,
  projectId: string,
  requestId: string,
  change: Partial<InvocationRecord>,
): InvocationRecord | undefined {
  const record = invocationsOf(env, projectId).find((r) => r.request_id === requestId);
  if (!record) return undefined;
  Object.assign(record, change);
  env.store.commit();
  return record;
}

/** The last `bytes` bytes of a log (UTF-8), as X-Cff-Log-Type: tail returns them. */
export function tail(log: string, bytes: number): string {
  const buf = Buffer.from(log, "utf8");
  return buf.length <= bytes ? log : buf.subarray(buf.length - bytes).toString("utf8");
}
