/**
 * Invocation and job records (docs/reference/minapp-api.md §3.2–§3.5): POST …/:name/job/ (sync or async), the legacy
 * POST /oserve/v1/cloud-function/job/, POST …/:name/debug/ and GET …/:name/job/.
 */
import { header, json, queryValue, type Reply, type RequestContext } from "../../core/http";
import { jsonObject, type JsonObject } from "../body";
import type { MinAppEnv } from "../env";
import { minappErrors } from "../errors";
import { getFunction, type CloudFunction } from "../models/cloud-function";
import { DEBUG_SUBJECTS, jobFilter, jobsOf, jobView } from "../models/job";
import { envKeyOf } from "../models/state";
import { paginate } from "../paginate";
import { envelope, startRun } from "../run";
import { baseUrlOf, sourceOf, targetOf } from "./context";

/** `sync` defaults to true; anything but a boolean is a 400. */
function syncFlag(body: JsonObject): boolean {
  if (body.sync === undefined) return true;
  if (typeof body.sync !== "boolean") throw minappErrors.invalid("sync must be a boolean");
  return body.sync;
}

/** `data` is optional (the body itself must be a JSON object, `{}` at least); default `{}`. */
const dataOf = (body: JsonObject) => (body.data === undefined ? {} : body.data);

function caller(ctx: RequestContext) {
  return { ipAddress: ctx.req.socket.remoteAddress ?? "", userAgent: header(ctx, "user-agent") ?? "" };
}

async function invoke(
  env: MinAppEnv,
  ctx: RequestContext,
  envKey: string,
  fn: CloudFunction,
  body: JsonObject,
): Promise<Reply> {
  const sync = syncFlag(body);
  const { done } = startRun(env, { envKey, fn, data: dataOf(body), source: sourceOf(ctx), sync, ...caller(ctx) });
  if (!sync) {
    // Fire and forget, like the platform: the job record tells how it ended.
    void done.catch(() => undefined);
    return json(200, { status: "ok" });
  }
  const { outcome } = await done;
  return json(200, envelope(outcome, env.limits.syncTimeoutMs, false));
}

export async function invokeCloudFunction(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const { envKey, name } = targetOf(env, ctx);
  const fn = getFunction(env, envKey, name);
  return invoke(env, ctx, envKey, fn, jsonObject(ctx));
}

/** Legacy form: the name travels in the body as `function_name` (§3.2). */
export async function invokeCloudFunctionV1(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const envKey = envKeyOf(env, ctx);
  const body = jsonObject(ctx);
  if (typeof body.function_name !== "string" || body.function_name === "")
    throw minappErrors.invalid("function_name must be a non-empty string");
  const fn = getFunction(env, envKey, body.function_name);
  return invoke(env, ctx, envKey, fn, body);
}

function subjectOf(body: JsonObject): string {
  const subject = body.subject ?? "sdk";
  if (typeof subject !== "string" || !DEBUG_SUBJECTS.includes(subject as never))
    throw minappErrors.invalid(`subject must be one of ${DEBUG_SUBJECTS.join(", ")}`);
  if (subject === "flex_schema" && !Number.isInteger(body.schema_id))
    throw minappErrors.invalid("schema_id (integer) is required when subject is flex_schema");
  return subject;
}

/**
 * A synchronous test run with the rich result (§3.4). Unknown fields (mincloud sends
 * `function_name` and `sync`) are ignored, as the real server does.
 */
export async function debugCloudFunction(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const { envKey, name } = targetOf(env, ctx);
  const fn = getFunction(env, envKey, name);
  const body = jsonObject(ctx);
  const source = subjectOf(body);
  const { job, outcome } = await startRun(env, { envKey, fn, data: dataOf(body), source, sync: true, ...caller(ctx) })
    .done;
  return json(200, {
    // Billed in 100 ms steps, 100 at least (every documented example shows 100).
    billing_time: Math.max(100, Math.ceil(outcome.durationMs / 100) * 100),
    ...envelope(outcome, env.limits.syncTimeoutMs, true),
    execution_time: Math.round(outcome.durationMs * 100) / 100,
    job_id: job.job_id,
    log: job.log,
    mem_usage: outcome.memUsage,
  });
}

export async function listCloudFunctionJobs(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const { envKey, name } = targetOf(env, ctx);
  const fn = getFunction(env, envKey, name);
  const filter = jobFilter(ctx.query);
  const jobs = jobsOf(env, envKey, fn).filter(filter.matches);
  const page = paginate(
    jobs,
    ctx.rawPath,
    { limit: queryValue(ctx.query, "limit"), offset: queryValue(ctx.query, "offset") },
    filter.given,
  );
  const base = baseUrlOf(ctx);
  return json(200, { meta: page.meta, objects: page.objects.map((j) => jobView(j, base)) });
}
