/**
 * What the API gateway answers in front of an APIG trigger when it cannot hand the request to
 * the function: `{error_code, error_msg, request_id}`, with the codes and messages of APIG's
 * published error table (docs/reference/functiongraph-api.md §10 lists APIG.0101/0201/0301).
 */
import { json, type Reply, type RequestContext } from "../../core/http";

function apigError(ctx: RequestContext, status: number, code: string, msg: string, detail?: string): Reply {
  // The detail is the emulator's own hint (why it refused); the body stays the gateway's.
  const headers = detail ? { "X-Emulator-Detail": detail } : undefined;
  return json(status, { error_code: code, error_msg: msg, request_id: ctx.requestId }, headers);
}

export const apigErrors = {
  /** No API at this path in the group, or its trigger is DISABLED (the API is taken offline). */
  notPublished: (ctx: RequestContext, detail?: string) =>
    apigError(ctx, 404, "APIG.0101", "The API does not exist or has not been published in the environment.", detail),
  /** A path that exists for other methods only. */
  noMethod: (ctx: RequestContext) => apigError(ctx, 404, "APIG.0101", "The API does not exist."),
  iamAuth: (ctx: RequestContext, detail: string) =>
    apigError(ctx, 401, "APIG.0301", `Incorrect IAM authentication information: ${detail}`),
  appAuth: (ctx: RequestContext, detail: string) =>
    apigError(ctx, 401, "APIG.0303", `Incorrect app authentication information: ${detail}`),
  /** The function failed or returned something that is not an APIG response. */
  backendUnavailable: (ctx: RequestContext, detail: string) =>
    apigError(ctx, 502, "APIG.0202", "Backend unavailable.", detail),
  backendTimeout: (ctx: RequestContext, detail: string) => apigError(ctx, 504, "APIG.0203", "Backend timeout.", detail),
};
