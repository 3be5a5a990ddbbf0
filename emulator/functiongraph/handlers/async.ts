/**
 * Async invoke (F9), async-invoke config (A1–A4), async-invocation records (ListAsyncInvocations)
 * and the metrics report (M1, ListFunctionAsMetric). Parse → model → view; no business rules.
 */
import { PaginationError, paginateByMarker } from "../../core/paginate";
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import { rfc3339, type FgEnv } from "../env";
import { FgError, fgErrors } from "../errors";
import * as A from "../models/async-invoke-config";
import { getFunction } from "../models/function";
import { invocationsOf, type InvocationRecord } from "../models/invocation";
import { invokeAsync } from "../runtime/async-invoke";
import { latestUrn } from "../urn";
import { projectOf, refOf } from "./context";

/** Async event limit (docs/reference/functiongraph-api.md §3.12). */
export const ASYNC_EVENT_MAX_BYTES = 256 * 1024;

function page<T>(items: T[], ctx: RequestContext, defaultLimit: number, maxLimit: number) {
  try {
    return paginateByMarker(items, queryValue(ctx.query, "marker"), queryValue(ctx.query, "limit"), {
      defaultLimit,
      maxLimit,
    });
  } catch (err) {
    if (err instanceof PaginationError) throw fgErrors.badQuery(err.message.replace("maxitems", "limit"));
    throw err;
  }
}

function functionOf(env: FgEnv, ctx: RequestContext) {
  const pid = projectOf(env, ctx);
  return { pid, fn: getFunction(env, pid, refOf(env, ctx)) };
}

export async function asyncInvokeFunction(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { fn } = functionOf(env, ctx);
  if (ctx.body.length > ASYNC_EVENT_MAX_BYTES)
    throw new FgError(413, "FSS.1201", `the async event exceeds ${ASYNC_EVENT_MAX_BYTES / 1024} KB`);
  let event: unknown;
  try {
    event = parseJsonBody(ctx) ?? {};
  } catch {
    throw fgErrors.invalid("the event is not valid JSON");
  }
  const requestId = invokeAsync(
    env,
    latestUrn(env.creds.region, env.creds.projectId, fn.package, fn.func_name),
    event,
    "api",
  );
  return json(202, { request_id: requestId }, { "X-Cff-Request-Id": requestId });
}

export async function updateFunctionAsyncInvokeConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  let body: unknown;
  try {
    body = parseJsonBody(ctx) ?? {};
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw fgErrors.invalid("request body must be a JSON object");
  return json(200, A.asyncConfigView(env, fn, A.putAsyncConfig(env, pid, fn, body as Record<string, unknown>)));
}

export async function showFunctionAsyncInvokeConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  return json(200, A.asyncConfigView(env, fn, A.getAsyncConfig(env, pid, fn)));
}

export async function deleteFunctionAsyncInvokeConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  A.deleteAsyncConfig(env, pid, fn);
  return { status: 204 };
}

/** A4: configs of all versions; only `latest` exists in the emulator, so 0 or 1 items. */
export async function listFunctionAsyncInvokeConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  const marker = queryValue(ctx.query, "marker");
  if (marker !== undefined && marker.length > 64) throw fgErrors.badQuery("invalid marker: at most 64 characters");
  const found = A.findAsyncConfig(env, pid, fn);
  const all = found ? [A.asyncConfigView(env, fn, found)] : [];
  const p = page(all, ctx, 10, 100);
  const previous = Math.max(0, Number(marker ?? 0) - p.items.length);
  return json(200, {
    async_invoke_configs: p.items,
    count: p.count,
    page_info: { next_marker: p.nextMarker, previous_marker: previous, current_count: p.items.length },
  });
}

const RECORD_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?$/;

/** query_begin_time / query_end_time: `YYYY-MM-DDTHH:mm:ss`, UTC (SDK docs). */
function timeParam(ctx: RequestContext, name: string, fallback: Date): number {
  const raw = queryValue(ctx.query, name);
  if (raw === undefined || raw === "") return fallback.getTime();
  const t = RECORD_TIME.test(raw) ? Date.parse(raw.endsWith("Z") ? raw : `${raw}Z`) : NaN;
  if (Number.isNaN(t))
    throw fgErrors.badQuery(`invalid ${name} ${JSON.stringify(raw)}: expected YYYY-MM-DDTHH:mm:ss (UTC)`);
  return t;
}

const ASYNC_STATUSES = ["WAIT", "RUNNING", "SUCCESS", "FAIL", "DISCARD"];

function asyncRecordView(r: InvocationRecord) {
  return {
    request_id: r.request_id,
    status: r.status,
    error_message: r.error_message ?? "",
    error_code: r.error_code ?? 0,
    start_time: r.started_at,
    end_time: r.ended_at ?? "",
  };
}

