/**
 * The FunctionGraph wire contract we rely on (docs/reference/functiongraph-api.md §3): request bodies as
 * TypeScript types and response schemas as zod, validated on every response so a contract
 * drift fails loudly (with the payload) instead of writing garbage into state. Schemas are
 * `passthrough` and only require what the provider reads; everything else is optional.
 */
import { asText, safeJson, validateResponse } from "../core/response";
import { z } from "zod";
import { ParsedError } from "../core/http";

/** The function object returned by create, get config and update config. */
export const functionSchema = z
  .object({
    func_urn: z.string(),
    func_name: z.string(),
    package: z.string(),
    runtime: z.string(),
    handler: z.string(),
    memory_size: z.number(),
    timeout: z.number(),
    func_id: z.string().optional(),
    cpu: z.number().optional(),
    code_type: z.string().optional(),
    code_url: z.string().optional().nullable(),
    code_size: z.number().optional(),
    digest: z.string().optional(),
    version: z.string().optional(),
    description: z.string().optional().nullable(),
    user_data: z.string().optional().nullable(),
    last_modified: z.union([z.string(), z.number()]).optional(),
    depend_version_list: z.array(z.string()).optional().nullable(),
  })
  .passthrough();
export type FunctionInfo = z.infer<typeof functionSchema>;

/** The code object returned by get code and update code. */
export const codeSchema = z
  .object({
    func_urn: z.string().optional(),
    code_type: z.string().optional(),
    code_url: z.string().optional().nullable(),
    code_size: z.number().optional(),
    digest: z.string().optional(),
    last_modified: z.union([z.string(), z.number()]).optional(),
    depend_version_list: z.array(z.string()).optional().nullable(),
  })
  .passthrough();
export type CodeInfo = z.infer<typeof codeSchema>;

export const listSchema = z
  .object({
    functions: z.array(
      z.object({ func_urn: z.string(), func_name: z.string(), package: z.string().optional() }).passthrough(),
    ),
    next_marker: z.number().optional(),
    count: z.number().optional(),
  })
  .passthrough();
export type ListItem = z.infer<typeof listSchema>["functions"][number];

export const invokeSchema = z
  .object({
    request_id: z.string().optional(),
    result: z.unknown(),
    log: z.string().optional(),
    status: z.number().optional(),
  })
  .passthrough();
export type InvokeResult = z.infer<typeof invokeSchema>;

/** IAM token response body (the token itself is in the `X-Subject-Token` header). */
export const tokenSchema = z.object({ token: z.object({ expires_at: z.string() }).passthrough() }).passthrough();

export interface FuncCode {
  file?: string;
  link?: string;
}

/** F1 body: the fields below plus the production configuration (mapping-config.ts). */
export interface CreateFunctionBody {
  [wire: string]: unknown;
  func_name: string;
  package: string;
  runtime: string;
  handler: string;
  memory_size: number;
  timeout: number;
  code_type: CodeType;
  code_filename?: string;
  code_url?: string;
  func_code?: FuncCode;
  description?: string;
  user_data?: string;
  encrypted_user_data?: string;
  depend_version_list?: string[];
}

/** What this provider uploads (`Custom-Image-Swr`: no code, an image). */
export type CodeType = "zip" | "obs" | "inline" | "Custom-Image-Swr";

/** F4 body: a full replacement of the config (plus the carried-forward and production fields). */
export interface UpdateConfigBody {
  [wire: string]: unknown;
  func_name: string;
  runtime: string;
  handler: string;
  memory_size: number;
  timeout: number;
  description: string;
  user_data?: string;
  encrypted_user_data?: string;
}

/** F6 body. */
export interface UpdateCodeBody {
  code_type: CodeType;
  code_filename?: string;
  code_url?: string;
  func_code: FuncCode;
  depend_version_list?: string[];
}

/** Error bodies: FunctionGraph/APIG `{error_code, error_msg}` or IAM `{error: {code, message}}`. */
export function parseFunctionGraphError(status: number, data: unknown, headers: Record<string, unknown>): ParsedError {
  const body = typeof data === "string" ? safeJson(data) : data;
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const iam = (b.error && typeof b.error === "object" ? b.error : {}) as Record<string, unknown>;
  const code = asText(b.error_code ?? iam.code ?? "");
  const message = asText(
    b.error_msg ?? iam.message ?? (typeof data === "string" && data ? data.slice(0, 200) : `HTTP ${status}`),
  );
  const rid = headers["x-request-id"] ?? b.request_id;
  return { code, message, requestId: typeof rid === "string" && rid ? rid : undefined };
}

/** Validates a response body (see core/response.ts). */
export const validate = <T>(schema: z.ZodType<T>, data: unknown, operation: string): T =>
  validateResponse("FunctionGraph", schema, data, operation);
