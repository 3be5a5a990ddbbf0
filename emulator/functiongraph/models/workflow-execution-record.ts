/**
 * Workflow executions as the emulator keeps them (docs/reference/functiongraph-api.md §6.7, W6–W9).
 * State lives under functiongraph → project → "workflowExecutions", keyed by execution id, so a
 * running execution is visible to W8/W9 (the runner commits after every step) and survives a
 * restart with a state file. EXPRESS runs (W7) are recorded the same way; the platform keeps no
 * history for them, but one record shape for both modes is what lets W9 and the SDK helpers read
 * either [emulator's choice].
 */
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { FlowError } from "../flow-errors";
import type { WorkflowRecord } from "./workflow";

/** The platform's execution statuses (ListWorkflowExecutionsRequestStatusEnum of the SDK). */
export const EXECUTION_STATUSES = ["success", "fail", "running", "timeout", "cancel"] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One run of one action of a state (a retry is another attempt). Times are epoch ms (SDK NodeExecution). */
export interface NodeAttempt {
  status: ExecutionStatus;
  input: unknown;
  output?: unknown;
  begin_time: number;
  end_time?: number;
  /** The function's error `{errorType, errorMessage}` [inferred: the SDK types it only as an object]. */
  error_message?: { errorType: string; errorMessage: string };
  /** Request id of the function invocation (the invocation records carry the same id). */
  request_id?: string;
}

/** One visit of one state. */
export interface NodeRecord {
  node_id: string;
  node_name: string;
  execution_id: string;
  executions: NodeAttempt[];
}

export interface ExecutionError {
  node_id: string;
  error_message: string;
  begin_time: string;
  end_time: string;
}

export interface ExecutionRecord {
  execution_id: string;
  workflow_id: string;
  workflow_urn: string;
  mode: string;
  status: ExecutionStatus;
  headers: Record<string, unknown>;
  input: unknown;
  output?: unknown;
  begin_time: string;
  end_time?: string;
  last_update_time: string;
  created_by: string;
  node_execution_details: NodeRecord[];
  /** The failing state's error (W7's `errors` shape; W9 shows it as well [emulator's addition]). */
  errors?: ExecutionError[];
}

type Executions = Record<string, ExecutionRecord>;

/** Oldest records are dropped beyond this many per project, so a long-lived state file stays small. */
export const MAX_EXECUTION_RECORDS = 1000;

export function executionsOf(env: FgEnv, projectId: string): Executions {
  return env.store.bucket<Executions>(PLATFORM, projectId, "workflowExecutions", () => ({}));
}

export const executionErrors = {
  notFound: (id: string) => new FlowError(404, "FSS.0404", `workflow execution ${id} not found`),
  exists: (id: string) => new FlowError(409, "FSS.0409", `workflow execution ${id} already exists`),
};

function dropOldest(all: Executions): void {
  const ids = Object.keys(all);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_EXECUTION_RECORDS))) delete all[id];
}

/** A new running execution, stored and committed (visible to W8/W9 at once). */
export function startExecutionRecord(
  env: FgEnv,
  pid: string,
  flow: WorkflowRecord,
  run: { input: unknown; headers?: Record<string, unknown>; executionId?: string },
): ExecutionRecord {
  const all = executionsOf(env, pid);
  const id = run.executionId || env.ids.uuid();
  if (all[id]) throw executionErrors.exists(id);
  const now = rfc3339(env.clock.now());
  const record: ExecutionRecord = {
    execution_id: id,
    workflow_id: flow.id,
    workflow_urn: flow.workflow_urn,
    mode: flow.definition.mode ?? "NORMAL",
    status: "running",
    headers: run.headers ?? {},
    input: run.input,
    begin_time: now,
    last_update_time: now,
    created_by: env.creds.userName,
    node_execution_details: [],
  };
  all[id] = record;
  dropOldest(all);
  env.store.commit();
  return record;
}

export function getExecutionRecord(env: FgEnv, pid: string, workflowId: string, id: string): ExecutionRecord {
  const record = executionsOf(env, pid)[id];
  if (record?.workflow_id !== workflowId) throw executionErrors.notFound(id);
  return record;
}

export interface ExecutionFilter {
  status?: string;
  /** Epoch ms bounds on begin_time, inclusive. */
  from: number;
  to: number;
}

/** W8: the workflow's executions that match, newest first. */
export function listExecutionRecords(
  env: FgEnv,
  pid: string,
  workflowId: string,
  filter: ExecutionFilter,
): ExecutionRecord[] {
  return Object.values(executionsOf(env, pid))
    .filter((r) => r.workflow_id === workflowId && (!filter.status || r.status === filter.status))
    .filter((r) => {
      const t = Date.parse(r.begin_time);
      return t >= filter.from && t <= filter.to;
    })
    .reverse();
}

/** W8 item (FlowExecutionBrief). */
export function executionBriefView(r: ExecutionRecord) {
  return {
    workflow_id: r.workflow_id,
    workflow_urn: r.workflow_urn,
    execution_id: r.execution_id,
    status: r.status,
    begin_time: r.begin_time,
    end_time: r.end_time ?? "",
    last_update_time: r.last_update_time,
    created_by: r.created_by,
  };
}

/** W9 (ShowWorkflowExecutionResponse). */
export function executionDetailView(r: ExecutionRecord) {
  return {
    ...executionBriefView(r),
    headers: r.headers,
    input: r.input,
    output: r.output ?? null,
    node_execution_details: r.node_execution_details,
    errors: r.errors ?? [],
  };
}

/** W7 answer: the finished execution in the sync shape. */
export function syncExecutionView(r: ExecutionRecord) {
  const base = { execution_id: r.execution_id, status: r.status, begin_time: r.begin_time, end_time: r.end_time };
  return r.status === "success" ? { ...base, output: r.output } : { ...base, errors: r.errors ?? [] };
}
