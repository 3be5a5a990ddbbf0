/**
 * `getWorkflowExecution` and `listWorkflowExecutions`: read a workflow's executions (W9, W8,
 * docs/reference/functiongraph-api.md §6.7). Plain async helpers, not resources: credentials
 * come from the same stack config and environment variables as the resources, at call time
 * (`profile` first, as for a resource).
 */
import { collect, paginate } from "../../core/paginate";
import { FunctionGraphClient, type ClientOptions } from "../client";
import type { ProfileOption } from "../../core/call-profile";
import { inCallProfile, resolveSettings, setStackConfig, type ConfigSource } from "../config";
import {
  executionApi,
  failingState,
  stateHistory,
  type ExecutionBriefWire,
  type ExecutionDetail,
  type StateHistory,
} from "./api";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

/** The platform's execution statuses. */
export const EXECUTION_STATUSES = ["success", "fail", "running", "timeout", "cancel"] as const;
/** W8's largest page. */
const PAGE = 200;

export interface WorkflowExecutionSummary {
  executionId: string;
  workflowId?: string;
  workflowUrn?: string;
  status: string;
  beginTime?: string;
  endTime?: string;
  lastUpdateTime?: string;
  createdBy?: string;
}

export interface WorkflowExecutionInfo extends WorkflowExecutionSummary {
  input?: unknown;
  output?: unknown;
  /** Every state visited, in order, with each attempt (retries are further attempts). */
  states: StateHistory[];
  /** Set when the execution failed: the state that failed it and that state's error. */
  error?: { stateId: string; message: string };
}

export interface GetWorkflowExecutionArgs extends ProfileOption {
  workflowId: string;
  executionId: string;
}

export interface ListWorkflowExecutionsArgs extends ProfileOption {
  workflowId: string;
  status?: (typeof EXECUTION_STATUSES)[number];
  /** Window on the start time (UTC); the platform's default is the last 3 days. */
  startTime?: string | Date;
  endTime?: string | Date;
  /** At most this many (newest first); default: every execution in the window. */
  limit?: number;
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? undefined : v);

function summary(b: ExecutionBriefWire): WorkflowExecutionSummary {
  return {
    executionId: b.execution_id,
    workflowId: b.workflow_id,
    workflowUrn: b.workflow_urn,
    status: b.status,
    beginTime: text(b.begin_time),
    endTime: text(b.end_time),
    lastUpdateTime: text(b.last_update_time),
    createdBy: text(b.created_by),
  };
}

export function executionInfo(d: ExecutionDetail): WorkflowExecutionInfo {
  const states = stateHistory(d);
  const failed = d.status === "fail" || d.status === "timeout" ? failingState(d, states) : undefined;
  return {
    ...summary(d),
    input: d.input,
    output: d.output ?? undefined,
    states,
    ...(failed ? { error: { stateId: failed.stateId, message: failed.error } } : {}),
  };
}

/** W8 times: `YYYY-MM-DD hh:mm:ss`, UTC (the format the SDK documents). */
export function timeParam(t: string | Date | undefined): string | undefined {
  if (t === undefined) return undefined;
  if (typeof t === "string") return t;
  return t.toISOString().replace("T", " ").slice(0, 19);
}

function checkArgs(args: ListWorkflowExecutionsArgs): void {
  if (!args.workflowId) throw new Error("workflowId is required");
  if (args.status !== undefined && !(EXECUTION_STATUSES as readonly string[]).includes(args.status))
    throw new Error(`status must be one of ${EXECUTION_STATUSES.join(", ")}; got ${JSON.stringify(args.status)}`);
  if (args.limit !== undefined && (!Number.isInteger(args.limit) || args.limit < 1))
    throw new Error(`limit must be a positive integer; got ${args.limit}`);
}

/** Stores `config`, then makes the client when called (inside the call's profile). */
const client = (config?: ConfigSource) => {
  if (config) setStackConfig(config);
  return () => new FunctionGraphClient(resolveSettings(), tuning.client);
};

/** One execution with its per-state history (W9). */
export async function getWorkflowExecution(
  args: GetWorkflowExecutionArgs,
  config?: ConfigSource,
): Promise<WorkflowExecutionInfo> {
  if (!args.workflowId || !args.executionId) throw new Error("workflowId and executionId are required");
  const fg = client(config);
  return inCallProfile(args.profile, async () =>
    executionInfo(await executionApi.show(fg(), args.workflowId, args.executionId)),
  );
}

/** The workflow's executions in the window, newest first, following W8's offset paging. */
export async function listWorkflowExecutions(
  args: ListWorkflowExecutionsArgs,
  config?: ConfigSource,
): Promise<WorkflowExecutionSummary[]> {
  checkArgs(args);
  const makeClient = client(config);
  return inCallProfile(args.profile, () => listPages(makeClient(), args));
}

async function listPages(
  fg: FunctionGraphClient,
  args: ListWorkflowExecutionsArgs,
): Promise<WorkflowExecutionSummary[]> {
  const want = args.limit ?? Number.POSITIVE_INFINITY;
  const base = { status: args.status, startTime: timeParam(args.startTime), endTime: timeParam(args.endTime) };
  const items = paginate(0, async (offset) => {
    const limit = Math.min(PAGE, want - offset);
    const page = (await executionApi.list(fg, args.workflowId, { ...base, limit, offset })).executions ?? [];
    const next = offset + page.length;
    return { items: page, next: page.length < limit || next >= want ? undefined : next };
  });
  return (await collect(items)).slice(0, args.limit).map(summary);
}
