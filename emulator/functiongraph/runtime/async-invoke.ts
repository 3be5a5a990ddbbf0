/**
 * Async invocation (F9 and every internal caller: timer triggers, FunctionGraph destinations).
 * `invokeAsync` records the request as WAIT and returns its id at once; the work runs in the
 * background and honours the function's async-invoke config (docs/reference/functiongraph-api.md §7):
 * - the event is dropped (DISCARD) once older than max_async_event_age_in_seconds;
 * - a failed execution is retried up to max_async_retry_attempts times; without a config the
 *   platform does not retry a function error (user guide), so 0 retries;
 * - the outcome is delivered to on_success / on_failure; a FunctionGraph destination really
 *   invokes the destination function (asynchronously, as the platform does).
 * Retry waits use the emulator's clock: a ManualClock is advanced (virtual time, tests never
 * sleep); otherwise the process waits `asyncRetryDelayMs` (default 1000).
 */
import type { FgEnv } from "../env";
import { rfc3339 } from "../env";
import { FgError } from "../errors";
import { findAsyncConfig, type AsyncConfigRecord, type Destination } from "../models/async-invoke-config";
import { getFunction, type FunctionRecord } from "../models/function";
import {
  invocationsOf,
  recordInvocation,
  tail,
  updateInvocation,
  type DestinationDelivery,
  type InvocationRecord,
} from "../models/invocation";
import { latestUrn, parseFunctionUrn } from "../urn";
import type { InvokeOutcome } from "./executor";
import { assertInvokable, runFunction } from "./run-function";
import { assertEnabled, waitForSlot } from "./concurrency";

export const DEFAULT_ASYNC_RETRY_DELAY_MS = 1000;
/** A destination function whose own destination invokes another... stops after this many hops. */
export const MAX_DESTINATION_DEPTH = 5;
const LOG_TAIL_BYTES = 4096;

export interface AsyncInvokeOptions {
  /** When the event happened (a timer's scheduled time); default now. Ages are measured from it. */
  eventTime?: Date;
  /** Internal: how many destination hops led here. */
  depth?: number;
}

/** Background jobs per emulator, so tests and shutdown can wait for them. */
const pending = new WeakMap<FgEnv, Set<Promise<void>>>();
/** Request ids are UUIDs, unique across emulators in one process. */
const jobsByRequest = new Map<string, Promise<void>>();

/** Resolves the function a URN names in the emulated project (throws the platform's 4xx). */
export function resolveFunction(env: FgEnv, functionUrn: string): FunctionRecord {
  const ref = parseFunctionUrn(functionUrn);
  if (
    !ref ||
    (ref.projectId ?? env.creds.projectId) !== env.creds.projectId ||
    (ref.region ?? env.creds.region) !== env.creds.region
  ) {
    throw new FgError(404, "FSS.1051", "Not found the function");
  }
  return getFunction(env, env.creds.projectId, ref);
}

/**
 * Queues one async invocation and returns its request id. Throws (synchronously) the error the
 * platform answers F9 with when the function does not exist or cannot run.
 */
export function invokeAsync(
  env: FgEnv,
  functionUrn: string,
  event: unknown,
  source = "api",
  opts: AsyncInvokeOptions = {},
): string {
  const fn = resolveFunction(env, functionUrn);
  assertInvokable(fn);
  assertEnabled(fn);
  const pid = env.creds.projectId;
  const requestId = env.ids.uuid();
  const eventTime = opts.eventTime ?? env.clock.now();
  recordInvocation(env, pid, {
    request_id: requestId,
    func_urn: latestUrn(env.creds.region, pid, fn.package, fn.func_name),
    started_at: rfc3339(env.clock.now()),
    duration_ms: 0,
    outcome: "pending",
    result: "",
    log: "",
    kind: "async",
    status: "WAIT",
    source,
    attempts: 0,
    deliveries: [],
  });
  const jobs = pending.get(env) ?? new Set<Promise<void>>();
  pending.set(env, jobs);
  const job = runJob(env, fn, event, requestId, eventTime, opts.depth ?? 0).catch(() => undefined);
  jobs.add(job);
  jobsByRequest.set(requestId, job);
  void job.finally(() => {
    jobs.delete(job);
    jobsByRequest.delete(requestId);
  });
  return requestId;
}

/** Resolves when one async invocation (retries included, not the destinations it causes) is over. */
export async function awaitAsync(requestId: string): Promise<void> {
  await jobsByRequest.get(requestId);
}

/** Waits until every queued async invocation (and the ones they caused) has finished. */
export async function drainAsync(env: FgEnv): Promise<void> {
  for (let jobs = pending.get(env); jobs && jobs.size > 0; jobs = pending.get(env)) await Promise.all([...jobs]);
}

async function retryDelay(env: FgEnv): Promise<void> {
  const ms = env.asyncRetryDelayMs ?? DEFAULT_ASYNC_RETRY_DELAY_MS;
  const clock = env.clock as { advance?: (ms: number) => void };
  if (typeof clock.advance === "function") {
    clock.advance(ms);
    return;
  }
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms).unref());
}

const ageMs = (env: FgEnv, eventTime: Date) => env.clock.now().getTime() - eventTime.getTime();

