/**
 * F8 sync invoke (InvokeFunction, docs/reference/functiongraph-api.md §3.11). Node.js functions really run (runtime/executor.ts).
 *
 * Outcome mapping (the digest documents only the success shape; the rest is our choice):
 * - success: 200 `{request_id, result, log, status: 200}`, X-Func-Err-Code "0".
 * - the handler threw / rejected / called back with an error: still HTTP 200 — the invocation
 *   itself worked — with `result` = JSON `{errorMessage, errorType, stackTrace}`, body status
 *   500, X-Is-Func-Err "true" and X-Func-Err-Code "500", so clients that read only the body and
 *   clients that read only headers can both tell.
 * - timeout: the child is killed and the platform's generic timeout error 408 FSS.0408 is sent.
 */
import { header, json, parseJsonBody, type Reply, type RequestContext } from "../../core/http";
import { rfc3339, type FgEnv } from "../env";
import { fgErrors, type FgError } from "../errors";
import { getFunction, type FunctionRecord } from "../models/function";
import { recordInvocation, tail } from "../models/invocation";
import type { InvokeOutcome } from "../runtime/executor";
import { runFunction } from "../runtime/run-function";
import { takeSlot } from "../runtime/concurrency";
import { latestUrn } from "../urn";
import { projectOf, refOf } from "./context";

const LOG_TAIL_BYTES = 4096;
const LOG_HEADER_BYTES = 2000;

/** A slot under the instance limit, or the 429 with the refusal recorded (runtime/concurrency.ts). */
function admit(env: FgEnv, pid: string, fn: FunctionRecord, requestId: string, startedAt: string): () => void {
  try {
    return takeSlot(env, fn);
  } catch (err) {
    if ((err as FgError).status === 429)
      recordInvocation(env, pid, {
        request_id: requestId,
        func_urn: latestUrn(env.creds.region, pid, fn.package, fn.func_name),
        started_at: startedAt,
        kind: "sync",
        duration_ms: 0,
        outcome: "rejected",
        result: "",
        log: "",
      });
    throw err;
  }
}

/**
 * Runs a function once and records a sync invocation: what sync invoke and workflow executions
 * share. Refuses runtimes and code the emulator cannot run.
 */
export async function executeFunction(
  env: FgEnv,
  pid: string,
  fn: FunctionRecord,
  event: unknown,
): Promise<{ requestId: string; outcome: InvokeOutcome }> {
  const requestId = env.ids.uuid();
  const startedAt = rfc3339(env.clock.now());
  const release = admit(env, pid, fn, requestId, startedAt);
  let outcome: InvokeOutcome;
  try {
    outcome = await runFunction(env, pid, fn, event, requestId);
  } finally {
    release();
  }
  const result = outcome.kind === "ok" ? outcome.result : outcome.kind === "error" ? JSON.stringify(outcome.error) : "";
  recordInvocation(env, pid, {
    request_id: requestId,
    func_urn: latestUrn(env.creds.region, pid, fn.package, fn.func_name),
    started_at: startedAt,
    kind: "sync",
    duration_ms: outcome.durationMs,
    outcome: outcome.kind === "ok" ? "success" : outcome.kind,
    result,
    log: tail(outcome.log, LOG_TAIL_BYTES),
  });
  return { requestId, outcome };
}

export async function invokeFunction(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const fn = getFunction(env, pid, refOf(env, ctx));
  let event: unknown;
  try {
    event = parseJsonBody(ctx) ?? {};
  } catch {
    throw fgErrors.invalid("the event is not valid JSON");
  }
  const { requestId, outcome } = await executeFunction(env, pid, fn, event);
  const result = outcome.kind === "ok" ? outcome.result : outcome.kind === "error" ? JSON.stringify(outcome.error) : "";
  if (outcome.kind === "timeout") throw fgErrors.timeout(fn.timeout);
  const wantLog = header(ctx, "x-cff-log-type")?.toLowerCase() === "tail";
  const failed = outcome.kind === "error";
  const headers: Record<string, string> = {
    "X-Cff-Request-Id": requestId,
    "X-Func-Err-Code": failed ? "500" : "0",
    "X-Is-Func-Err": String(failed),
    "X-CFF-Billing-Duration": String(Math.max(1, Math.ceil(outcome.durationMs))),
    "X-Cff-Response-Version": "v1",
  };
  if (wantLog)
    headers["X-Cff-Function-Log"] = Buffer.from(tail(outcome.log, LOG_HEADER_BYTES), "utf8").toString("base64");
  return json(
    200,
    {
      request_id: requestId,
      result,
      log: wantLog ? tail(outcome.log, LOG_TAIL_BYTES) : "",
      status: failed ? 500 : 200,
    },
    headers,
  );
}
