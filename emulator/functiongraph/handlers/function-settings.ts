/**
 * Function settings with their own APIs: max instances (F10), tags (F18), LTS log detail and
 * enabling, reserved instances (paths and bodies of the official SDK's UpdateFunctionMaxInstanceConfig,
 * CreateTags, DeleteTags, ListFunctionTags, ShowProjectTagsList, ShowLtsLogDetails, EnableLtsLogs,
 * UpdateFunctionReservedInstancesCount, ListReservedInstanceConfigs, ListFunctionReservedInstances).
 * Parse → model → view.
 */
import { z } from "zod";
import { PaginationError, paginateByMarker } from "../../core/paginate";
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import { setMaxInstances } from "../models/function-settings";
import { projectLogGroup } from "../models/function-config";
import { getFunction } from "../models/function";
import { resolveQualifier } from "../models/qualifier";
import * as R from "../models/reserved-instances";
import * as T from "../models/tags";
import { updatedConfigView } from "../models/views";
import { parseBody } from "../schemas";
import { functionUrn, parseFunctionUrn } from "../urn";
import { projectOf, refOf } from "./context";

function body(ctx: RequestContext): unknown {
  try {
    return parseJsonBody(ctx) ?? {};
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
}

const maxInstanceBody = z.object({ max_instance_num: z.number().int() }).passthrough();
const tagsBody = z
  .object({ tags: z.array(z.object({ key: z.string(), value: z.string().optional() }).passthrough()) })
  .passthrough();
const policies = z
  .object({
    cron_configs: z
      .array(
        z
          .object({
            name: z.string(),
            cron: z.string(),
            count: z.number(),
            start_time: z.number(),
            expired_time: z.number(),
          })
          .passthrough(),
      )
      .optional(),
    metric_configs: z
      .array(z.object({ name: z.string(), type: z.string(), threshold: z.number(), min: z.number() }).passthrough())
      .optional(),
  })
  .passthrough();
const reservedBody = z
  .object({ count: z.number().optional(), idle_mode: z.boolean().optional(), tactics_config: policies.optional() })
  .passthrough();

/** F10: `{max_instance_num}` → the function object (read back as strategy_config.concurrency). */
export async function updateFunctionMaxInstanceConfig(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const { max_instance_num } = parseBody(maxInstanceBody, body(ctx));
  const record = setMaxInstances(env, pid, refOf(env, ctx), max_instance_num);
  return json(200, updatedConfigView(env, record));
}

export async function createTags(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const fn = getFunction(env, pid, refOf(env, ctx));
  const tags = parseBody(tagsBody, body(ctx)).tags.map((t) => ({ key: t.key, value: t.value ?? "" }));
  T.addTags(env, pid, fn, tags);
  return { status: 204 };
}

export async function deleteTags(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const fn = getFunction(env, pid, refOf(env, ctx));
  T.removeTags(
    env,
    pid,
    fn,
    parseBody(tagsBody, body(ctx)).tags.map((t) => t.key),
  );
  return { status: 204 };
}

/** System tags (`_sys_*`) are set by the platform; the emulator sets none. */
export async function listFunctionTags(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const fn = getFunction(env, pid, refOf(env, ctx));
  return json(200, { tags: T.tagsOf(env, pid, fn), sys_tags: [] });
}

export async function showProjectTagsList(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, { tags: T.projectTags(env, pid) });
}

/**
 * The function's LTS group and stream with their names. A function without logging answers
 * empty strings [inferred: the platform's answer for that case is not documented].
 */
export async function showLtsLogDetails(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const lts = getFunction(env, pid, refOf(env, ctx)).lts;
  return json(200, {
    group_name: lts?.group_name ?? "",
    group_id: lts?.group_id ?? "",
    stream_id: lts?.stream_id ?? "",
    stream_name: lts?.stream_name ?? "",
  });
}

/** Turns LTS on for the project: creates its default log group (idempotent). */
export async function enableLtsLogs(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  projectLogGroup(env, projectOf(env, ctx));
  return json(200, {});
}

export async function updateFunctionReservedInstancesCount(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const { fn, qualifier } = resolveQualifier(env, pid, refOf(env, ctx));
  const record = R.putReserved(env, pid, fn, qualifier, parseBody(reservedBody, body(ctx)));
  return json(200, { count: record.count, idle_mode: record.idle_mode, tactics_config: record.tactics_config });
}

/** marker/limit paging with page_info, as the other newer list APIs (A4) page. */
function paged<T>(items: T[], ctx: RequestContext) {
  try {
    const marker = queryValue(ctx.query, "marker");
    const p = paginateByMarker(items, marker, queryValue(ctx.query, "limit"), { defaultLimit: 10, maxLimit: 100 });
    const previous = Math.max(0, Number(marker ?? 0) - p.items.length);
    return {
      items: p.items,
      count: p.count,
      page_info: { next_marker: p.nextMarker, previous_marker: previous, current_count: p.items.length },
    };
  } catch (err) {
    if (err instanceof PaginationError) throw fgErrors.badQuery(err.message.replace("maxitems", "limit"));
    throw err;
  }
}

/** The function a query parameter names (any URN form), checked to exist. */
function functionFilter(env: FgEnv, pid: string, raw: string | undefined) {
  if (raw === undefined || raw === "") return undefined;
  const ref = parseFunctionUrn(raw);
  if (!ref) throw fgErrors.validation("FSS.1309", `invalid function URN ${JSON.stringify(raw)}`);
  const fn = getFunction(env, pid, { ...ref, qualifier: { kind: "latest" } });
  return { package: fn.package, name: fn.func_name };
}

const unqualifiedUrn = (env: FgEnv, fnKey: string) => {
  const [pkg, name] = fnKey.split("/");
  return functionUrn(env.creds.region, env.creds.projectId, pkg, name);
};

export async function listReservedInstanceConfigs(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const only = functionFilter(env, pid, queryValue(ctx.query, "function_urn"));
  const all = R.listReserved(env, pid, only).map(({ fnKey, record }) => ({
    function_urn: unqualifiedUrn(env, fnKey),
    qualifier_type: record.qualifier_type,
    qualifier_name: record.qualifier_name,
    min_count: record.count,
    idle_mode: record.idle_mode,
    tactics_config: record.tactics_config,
  }));
  const p = paged(all, ctx);
  return json(200, { reserved_instances: p.items, page_info: p.page_info, count: p.count });
}

export async function listFunctionReservedInstances(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const only = functionFilter(env, pid, queryValue(ctx.query, "urn"));
  const all = R.listReserved(env, pid, only).map(({ fnKey, record }) => ({
    func_urn: `${unqualifiedUrn(env, fnKey)}:${record.qualifier_type === "alias" ? "!" : ""}${record.qualifier_name}`,
    count: record.count,
  }));
  const p = paged(all, ctx);
  return json(200, { reservedinstances: p.items, page_info: p.page_info, count: p.count });
}
