/** Dependency version handlers (D1–D5): parse → model → view. */
import { PaginationError, paginateByMarker } from "../../core/paginate";
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import { LIST_MAX_ITEMS } from "../limits";
import * as M from "../models/dependency-version";
import {
  dependencyListItemView,
  versionDetailView,
  versionListItemView,
  versionView,
} from "../models/dependency-version-views";
import { createDependencyVersionBody, parseBody } from "../schemas";
import { projectOf } from "./context";

function body(ctx: RequestContext): unknown {
  try {
    return parseJsonBody(ctx);
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
}

/** Marker-as-offset paging (docs/reference/functiongraph-api.md §1.4); D2 also takes `limit`, which maxitems overrides. */
function page<T>(ctx: RequestContext, items: T[], fallbackLimit?: string) {
  try {
    const limit = queryValue(ctx.query, "maxitems") ?? fallbackLimit;
    return paginateByMarker(items, queryValue(ctx.query, "marker"), limit, {
      maxLimit: LIST_MAX_ITEMS,
      defaultLimit: LIST_MAX_ITEMS,
    });
  } catch (err) {
    if (err instanceof PaginationError) throw fgErrors.badQuery(err.message);
    throw err;
  }
}

export async function createDependencyVersion(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const { dep, version } = M.createDependencyVersion(env, pid, parseBody(createDependencyVersionBody, body(ctx)));
  return json(200, versionView(env, dep, version));
}

export async function listDependencies(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const type = queryValue(ctx.query, "dependency_type") ?? "all";
  if (!["all", "private", "public"].includes(type)) throw fgErrors.badQuery(`invalid dependency_type: ${type}`);
  const isPublic = queryValue(ctx.query, "ispublic") === "true" || type === "public";
  // The emulator has no built-in public dependencies, so a public-only listing is empty.
  const all = isPublic
    ? []
    : M.listDependencies(env, pid, { name: queryValue(ctx.query, "name"), runtime: queryValue(ctx.query, "runtime") });
  const p = page(ctx, all, queryValue(ctx.query, "limit"));
  // listDependencies keeps only dependencies that have a version, so nothing is dropped here.
  const items = p.items.flatMap((d) => {
    const latest = M.latestVersion(d);
    return latest ? [dependencyListItemView(env, d, latest)] : [];
  });
  return json(200, { dependencies: items, next_marker: p.nextMarker, count: p.count });
}

export async function listDependencyVersion(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const dep = M.getDependency(env, pid, ctx.params.depend_id ?? "");
  const p = page(ctx, M.listVersions(dep));
  return json(200, {
    dependencies: p.items.map((v) => versionListItemView(env, dep, v)),
    next_marker: p.nextMarker,
    count: p.count,
  });
}

export async function showDependencyVersion(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const depId = ctx.params.depend_id ?? "";
  const version = M.getDependencyVersion(env, pid, depId, ctx.params.version ?? "");
  return json(200, versionDetailView(env, M.getDependency(env, pid, depId), version));
}

export async function deleteDependencyVersion(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  M.deleteDependencyVersion(env, pid, ctx.params.depend_id ?? "", ctx.params.version ?? "");
  return { status: 204 };
}
