/**
 * Starting workflow executions: W6 runs one in the background and answers its id at once (the
 * execution outlives the request); W7 runs one to the end before answering. Both go through
 * models/workflow-execution.ts and leave the same record.
 */
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import type { WorkflowRecord } from "../models/workflow";
import { runExecution } from "../models/workflow-execution";
import { executionsOf, startExecutionRecord, type ExecutionRecord } from "../models/workflow-execution-record";

export interface StartOptions {
  input: unknown;
  headers?: Record<string, unknown>;
  /** The caller's run id (W6 header X-WorkflowRun-ID) [inferred: used as the execution id]. */
  executionId?: string;
}

/** Background executions per emulator, so tests and shutdown can wait for them. */
const running = new WeakMap<FgEnv, Set<Promise<void>>>();

function endAsFailed(env: FgEnv, record: ExecutionRecord, message: string): void {
  const now = rfc3339(env.clock.now());
  Object.assign(record, {
    status: "fail",
    end_time: now,
    last_update_time: now,
    errors: [{ node_id: "", error_message: message, begin_time: record.begin_time, end_time: now }],
  });
}

/** A crash of the emulator's own code still ends the execution, as failed, instead of leaving it running. */
async function runGuarded(env: FgEnv, pid: string, flow: WorkflowRecord, record: ExecutionRecord, waits: boolean) {
  try {
    await runExecution({ env, pid, flow: flow.definition, record, waits });
  } catch (e) {
    endAsFailed(env, record, e instanceof Error ? e.message : String(e));
    env.store.commit();
  }
}

/**
 * Executions a state file still shows as running were cut off when the emulator stopped; nothing
 * will resume them, so they end as failed [emulator's choice] rather than stay running forever.
 */
export function endInterruptedExecutions(env: FgEnv): void {
  // Look before touching: reading the bucket would create an empty one in every state file.
  const saved = env.store.snapshot().platforms[PLATFORM]?.[env.creds.projectId]?.workflowExecutions;
  if (!saved) return;
  const stale = Object.values(executionsOf(env, env.creds.projectId)).filter((r) => r.status === "running");
  for (const record of stale) endAsFailed(env, record, "the emulator stopped while this execution was running");
  if (stale.length > 0) env.store.commit();
}

/** W6: records the execution as running and returns it; the states run in the background. */
export function startExecution(env: FgEnv, pid: string, flow: WorkflowRecord, opts: StartOptions): ExecutionRecord {
  const record = startExecutionRecord(env, pid, flow, opts);
  const jobs = running.get(env) ?? new Set<Promise<void>>();
  running.set(env, jobs);
  const job = runGuarded(env, pid, flow, record, true);
  jobs.add(job);
  void job.finally(() => jobs.delete(job));
  return record;
}

/** W7: runs to the end (no waits) and returns the finished record. */
export async function runSynchronously(
  env: FgEnv,
  pid: string,
  flow: WorkflowRecord,
  opts: StartOptions,
): Promise<ExecutionRecord> {
  const record = startExecutionRecord(env, pid, flow, opts);
  await runGuarded(env, pid, flow, record, false);
  return record;
}

/** Waits until every background execution of this emulator has ended. */
export async function drainExecutions(env: FgEnv): Promise<void> {
  for (let jobs = running.get(env); jobs && jobs.size > 0; jobs = running.get(env)) await Promise.all([...jobs]);
}
