/** Invocation records: every sync invoke is kept (newest last) so later issues can query them. */
import { PLATFORM, type FgEnv } from "../env";

export interface InvocationRecord {
  request_id: string;
  func_urn: string;
  started_at: string;
  duration_ms: number;
  outcome: "success" | "error" | "timeout";
  /** JSON string returned to the caller (success or function error). */
  result: string;
  /** Last 4 KB of the captured log. */
  log: string;
  /** What caused the run: absent for the sync invoke API, the trigger type (e.g. "TIMER") for a trigger. */
  source?: string;
  /** The trigger that fired, when `source` is a trigger type. */
  trigger_id?: string;
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

/** The last `bytes` bytes of a log (UTF-8), as X-Cff-Log-Type: tail returns them. */
export function tail(log: string, bytes: number): string {
  const buf = Buffer.from(log, "utf8");
  return buf.length <= bytes ? log : buf.subarray(buf.length - bytes).toString("utf8");
}
