/**
 * Workflow execution handlers (docs/reference/functiongraph-api.md §6.7): W6 start (async), W8 list, W9 show.
 * W7 (sync, EXPRESS) stays in ./workflow.ts. Parse → runner/model → view.
 */
import { header, json, queryValue, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { flowErrors } from "../flow-errors";
import * as M from "../models/workflow";
import * as E from "../models/workflow-execution-record";
import { startExecution } from "../runtime/workflow-run";
import { flowExecuteBody } from "../schemas";
import { projectOf } from "./context";
import { intQuery, parse } from "./workflow";

/** W8 paging (SDK docs): at most 200 per page, offset below 0 read as 0; default 200 [inferred]. */
export const EXECUTION_LIST_MAX = 200;
/** W8 window: without bounds the last 3 days; one bound alone spans 3 days from it (SDK docs). */
const WINDOW_MS = 3 * 86_400_000;
/** Execution ids are at most 64 characters (§2.2). */
const MAX_RUN_ID = 64;

/**
 * W8 time bounds are "UTC times": `YYYY-MM-DD hh:mm:ss` per the SDK's paged variant; RFC 3339 and
 * epoch milliseconds are accepted too [inferred].
 */
function timeQuery(ctx: RequestContext, name: string): number | undefined {
  const raw = queryValue(ctx.query, name);
  if (raw === undefined || raw === "") return undefined;
  const t = /^\d+$/.test(raw)
    ? Number(raw)
    : Date.parse(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(raw) ? `${raw.replace(" ", "T")}Z` : raw);
  if (!Number.isFinite(t))
    throw flowErrors.invalid(`invalid parameter ${name}: ${raw} (expected UTC time YYYY-MM-DD hh:mm:ss)`);
  return t;
}

function window(env: FgEnv, ctx: RequestContext): { from: number; to: number } {
  const from = timeQuery(ctx, "start_time");
  const to = timeQuery(ctx, "end_time");
  if (from !== undefined && to !== undefined) return { from, to };
  if (from !== undefined) return { from, to: from + WINDOW_MS };
  const end = to ?? env.clock.now().getTime();
  return { from: end - WINDOW_MS, to: end };
}

export async function startWorkflowExecution(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const w = M.getWorkflow(env, pid, ctx.params.workflow_id ?? "");
  const body = parse(flowExecuteBody, ctx);
  const runId = header(ctx, "x-workflowrun-id");
  if (runId !== undefined && runId.length > MAX_RUN_ID)
    throw flowErrors.invalid(`invalid parameter X-WorkflowRun-ID: at most ${MAX_RUN_ID} characters`);
  const record = startExecution(env, pid, w, { input: body.input ?? {}, headers: body.headers, executionId: runId });
  return json(200, { execution_id: record.execution_id });
}

export async function listWorkflowExecutions(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const w = M.getWorkflow(env, pid, ctx.params.workflow_id ?? "");
  const limit = intQuery(ctx, "limit") ?? EXECUTION_LIST_MAX;
  if (limit < 1) throw flowErrors.invalid(`invalid parameter limit: ${limit} (minimum 1)`);
  const offset = Math.max(0, intQuery(ctx, "offset") ?? 0);
  const status = queryValue(ctx.query, "status");
  if (status && !(E.EXECUTION_STATUSES as readonly string[]).includes(status))
    throw flowErrors.invalid(`invalid parameter status: ${status} (one of ${E.EXECUTION_STATUSES.join(", ")})`);
  const all = E.listExecutionRecords(env, pid, w.id, { status, ...window(env, ctx) });
  const page = all.slice(offset, offset + Math.min(limit, EXECUTION_LIST_MAX));
  return json(200, { executions: page.map(E.executionBriefView) });
}

export async function showWorkflowExecution(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const w = M.getWorkflow(env, pid, ctx.params.workflow_id ?? "");
  const record = E.getExecutionRecord(env, pid, w.id, ctx.params.execution_id ?? "");
  return json(200, E.executionDetailView(record));
}
