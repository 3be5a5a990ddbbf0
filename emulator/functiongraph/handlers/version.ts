/**
 * Versions and aliases (F11–F17, docs/reference/functiongraph-api.md §0, §1.4, §2.1): parse → model →
 * view. Deleting a version is F7 on a version URN (handlers/function.ts).
 */
import { VERSION_ERRORS as E } from "../../../platform/functiongraph/versions";
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import { PaginationError, paginateByMarker } from "../../core/paginate";
import type { FgEnv } from "../env";
import { FgError, fgErrors } from "../errors";
import { LIST_MAX_ITEMS } from "../limits";
import * as AL from "../models/alias";
import { getFunction } from "../models/function";
import { triggersOn } from "../models/trigger";
import { publishVersion, versionsOf } from "../models/version";
import { aliasView, versionConfigView, versionListItem } from "../models/version-views";
import { projectOf, refOf } from "./context";

function body(ctx: RequestContext): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJsonBody(ctx) ?? {};
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw fgErrors.invalid("request body must be a JSON object");
  return parsed as Record<string, unknown>;
}

function functionOf(env: FgEnv, ctx: RequestContext) {
  const pid = projectOf(env, ctx);
  return { pid, fn: getFunction(env, pid, refOf(env, ctx)) };
}

const aliasName = (ctx: RequestContext) => ctx.params.alias_name ?? "";

/** F11: publishes the latest code and config. */
export async function createFunctionVersion(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  return json(200, versionConfigView(env, publishVersion(env, pid, fn, body(ctx))));
}

/** F12: latest first, then the published versions oldest first, marker-as-offset pages (§1.4). */
export async function listFunctionVersions(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  const all = [versionListItem(env, fn), ...versionsOf(env, pid, fn).map((v) => versionListItem(env, fn, v))];
  try {
    const page = paginateByMarker(all, queryValue(ctx.query, "marker"), queryValue(ctx.query, "maxitems"), {
      maxLimit: LIST_MAX_ITEMS,
      defaultLimit: LIST_MAX_ITEMS,
    });
    return json(200, { versions: page.items, next_marker: page.nextMarker, count: page.count });
  } catch (err) {
    if (err instanceof PaginationError) throw fgErrors.badQuery(err.message);
    throw err;
  }
}

export async function createVersionAlias(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  return json(200, aliasView(env, fn, AL.createAlias(env, pid, fn, body(ctx))));
}

/** F14: a bare JSON array (§1.4). */
export async function listVersionAliases(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  return json(
    200,
    AL.aliasesOf(env, pid, fn).map((a) => aliasView(env, fn, a)),
  );
}

export async function showVersionAlias(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  return json(200, aliasView(env, fn, AL.getAlias(env, pid, fn, aliasName(ctx))));
}

export async function updateVersionAlias(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  return json(200, aliasView(env, fn, AL.updateAlias(env, pid, fn, aliasName(ctx), body(ctx))));
}

/** F17: refused while triggers are bound to the alias (403 FSS.1154). */
export async function deleteVersionAlias(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const { pid, fn } = functionOf(env, ctx);
  const name = aliasName(ctx);
  AL.getAlias(env, pid, fn, name);
  const bound = triggersOn(env, pid, { package: fn.package, name: fn.func_name }, `!${name}`);
  if (bound.length > 0)
    throw new FgError(
      E.aliasHasTriggers.status,
      E.aliasHasTriggers.code,
      `alias ${name} has ${bound.length} trigger(s); delete them first`,
    );
  AL.deleteAlias(env, pid, fn, name);
  return { status: 204 };
}
