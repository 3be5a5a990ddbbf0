/**
 * APIG triggers serving HTTP on the emulator's port (see invoke-url.ts for the address). One
 * request: find the API (group, stage, path, method), check the trigger's status and auth,
 * run the function synchronously with the APIG event, and turn its answer into the response.
 * Gateway refusals use APIG's codes (errors.ts); a failing function answers 502, a function or
 * gateway timeout (event_data.func_info.timeout, ms) 504.
 */
import { header, type Reply, type RequestContext } from "../../core/http";
import type { ControlRoute } from "../../core/platform";
import { checkIamCredentials, checkSignedWith } from "../auth";
import { PLATFORM, type FgEnv } from "../env";
import { FgError } from "../errors";
import { executeFunction } from "../handlers/invoke";
import { functionsOf, type FunctionRecord } from "../models/function";
import { resolveRun } from "../models/resolve-version";
import { functionUrn, parseFunctionUrn } from "../urn";
import { allTriggers } from "../models/trigger";
import type { InvokeOutcome } from "../runtime/executor";
import { apigErrors } from "./errors";
import { apigEvent, parseResult, replyOf } from "./event";
import { APIG_PREFIX, APIG_TYPES } from "./invoke-url";
import { matchPath, methodMatches, rank, text, type Candidate } from "./match";

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The API path of a request: what follows the prefix and the group id, decoded per segment. */
function apiPath(rawPath: string): string {
  const rest = rawPath
    .slice(APIG_PREFIX.length + 1)
    .split("/")
    .slice(1);
  return `/${rest.map(decode).join("/")}`;
}

function candidates(env: FgEnv, groupId: string, path: string): Candidate[] {
  const out: Candidate[] = [];
  for (const projectId of env.store.projects(PLATFORM)) {
    for (const trigger of allTriggers(env, projectId)) {
      const data = trigger.event_data;
      if (!APIG_TYPES.includes(trigger.trigger_type_code) || data.group_id !== groupId) continue;
      const match = matchPath(text(data.path, "/"), path, data.match_mode === "SWA");
      if (match) out.push({ projectId, trigger, match });
    }
  }
  return rank(out);
}

/** The API's auth: NONE, APP (AppCode header or app signature) or IAM (token or AK/SK). */
function authRefusal(env: FgEnv, ctx: RequestContext, auth: unknown): Reply | undefined {
  const detail = (err: unknown) => (err instanceof FgError ? err.message.replace(/^[^:]*: /, "") : String(err));
  try {
    if (auth === "IAM") checkIamCredentials(env, ctx);
    if (auth !== "APP") return undefined;
  } catch (err) {
    return apigErrors.iamAuth(ctx, detail(err));
  }
  const code = header(ctx, "x-apig-appcode");
  if (code !== undefined) return code === env.apigApp.code ? undefined : apigErrors.appAuth(ctx, "app code");
  if (header(ctx, "authorization") === undefined) return apigErrors.appAuth(ctx, "authorization not found");
  try {
    checkSignedWith(env, ctx, env.apigApp.key, env.apigApp.secret);
    return undefined;
  } catch (err) {
    return apigErrors.appAuth(ctx, detail(err));
  }
}

/** Runs the function, giving up after the gateway's own timeout (func_info.timeout ms). */
async function runWithin(run: Promise<InvokeOutcome>, timeoutMs: number): Promise<InvokeOutcome | "gateway"> {
  if (!(timeoutMs > 0)) return run;
  let timer: NodeJS.Timeout | undefined;
  const gateway = new Promise<"gateway">((resolve) => (timer = setTimeout(() => resolve("gateway"), timeoutMs)));
  try {
    return await Promise.race([run, gateway]);
  } finally {
    clearTimeout(timer);
  }
}

function qualifiedTarget(env: FgEnv, projectId: string, live: FunctionRecord, qualifier: string, ctx: RequestContext) {
  const urn = `${functionUrn(env.creds.region, projectId, live.package, live.func_name)}:${qualifier}`;
  const ref = parseFunctionUrn(urn);
  if (!ref) return { fn: live, ran: undefined };
  const target = resolveRun(env, projectId, ref, { headers: ctx.headers });
  return { fn: target.fn, ran: target };
}

async function invokeApi(env: FgEnv, ctx: RequestContext, found: Candidate, path: string): Promise<Reply> {
  const { projectId, trigger } = found;
  const live = functionsOf(env, projectId)[trigger.func_key];
  if (!live) return apigErrors.backendUnavailable(ctx, "the trigger's function no longer exists");
  // A trigger of a version or alias runs that version (an alias routes each request).
  const target = trigger.qualifier
    ? qualifiedTarget(env, projectId, live, trigger.qualifier, ctx)
    : { fn: live, ran: undefined };
  const event = apigEvent(ctx, trigger, path, found.match.pathParameters, ctx.requestId);
  const run = executeFunction(env, projectId, target.fn, event, target.ran).then((r) => r.outcome);
  const funcInfo = trigger.event_data.func_info as { timeout?: unknown } | undefined;
  let outcome: InvokeOutcome | "gateway";
  try {
    outcome = await runWithin(run, Number(funcInfo?.timeout ?? 0));
  } catch (err) {
    // The platform refuses the call (e.g. a runtime the emulator cannot run).
    return apigErrors.backendUnavailable(ctx, err instanceof Error ? err.message : String(err));
  }
  if (outcome === "gateway") {
    run.catch(() => undefined);
    return apigErrors.backendTimeout(ctx, `no answer within func_info.timeout ${String(funcInfo?.timeout)} ms`);
  }
  if (outcome.kind === "timeout")
    return apigErrors.backendTimeout(ctx, `function timed out after ${target.fn.timeout}s`);
  if (outcome.kind === "error")
    return apigErrors.backendUnavailable(ctx, `function error: ${outcome.error.errorMessage}`);
  const result = parseResult(outcome.result);
  return typeof result === "string" ? apigErrors.backendUnavailable(ctx, result) : replyOf(result);
}

/** One HTTP request to an APIG trigger. */
export async function serveApig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const path = apiPath(ctx.rawPath);
  const stage = header(ctx, "x-stage") ?? "RELEASE";
  const atPath = candidates(env, ctx.params.group_id ?? "", path).filter(
    (c) => text(c.trigger.event_data.env_name, "RELEASE") === stage,
  );
  if (atPath.length === 0) return apigErrors.notPublished(ctx);
  const forMethod = atPath.filter((c) => methodMatches(c.trigger.event_data.req_method, ctx.method));
  if (forMethod.length === 0) return apigErrors.noMethod(ctx);
  // A DISABLED trigger's API is offline: the gateway no longer knows it.
  const found = forMethod.find((c) => c.trigger.trigger_status !== "DISABLED");
  if (!found) return apigErrors.notPublished(ctx, "the APIG trigger is DISABLED");
  return authRefusal(env, ctx, found.trigger.event_data.auth) ?? invokeApi(env, ctx, found, path);
}

export function apigRoutes(env: FgEnv): ControlRoute[] {
  return METHODS.flatMap((method) =>
    [`${APIG_PREFIX}/:group_id`, `${APIG_PREFIX}/:group_id/*`].map((path) => ({
      method,
      path,
      handler: (ctx: RequestContext) => serveApig(env, ctx),
    })),
  );
}
