/** Workflow handlers (W1–W5, W7): parse → model → view. W6, W8, W9 are in ./workflow-execution.ts. */
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { flowErrors } from "../flow-errors";
import * as M from "../models/workflow";
import { syncExecutionView } from "../models/workflow-execution-record";
import { runSynchronously } from "../runtime/workflow-run";
import { flowExecuteBody, workflowBody, workflowDeleteBody } from "../schemas";
import { projectOf } from "./context";
import type { z } from "zod";

/** List paging (docs/reference/functiongraph-api.md §1.4): limit default and cap 200, below 1 refused; offset below 0 means 0. */
export const WORKFLOW_LIST_MAX = 200;

export function parse<T>(schema: z.ZodType<T>, ctx: RequestContext): T {
  let raw: unknown;
  try {
    raw = parseJsonBody(ctx);
  } catch {
    throw flowErrors.invalid("request body is not valid JSON");
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw flowErrors.invalid(`invalid parameter ${issue.path.join(".") || "body"}: ${issue.message}`);
}

/** Create/update response: the summary, without the definition (§6.2). */
function summaryView(w: M.WorkflowRecord) {
  return {
    id: w.id,
    workflow_urn: w.workflow_urn,
    name: w.name,
    description: w.definition.description ?? "",
    created_time: w.created_time,
    updated_time: w.updated_time,
    created_by: w.created_by,
    enable_stream_response: w.definition.enable_stream_response ?? false,
  };
}

export function intQuery(ctx: RequestContext, name: string): number | undefined {
  const raw = queryValue(ctx.query, name);
  if (raw === undefined || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw)) throw flowErrors.invalid(`invalid parameter ${name}: ${raw}`);
  return Number(raw);
}

export async function createWorkflow(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(201, summaryView(M.createWorkflow(env, pid, parse(workflowBody, ctx))));
}

export async function listWorkflow(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const limit = intQuery(ctx, "limit") ?? WORKFLOW_LIST_MAX;
  if (limit < 1) throw flowErrors.invalid(`invalid parameter limit: ${limit} (minimum 1)`);
  const offset = Math.max(0, intQuery(ctx, "offset") ?? 0);
  const name = queryValue(ctx.query, "workflow_name");
  if (name !== undefined && name.length > 64)
    throw flowErrors.invalid("invalid parameter workflow_name: at most 64 characters");
  const all = M.listWorkflows(env, pid, { name, mode: queryValue(ctx.query, "mode") });
  const page = all.slice(offset, offset + Math.min(limit, WORKFLOW_LIST_MAX));
  return json(200, { total: all.length, size: page.length, workflows: page.map(summaryView) });
}

export async function showWorkFlow(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const w = M.getWorkflow(env, pid, ctx.params.workflow_id ?? "");
  return json(200, {
    id: w.id,
    workflow_urn: w.workflow_urn,
    created_time: w.created_time,
    updated_time: w.updated_time,
    created_by: w.created_by,
    lts_group_id: "",
    lts_stream_id: "",
    definition: w.definition,
  });
}

export async function updateWorkFlow(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, summaryView(M.updateWorkflow(env, pid, ctx.params.workflow_id ?? "", parse(workflowBody, ctx))));
}

export async function batchDeleteWorkflows(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, M.deleteWorkflows(env, pid, parse(workflowDeleteBody, ctx).workflow_urns));
}

/** W7: EXPRESS workflows only (§6.7); recorded like W6 runs, so W8/W9 show it too. */
export async function startSyncWorkflowExecution(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const w = M.getWorkflow(env, pid, ctx.params.workflow_id ?? "");
  if (w.definition.mode !== "EXPRESS")
    throw flowErrors.invalid(
      `workflow ${w.name} is in ${w.definition.mode} mode; synchronous execution needs EXPRESS mode`,
    );
  const body = parse(flowExecuteBody, ctx);
  const record = await runSynchronously(env, pid, w, { input: body.input ?? {}, headers: body.headers });
  return json(200, syncExecutionView(record));
}
