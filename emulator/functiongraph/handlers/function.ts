/** Function handlers (F1–F7): parse → model → view. No business rules here. */
import { PaginationError, paginateByMarker } from "../../core/paginate";
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import { LIST_MAX_ITEMS } from "../limits";
import { checkDependencyRefs } from "../models/dependency-version";
import * as M from "../models/function";
import { deleteTriggersOf } from "../models/trigger";
import { deleteReservedOf } from "../models/reserved-instances";
import { deleteTagsOf } from "../models/tags";
import { codeView, configView, listItemView, updatedConfigView } from "../models/views";
import { createFunctionBody, parseBody, updateCodeBody, updateConfigBody } from "../schemas";
import { projectOf, refOf } from "./context";

function body(ctx: RequestContext): unknown {
  try {
    return parseJsonBody(ctx);
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
}

export async function createFunction(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const parsed = parseBody(createFunctionBody, body(ctx));
  checkDependencyRefs(env, pid, parsed.depend_version_list);
  const record = M.createFunction(env, pid, parsed);
  return json(200, configView(env, record));
}

export async function listFunctions(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const all = M.listFunctions(env, pid, queryValue(ctx.query, "package_name"));
  try {
    const page = paginateByMarker(all, queryValue(ctx.query, "marker"), queryValue(ctx.query, "maxitems"), {
      maxLimit: LIST_MAX_ITEMS,
      defaultLimit: LIST_MAX_ITEMS,
    });
    return json(200, {
      functions: page.items.map((f) => listItemView(env, f)),
      next_marker: page.nextMarker,
      count: page.count,
    });
  } catch (err) {
    if (err instanceof PaginationError) throw fgErrors.badQuery(err.message);
    throw err;
  }
}

export async function showFunctionConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, configView(env, M.getFunction(env, pid, refOf(env, ctx))));
}

export async function showFunctionCode(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, codeView(env, M.getFunction(env, pid, refOf(env, ctx))));
}

export async function updateFunctionConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const record = M.updateConfig(env, pid, refOf(env, ctx), parseBody(updateConfigBody, body(ctx)));
  return json(200, updatedConfigView(env, record));
}

export async function updateFunctionCode(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const ref = refOf(env, ctx);
  const parsed = parseBody(updateCodeBody, body(ctx));
  M.getFunction(env, pid, ref);
  checkDependencyRefs(env, pid, parsed.depend_version_list);
  const record = M.updateCode(env, pid, ref, parsed);
  return json(200, codeView(env, record));
}

export async function deleteFunction(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const ref = refOf(env, ctx);
  M.deleteFunction(env, pid, ref);
  // Deleting a function deletes its triggers (docs/reference/functiongraph-api.md §4.7).
  deleteTriggersOf(env, pid, ref);
  deleteTagsOf(env, pid, ref.package, ref.name);
  deleteReservedOf(env, pid, ref.package, ref.name);
  return { status: 204 };
}