async function runJob(
  env: FgEnv,
  fn: FunctionRecord,
  event: unknown,
  requestId: string,
  eventTime: Date,
  depth: number,
): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // answer the 202 first, as the platform does
  const pid = env.creds.projectId;
  const config = findAsyncConfig(env, pid, fn);
  const maxAttempts = 1 + (config?.max_async_retry_attempts ?? 0);
  const maxAgeMs = (config?.max_async_event_age_in_seconds ?? 3600) * 1000;
  const deliverTo = (on: "on_success" | "on_failure", r: Result) =>
    deliver(env, config, on, requestId, fn, event, r, depth);
  for (let attempt = 1; ; attempt++) {
    if (ageMs(env, eventTime) > maxAgeMs) {
      const message = `event dropped: older than max_async_event_age_in_seconds (${maxAgeMs / 1000})`;
      finish(env, requestId, { outcome: "discarded", status: "DISCARD", error_code: 0, error_message: message });
      deliverTo("on_failure", { condition: "EventAgeExceeded", attempts: attempt - 1, error: message });
      return;
    }
    updateInvocation(env, pid, requestId, { status: "RUNNING", attempts: attempt });
    const outcome = await execute(env, fn, event, requestId);
    const log = tail(outcome.log, LOG_TAIL_BYTES);
    if (outcome.kind === "ok") {
      finish(env, requestId, {
        outcome: "success",
        status: "SUCCESS",
        result: outcome.result,
        log,
        duration_ms: outcome.durationMs,
      });
      deliverTo("on_success", { condition: "Success", attempts: attempt, result: outcome.result });
      return;
    }
    const error =
      outcome.kind === "error" ? outcome.error.errorMessage : `function invocation timed out after ${fn.timeout}s`;
    const result = outcome.kind === "error" ? JSON.stringify(outcome.error) : "";
    if (attempt >= maxAttempts) {
      finish(env, requestId, {
        outcome: outcome.kind,
        status: "FAIL",
        result,
        log,
        duration_ms: outcome.durationMs,
        error_code: outcome.kind === "timeout" ? 408 : 500,
        error_message: error,
      });
      deliverTo("on_failure", { condition: "RetriesExhausted", attempts: attempt, result, error });
      return;
    }
    await retryDelay(env);
  }
}

/** One execution; a function deleted or changed to something unrunnable counts as an error. */
async function execute(env: FgEnv, fn: FunctionRecord, event: unknown, requestId: string): Promise<InvokeOutcome> {
  try {
    const live = resolveFunction(env, latestUrn(env.creds.region, env.creds.projectId, fn.package, fn.func_name));
    const release = await waitForSlot(env, live);
    try {
      return await runFunction(env, env.creds.projectId, live, event, requestId);
    } finally {
      release();
    }
  } catch (err) {
    return {
      kind: "error",
      error: { errorMessage: (err as Error).message, errorType: "PlatformError", stackTrace: [] },
      log: "",
      durationMs: 0,
    };
  }
}

function finish(env: FgEnv, requestId: string, change: Partial<InvocationRecord>): void {
  updateInvocation(env, env.creds.projectId, requestId, { ...change, ended_at: rfc3339(env.clock.now()) });
}

interface Result {
  condition: "Success" | "RetriesExhausted" | "EventAgeExceeded";
  attempts: number;
  result?: string;
  error?: string;
}

function parsed(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The notification a destination receives. The platform's documents name the destinations but
 * not the body; this shape [inferred] carries what any consumer needs: which request, why,
 * how many attempts, the original event and the function's answer or error.
 */
export function destinationPayload(env: FgEnv, requestId: string, fn: FunctionRecord, event: unknown, r: Result) {
  return {
    timestamp: rfc3339(env.clock.now()),
    request_context: {
      request_id: requestId,
      function_urn: latestUrn(env.creds.region, env.creds.projectId, fn.package, fn.func_name),
      condition: r.condition,
      approximate_invoke_count: r.attempts,
    },
    request_payload: event,
    response_context: { status_code: r.condition === "Success" ? 200 : 500, function_error: r.error ?? "" },
    response_payload: parsed(r.result),
  };
}

function deliver(
  env: FgEnv,
  config: AsyncConfigRecord | undefined,
  on: "on_success" | "on_failure",
  requestId: string,
  fn: FunctionRecord,
  event: unknown,
  r: Result,
  depth: number,
): void {
  const target: Destination | undefined = config?.destination_config[on];
  if (!target) return;
  const payload = destinationPayload(env, requestId, fn, event, r);
  const param = JSON.parse(target.param) as Record<string, unknown>;
  const delivery: DestinationDelivery = {
    on,
    destination: target.destination,
    param,
    payload,
    delivered_at: rfc3339(env.clock.now()),
  };
  if (target.destination === "FunctionGraph") {
    try {
      if (depth >= MAX_DESTINATION_DEPTH)
        throw new Error(`destination chain longer than ${MAX_DESTINATION_DEPTH} functions; not delivered`);
      delivery.destination_request_id = invokeAsync(env, String(param.func_urn), payload, `destination:${requestId}`, {
        depth: depth + 1,
      });
    } catch (err) {
      delivery.error = (err as Error).message;
    }
  }
  const record = invocationsOf(env, env.creds.projectId).find((x) => x.request_id === requestId);
  updateInvocation(env, env.creds.projectId, requestId, { deliveries: [...(record?.deliveries ?? []), delivery] });
}
