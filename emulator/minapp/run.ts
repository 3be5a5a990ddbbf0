/**
 * One invocation of a cloud function: a job record (waiting → executing → final status), the
 * event the platform hands to `main` (docs/reference/minapp-api.md §7) and a real run in a child process.
 */
import { createHash } from "crypto";
import type { MinAppEnv } from "./env";
import { PLAN_MEMORY_MB } from "../../platform/minapp/cloud-function";
import type { CloudFunction } from "./models/cloud-function";
import { createJob, markFinished, markStarted, type JobRecord } from "./models/job";
import { PRODUCTION } from "./models/state";
import type { RunOutcome } from "./runtime/executor";

export interface RunRequest {
  envKey: string;
  fn: CloudFunction;
  data: unknown;
  /** Job source, also the event's eventType (open_api, user_dash, or a debug subject). */
  source: string;
  sync: boolean;
  /** Caller facts for event.request.meta. */
  ipAddress: string;
  userAgent: string;
}

export interface RunResult {
  job: JobRecord;
  outcome: RunOutcome;
}

const STATUS_OF: Record<RunOutcome["kind"], string> = {
  ok: "fulfilled",
  error: "execution_failed",
  timeout: "deadline_exceeded",
};

function eventOf(env: MinAppEnv, r: RunRequest, job: JobRecord, timeoutMs: number): Record<string, unknown> {
  const event: Record<string, unknown> = {
    data: r.data,
    eventType: r.source,
    jobId: job.id,
    memoryLimitInMB: PLAN_MEMORY_MB[r.fn.plan_circle] ?? 128,
    miniappId: env.creds.appId,
    request: { meta: { ip_address: r.ipAddress, user_agent: r.userAgent } },
    timeLimitInMS: timeoutMs,
    // Stable per app, like the real key; derived from the public ClientID, never the secret.
    signKey: createHash("sha256").update(`signKey:${env.creds.clientId}`).digest("hex").slice(0, 32),
  };
  if (r.envKey !== PRODUCTION) event.env = { id: r.envKey, name: r.envKey };
  return event;
}

/**
 * Starts the job and resolves when it finished. Sync jobs get the sync limit (5 s), async ones
 * the async limit (300 s), both configurable through startEmulator's `minapp` options.
 */
export function startRun(env: MinAppEnv, r: RunRequest): { job: JobRecord; done: Promise<RunResult> } {
  const job = createJob(env, r.envKey, r.fn, r.source, r.sync ? "time_sensitive" : "batch");
  const timeoutMs = r.sync ? env.limits.syncTimeoutMs : env.limits.asyncTimeoutMs;
  const memoryMb = PLAN_MEMORY_MB[r.fn.plan_circle] ?? 128;
  markStarted(env, job);
  const done = env.executor
    .run({
      functionName: r.fn.name,
      code: r.fn.function_code,
      event: eventOf(env, r, job, timeoutMs),
      timeoutMs,
      memoryMb,
    })
    .then((outcome) => {
      const log = outcome.log.map((l) => `${l}\n`).join("");
      markFinished(env, job, STATUS_OF[outcome.kind], log, outcome.memUsage);
      return { job, outcome };
    });
  return { job, done };
}

/** The sync invoke envelope (§3.3): HTTP 200 in every case, code 1 on failure. */
export function envelope(
  outcome: RunOutcome,
  limitMs: number,
  withStack: boolean,
): { code: number; data: unknown; error: Record<string, unknown> } {
  if (outcome.kind === "ok") return { code: 0, data: outcome.data, error: {} };
  if (outcome.kind === "timeout") {
    // The platform's timeout answer is undocumented; this shape keeps the documented envelope.
    const message = `Task timed out after ${(limitMs / 1000).toFixed(2)} seconds`;
    return {
      code: 1,
      data: null,
      error: withStack ? { message, stack: "", type: "TimeoutError" } : { message, type: "TimeoutError" },
    };
  }
  const { message, type, stack } = outcome.error;
  return { code: 1, data: null, error: withStack ? { message, stack, type } : { message, type } };
}
