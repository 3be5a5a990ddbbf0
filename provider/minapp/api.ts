/**
 * The MinApp Open API v1.3 wire contract we rely on (docs/reference/minapp-api.md §2-§4): request bodies as
 * TypeScript types and response schemas as zod, validated on every response so a contract drift
 * fails loudly (with the payload). Schemas are `passthrough` and require only what we read.
 */
import { safeJson, validateResponse } from "../core/response";
import { z } from "zod";
import { ParsedError } from "../core/http";

/** Memory plans live in platform/ because the emulator applies the same ones. */
import { PLAN_CIRCLES, type PlanCircle } from "../../platform/minapp/cloud-function";
export { PLAN_CIRCLES, type PlanCircle };

/** The cloud-function object of create, get, list and patch (§3.1). */
export const functionSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    function_code: z.string(),
    remark: z.string().nullable().optional(),
    plan_circle: z.string().optional(),
    audit_status: z.string().optional(),
    created_at: z.number().optional(),
    updated_at: z.number().optional(),
    created_by: z.string().nullable().optional(),
    updated_by: z.string().nullable().optional(),
  })
  .passthrough();
export type FunctionObject = z.infer<typeof functionSchema>;

/** `{meta, objects}` of every list (§4). */
export function listSchema<T extends z.ZodTypeAny>(item: T) {
  return z
    .object({
      meta: z
        .object({
          limit: z.number().optional(),
          offset: z.number().optional(),
          total_count: z.number().optional(),
          next: z.string().nullable().optional(),
        })
        .passthrough(),
      objects: z.array(item),
    })
    .passthrough();
}

/** A function's failure: `{message, type, stack?}`; `{}` on success. */
const errorSchema = z
  .object({ message: z.string().optional(), type: z.string().optional(), stack: z.string().optional() })
  .passthrough();
export type FunctionError = z.infer<typeof errorSchema>;

/** Sync job result `{code, data, error}`, or async `{status: "ok"}` (§3.3). */
export const jobResultSchema = z
  .object({
    code: z.number().optional(),
    data: z.unknown().optional(),
    error: errorSchema.optional(),
    status: z.string().optional(),
  })
  .passthrough();
export type JobResult = z.infer<typeof jobResultSchema>;

/** Debug run result (§3.4). */
export const debugResultSchema = z
  .object({
    code: z.number(),
    data: z.unknown().optional(),
    error: errorSchema.optional(),
    job_id: z.union([z.string(), z.number()]).optional(),
    log: z.string().optional(),
    execution_time: z.number().optional(),
    billing_time: z.number().optional(),
    mem_usage: z.number().optional(),
  })
  .passthrough();
export type DebugResult = z.infer<typeof debugResultSchema>;

/** A job record of the job list (§3.5). */
export const jobRecordSchema = z
  .object({
    id: z.number(),
    created_at: z.number().optional(),
    started_at: z.number().nullable().optional(),
    finished_at: z.number().nullable().optional(),
    mem_usage: z.number().nullable().optional(),
    service_type: z.string().optional(),
    source: z.string().optional(),
    status: z.string().optional(),
    user_log_url: z.string().nullable().optional(),
  })
  .passthrough();
export type JobRecord = z.infer<typeof jobRecordSchema>;

/** Step 1 of the token flow: `{code, expires_in}`. */
export const authorizeSchema = z.object({ code: z.string().min(1) }).passthrough();
/** Step 2: `{access_token, token_type, expires_in, ...}`. */
export const tokenSchema = z
  .object({ access_token: z.string().min(1), expires_in: z.number().optional() })
  .passthrough();

export interface CreateFunctionBody {
  name: string;
  function_code: string;
  remark?: string;
}

export interface PatchFunctionBody {
  function_code?: string;
  remark?: string;
  plan_circle?: PlanCircle;
}

/**
 * `/oserve/` error bodies are undocumented (§6): tolerate empty and non-JSON bodies and read
 * `error_msg`, `message`, `error_message` or Django's `detail`, in that order.
 */
export function parseMinAppError(status: number, data: unknown, headers: Record<string, unknown>): ParsedError {
  const body = typeof data === "string" ? (safeJson(data) ?? data) : data;
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const text = [b.error_msg, b.message, b.error_message, b.detail].find((v) => typeof v === "string" && v !== "");
  const raw = typeof body === "string" && body ? body.slice(0, 200) : "";
  const message =
    (text as string | undefined) ??
    (raw || (Object.keys(b).length ? JSON.stringify(b).slice(0, 200) : `HTTP ${status}`));
  const rid = headers["x-request-id"];
  return {
    code: typeof b.error_code === "string" || typeof b.error_code === "number" ? String(b.error_code) : "",
    message,
    requestId: typeof rid === "string" && rid ? rid : undefined,
  };
}

/** Validates a response body (see core/response.ts). */
export const validate = <T>(schema: z.ZodType<T>, data: unknown, operation: string): T =>
  validateResponse("MinApp", schema, data, operation);
