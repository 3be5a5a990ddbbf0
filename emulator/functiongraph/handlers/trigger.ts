/** Trigger handlers (T1–T7, docs/reference/functiongraph-api.md §4): parse → model → view; the scheduler hears of every change. */
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import { PaginationError, paginateByMarker } from "../../core/paginate";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import { LIST_MAX_ITEMS } from "../limits";
import { qualifierKey } from "../models/qualifier";
import * as T from "../models/trigger";
import { timersChanged } from "../triggers/scheduler";
import { functionUrn } from "../urn";
import { projectOf, refOf } from "./context";

function body(ctx: RequestContext): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(ctx);
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw fgErrors.invalid("request body must be a JSON object");
  return parsed as Record<string, unknown>;
}

const typeOf = (ctx: RequestContext) => ctx.params.trigger_type_code ?? "";
const idOf = (ctx: RequestContext) => ctx.params.trigger_id ?? "";

export async function createFunctionTrigger(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const record = T.createTrigger(env, pid, refOf(env, ctx), body(ctx));
  timersChanged(env);
  return json(201, T.triggerView(record));
}

/** T2: a bare array, no pagination (§1.4). */
export async function listFunctionTriggers(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, T.listTriggers(env, pid, refOf(env, ctx)).map(T.triggerView));
}

export async function showFunctionTrigger(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, T.triggerView(T.getTrigger(env, pid, refOf(env, ctx), typeOf(ctx), idOf(ctx))));
}

export async function updateTrigger(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const record = T.updateTrigger(env, pid, refOf(env, ctx), typeOf(ctx), idOf(ctx), body(ctx));
  timersChanged(env);
  return json(200, T.triggerView(record));
}

export async function deleteFunctionTrigger(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  T.deleteTrigger(env, pid, refOf(env, ctx), typeOf(ctx), idOf(ctx));
  timersChanged(env);
  return { status: 204 };
}

/**
 * T6: every trigger of the function; the function must exist. A qualified URN (version or alias)
 * deletes only that qualifier's triggers, as F7 does with versions.
 */
export async function batchDeleteFunctionTriggers(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const ref = refOf(env, ctx);
  T.listTriggers(env, pid, ref);
  if (ref.qualified) T.deleteTriggersOn(env, pid, ref, qualifierKey(ref.qualifier));
  else T.deleteTriggersOf(env, pid, ref);
  timersChanged(env);
  return { status: 204 };
}

/**
 * T7: every trigger of the project, marker-as-offset pages of `maxitems` (§1.4). Items add the
 * function's URN so a caller can address each trigger [inferred: the digest lists no item shape].
 */
export async function listProjectTriggers(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  try {
    const page = paginateByMarker(
      T.allTriggers(env, pid),
      queryValue(ctx.query, "marker"),
      queryValue(ctx.query, "maxitems"),
      { maxLimit: LIST_MAX_ITEMS, defaultLimit: LIST_MAX_ITEMS },
    );
    const items = page.items.map((t) => {
      const [pkg, name] = t.func_key.split("/");
      return { ...T.triggerView(t), func_urn: functionUrn(env.creds.region, pid, pkg, name) };
    });
    return json(200, { triggers: items, next_marker: page.nextMarker, count: page.count });
  } catch (err) {
    if (err instanceof PaginationError) throw fgErrors.badQuery(err.message);
    throw err;
  }
}
