/**
 * The workflow execution wire contract (docs/reference/functiongraph-api.md §6.7): W6 start, W8
 * list, W9 show, with zod schemas of what the provider reads, and their camelCase views for the
 * WorkflowExecution resource and the SDK helpers.
 */
import { z } from "zod";
import type { FunctionGraphClient } from "../client";

const nodeAttempt = z
  .object({
    status: z.string(),
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    begin_time: z.union([z.number(), z.string()]).optional().nullable(),
    end_time: z.union([z.number(), z.string()]).optional().nullable(),
    error_message: z.unknown().optional(),
    request_id: z.string().optional().nullable(),
  })
  .passthrough();

const nodeDetail = z
  .object({ node_id: z.string(), node_name: z.string().optional(), executions: z.array(nodeAttempt).optional() })
  .passthrough();

const briefSchema = z
  .object({
    execution_id: z.string(),
    workflow_id: z.string().optional(),
    workflow_urn: z.string().optional(),
    status: z.string(),
    begin_time: z.string().optional().nullable(),
    end_time: z.string().optional().nullable(),
    last_update_time: z.string().optional().nullable(),
    created_by: z.string().optional().nullable(),
  })
  .passthrough();

export const detailSchema = briefSchema
  .extend({
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    node_execution_details: z.array(nodeDetail).optional().nullable(),
    /** The emulator also names the failing state here (W7's shape); the platform's W9 may not. */
    errors: z
      .array(z.object({ node_id: z.string(), error_message: z.unknown() }).passthrough())
      .optional()
      .nullable(),
  })
  .passthrough();

const listSchema = z.object({ executions: z.array(briefSchema).optional().nullable() }).passthrough();
const startSchema = z.object({ execution_id: z.string() }).passthrough();

export type ExecutionDetail = z.infer<typeof detailSchema>;
export type ExecutionBriefWire = z.infer<typeof briefSchema>;

export interface ListQuery {
  status?: string;
  startTime?: string;
  endTime?: string;
  limit: number;
  offset: number;
}

const flowPath = (fg: FunctionGraphClient, id: string, rest = "") =>
  fg.fgsPath(`/workflows/${encodeURIComponent(id)}/executions${rest}`);

export const executionApi = {
  /** W6: not retried by the transport (a retry would start a second execution). */
  start: (fg: FunctionGraphClient, workflowId: string, input: unknown) =>
    fg.call(
      "POST",
      flowPath(fg, workflowId),
      startSchema,
      "StartWorkflowExecution",
      { input: input ?? {} },
      {
        noRetry: true,
      },
    ),
  show: (fg: FunctionGraphClient, workflowId: string, executionId: string) =>
    fg.call(
      "GET",
      flowPath(fg, workflowId, `/${encodeURIComponent(executionId)}`),
      detailSchema,
      "ShowWorkflowExecution",
    ),
  list: (fg: FunctionGraphClient, workflowId: string, q: ListQuery) => {
    const params = new URLSearchParams({ limit: String(q.limit), offset: String(q.offset) });
    if (q.status) params.set("status", q.status);
    if (q.startTime) params.set("start_time", q.startTime);
    if (q.endTime) params.set("end_time", q.endTime);
    return fg.call("GET", flowPath(fg, workflowId, `?${params.toString()}`), listSchema, "ListWorkflowExecutions");
  },
};

/** One attempt of one state, as the helpers and the resource show it. */
export interface StateAttempt {
  status: string;
  input?: unknown;
  output?: unknown;
  /** Epoch milliseconds (the platform's unit for node history). */
  beginTime?: number;
  endTime?: number;
  error?: string;
  requestId?: string;
}

export interface StateHistory {
  stateId: string;
  stateName: string;
  attempts: StateAttempt[];
}

/** Node times are epoch ms; a numeric string is read as such, anything else as a date. */
function millis(v: number | string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number") return v;
  return /^\d+$/.test(v) ? Number(v) : Date.parse(v);
}

/** A state's error, readable whether the platform sends a string or an object. */
export function errorText(e: unknown): string | undefined {
  if (e === undefined || e === null || e === "") return undefined;
  if (typeof e === "string") return e;
  const o = e as { errorMessage?: unknown; error_msg?: unknown; message?: unknown; errorType?: unknown };
  const message = o.errorMessage ?? o.error_msg ?? o.message;
  if (typeof message !== "string") return JSON.stringify(e);
  return typeof o.errorType === "string" && o.errorType ? `${o.errorType}: ${message}` : message;
}

export function stateHistory(d: ExecutionDetail): StateHistory[] {
  return (d.node_execution_details ?? []).map((n) => ({
    stateId: n.node_id,
    stateName: n.node_name ?? n.node_id,
    attempts: (n.executions ?? []).map((a) => ({
      status: a.status,
      input: a.input,
      output: a.output,
      beginTime: millis(a.begin_time),
      endTime: millis(a.end_time),
      error: errorText(a.error_message),
      requestId: a.request_id ?? undefined,
    })),
  }));
}

/**
 * The state that failed the execution and its error: the last failed attempt in the history
 * (it carries the error type), else the answer's `errors` when it has them.
 */
export function failingState(
  d: ExecutionDetail,
  history: StateHistory[],
): { stateId: string; error: string } | undefined {
  for (const state of [...history].reverse()) {
    const failed = [...state.attempts].reverse().find((a) => a.status === "fail" || a.status === "timeout");
    if (failed) return { stateId: state.stateId, error: failed.error ?? failed.status };
  }
  const first = d.errors?.[0];
  return first ? { stateId: first.node_id, error: errorText(first.error_message) ?? "failed" } : undefined;
}
