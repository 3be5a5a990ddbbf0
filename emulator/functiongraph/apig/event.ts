/**
 * The HTTP request as the function's APIG event, and the function's answer as the HTTP reply.
 * The event follows the platform's documented sample (httpMethod, path, headers,
 * queryStringParameters, pathParameters, body, isBase64Encoded, requestContext {apiId,
 * requestId, stage}); fields marked [inferred] are not in that sample.
 */
import type { Reply, RequestContext } from "../../core/http";
import type { TriggerRecord } from "../models/trigger";
import { text } from "./match";

/** Header values as one string (repeated headers joined with ","), names lower-case. */
function flatHeaders(ctx: RequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

/** One value per name: the first of a repeated one [inferred]. */
function flatQuery(ctx: RequestContext): Record<string, string> {
  return Object.fromEntries(Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export function apigEvent(
  ctx: RequestContext,
  trigger: TriggerRecord,
  path: string,
  pathParameters: Record<string, string>,
  requestId: string,
) {
  return {
    // The gateway always base64-encodes the body it forwards (isBase64Encoded defaults to true).
    body: ctx.body.toString("base64"),
    requestContext: {
      // The platform's apiId is the API the trigger created; the emulator's API is the trigger itself [inferred].
      apiId: trigger.trigger_id,
      requestId,
      stage: text(trigger.event_data.env_name, "RELEASE"),
      sourceIp: ctx.req.socket.remoteAddress ?? "", // [inferred]
    },
    queryStringParameters: flatQuery(ctx),
    httpMethod: ctx.method,
    pathParameters,
    headers: flatHeaders(ctx),
    path,
    isBase64Encoded: true,
  };
}

export interface ApigResult {
  statusCode: number;
  headers?: Record<string, unknown>;
  body?: unknown;
  isBase64Encoded?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The function's return value if it is an APIG response; otherwise why not. */
export function parseResult(raw: string): ApigResult | string {
  let value: unknown;
  try {
    value = raw === "" ? undefined : JSON.parse(raw);
  } catch {
    return "the function's result is not JSON";
  }
  if (!isObject(value) || typeof value.statusCode !== "number" || !Number.isInteger(value.statusCode))
    return "the function must return {statusCode, headers, body, isBase64Encoded} for an APIG trigger";
  if (value.statusCode < 100 || value.statusCode > 599) return `statusCode ${value.statusCode} is not an HTTP status`;
  if (value.headers !== undefined && !isObject(value.headers)) return "headers must be an object";
  return value as unknown as ApigResult;
}

/** The reply for an APIG response; a non-string body is sent as its JSON [inferred]. */
export function replyOf(result: ApigResult): Reply {
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  const body = result.body;
  let payload: Buffer;
  if (body === undefined || body === null) payload = Buffer.alloc(0);
  else if (typeof body === "string") payload = Buffer.from(body, result.isBase64Encoded ? "base64" : "utf8");
  else payload = Buffer.from(JSON.stringify(body));
  return { status: result.statusCode, headers, body: payload };
}
