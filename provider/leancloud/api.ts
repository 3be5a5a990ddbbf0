/**
 * The LeanCloud wire contract we rely on (docs/reference/leancloud-api.md §4, §5, §8): response schemas as zod
 * (passthrough, requiring only what the providers read) and the error parser. Every error body
 * is `{code, error}` (console errors add `errorEventID`); `code` may be a string when a Node
 * system error propagates out of a function, so it is kept as text.
 */
import { asText, safeJson, validateResponse } from "../core/response";
import { z } from "zod";
import { ParsedError } from "../core/http";

/** `POST /1.1/functions|call/<name>`: `{result}`, or `{}` when the function returned undefined. */
export const functionResultSchema = z.object({ result: z.unknown().optional() }).passthrough();

/** `GET /1.1/functions/_ops/metadatas`. */
export const metadatasSchema = z.object({ result: z.array(z.string()) }).passthrough();

const deployInfo = z
  .object({
    deployable: z.boolean().optional(),
    version: z.object({ versionTag: z.string().optional().nullable() }).passthrough().optional().nullable(),
  })
  .passthrough();

/** One entry of `GET /1.1/engine/groups?all=true`. */
export const groupSchema = z
  .object({
    groupName: z.string(),
    domain: z.string().optional().nullable(),
    staging: deployInfo.optional().nullable(),
    production: deployInfo.optional().nullable(),
    environments: z.record(z.string(), z.unknown()).optional().nullable(),
  })
  .passthrough();
export type Group = z.infer<typeof groupSchema>;
export const groupsSchema = z.array(groupSchema);

/** `POST /1.1/engine/groups/<group>/envs/<0|1>/version`. */
export const deploySchema = z.object({ eventToken: z.string().min(1) }).passthrough();

/** `GET /1.1/engine/events/poll/<token>`: events newest first. */
export const pollSchema = z
  .object({
    moreEvent: z.boolean(),
    events: z.array(
      z
        .object({ content: z.string().optional(), level: z.string().optional(), time: z.string().optional() })
        .passthrough(),
    ),
  })
  .passthrough();
export type PollPage = z.infer<typeof pollSchema>;

export function parseLeanCloudError(status: number, data: unknown, headers: Record<string, unknown>): ParsedError {
  const body = typeof data === "string" ? safeJson(data) : data;
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const code = b.code === undefined || b.code === null ? "" : asText(b.code);
  const message =
    typeof b.error === "string"
      ? b.error
      : typeof data === "string" && data
        ? data.slice(0, 200)
        : `HTTP Error: ${status}`;
  const rid = b.errorEventID ?? headers["x-request-id"];
  return { code, message, requestId: typeof rid === "string" && rid ? rid : undefined };
}

/** Validates a response body (see core/response.ts). */
export const validate = <T>(schema: z.ZodType<T>, data: unknown, operation: string): T =>
  validateResponse("LeanCloud", schema, data, operation);