/**
 * ListAsyncInvocations: the function's async requests, newest first, within the query window
 * (default: the last hour, per the SDK docs). Sync invocations are not async requests, so they
 * are not listed here; the control endpoint lists both.
 */
export async function listAsyncInvocations(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  const now = env.clock.now();
  const begin = timeParam(ctx, "query_begin_time", new Date(now.getTime() - 3600_000));
  const end = timeParam(ctx, "query_end_time", now);
  const status = queryValue(ctx.query, "status");
  if (status !== undefined && !ASYNC_STATUSES.includes(status))
    throw fgErrors.badQuery(`invalid status ${JSON.stringify(status)}; allowed: ${ASYNC_STATUSES.join(", ")}`);
  const requestId = queryValue(ctx.query, "request_id");
  const urn = latestUrn(env.creds.region, pid, fn.package, fn.func_name);
  const matching = invocationsOf(env, pid)
    .filter((r) => r.kind === "async" && r.func_urn === urn)
    .filter((r) => (requestId ? r.request_id === requestId : true) && (status ? r.status === status : true))
    .filter((r) => {
      const t = Date.parse(r.started_at);
      return t >= begin && t <= end;
    })
    .reverse();
  const p = page(matching, ctx, 100, 500);
  return json(200, { invocations: p.items.map(asyncRecordView), count: p.count, next_marker: p.nextMarker });
}

/**
 * Metric of one invocation for the report. `failcount` is the documented default; `count` and
 * `duration` (average ms) are accepted too [inferred: the type list is not documented].
 */
const METRICS: Record<string, (rs: InvocationRecord[]) => number> = {
  failcount: (rs) => rs.filter((r) => r.outcome === "error" || r.outcome === "timeout").length,
  count: (rs) => rs.filter((r) => r.outcome !== "pending" && r.outcome !== "rejected").length,
  rejectcount: (rs) => rs.filter((r) => r.outcome === "rejected").length,
  duration: (rs) => {
    const done = rs.filter((r) => r.outcome !== "pending" && r.outcome !== "discarded" && r.outcome !== "rejected");
    return done.length === 0 ? 0 : Math.round(done.reduce((s, r) => s + r.duration_ms, 0) / done.length);
  },
};

/** start_time / end_time: epoch milliseconds or an ISO 8601 time [inferred: format undocumented]. */
function reportTime(ctx: RequestContext, name: string, fallback: number): number {
  const raw = queryValue(ctx.query, name);
  if (raw === undefined || raw === "") return fallback;
  const t = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(t))
    throw fgErrors.badQuery(`invalid ${name} ${JSON.stringify(raw)}: expected epoch milliseconds or an ISO 8601 time`);
  return t;
}

/** M1: top functions by a metric over a window (default: failcount over the last day, top 10). */
export async function listFunctionAsMetric(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const type = queryValue(ctx.query, "type") || "failcount";
  const metric = METRICS[type];
  if (!metric)
    throw fgErrors.badQuery(`invalid type ${JSON.stringify(type)}; allowed: ${Object.keys(METRICS).join(", ")}`);
  const now = env.clock.now().getTime();
  const start = reportTime(ctx, "start_time", now - 86_400_000);
  const end = reportTime(ctx, "end_time", now);
  const rawLimit = queryValue(ctx.query, "limit");
  const limit = rawLimit === undefined || rawLimit === "" ? 10 : /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw fgErrors.badQuery(`invalid limit ${JSON.stringify(rawLimit)}: expected a positive integer`);
  const byFunction = new Map<string, InvocationRecord[]>();
  for (const r of invocationsOf(env, pid)) {
    const t = Date.parse(r.started_at);
    if (t < start || t > end) continue;
    byFunction.set(r.func_urn, [...(byFunction.get(r.func_urn) ?? []), r]);
  }
  const values = [...byFunction.entries()]
    .map(([key, rs]) => ({ key, value: metric(rs) }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key))
    .slice(0, limit);
  return json(200, { values, next_marker: values.length, count: values.length });
}

/** Control: GET /_emulator/functiongraph/invocations?function=<urn or name>&kind=sync|async. */
export async function controlListInvocations(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const fn = queryValue(ctx.query, "function");
  const kind = queryValue(ctx.query, "kind");
  const matches = (r: InvocationRecord) => {
    if (kind && (r.kind ?? "sync") !== kind) return false;
    if (!fn) return true;
    const name = r.func_urn.split(":")[6];
    return r.func_urn === fn || r.func_urn === `${fn}:latest` || name === fn;
  };
  return json(200, {
    invocations: invocationsOf(env, env.creds.projectId).filter(matches),
    now: rfc3339(env.clock.now()),
  });
}
