/**
 * The function APIs beside create/config/code (docs/reference/functiongraph-api.md §0, F10 and
 * F18): max instances (F10), tags (F18), reserved instances and their configs, and the LTS log
 * detail. Paths and bodies follow the official SDK; responses are validated like the others.
 */
import { z } from "zod";
import { ValidationError } from "../../core/errors";
import type { FunctionGraphClient } from "../client";

const tagsSchema = z
  .object({
    tags: z.array(z.object({ key: z.string(), value: z.string().optional().nullable() }).passthrough()).optional(),
  })
  .passthrough();

const cronSchema = z
  .object({
    name: z.string(),
    cron: z.string(),
    count: z.number(),
    start_time: z.number(),
    expired_time: z.number(),
  })
  .passthrough();
const metricSchema = z
  .object({ name: z.string(), type: z.string(), threshold: z.number(), min: z.number() })
  .passthrough();
const tacticsSchema = z
  .object({
    cron_configs: z.array(cronSchema).optional().nullable(),
    metric_configs: z.array(metricSchema).optional().nullable(),
  })
  .passthrough();

export const reservedConfigSchema = z
  .object({
    qualifier_name: z.string().optional(),
    qualifier_type: z.string().optional(),
    min_count: z.number().optional(),
    idle_mode: z.boolean().optional().nullable(),
    tactics_config: tacticsSchema.optional().nullable(),
  })
  .passthrough();
export type ReservedConfig = z.infer<typeof reservedConfigSchema>;

const reservedListSchema = z
  .object({
    reserved_instances: z.array(reservedConfigSchema).optional().nullable(),
    page_info: z
      .object({ next_marker: z.union([z.number(), z.string()]).optional().nullable() })
      .passthrough()
      .optional(),
  })
  .passthrough();

const ltsDetailSchema = z
  .object({
    group_id: z.string().optional().nullable(),
    group_name: z.string().optional().nullable(),
    stream_id: z.string().optional().nullable(),
    stream_name: z.string().optional().nullable(),
  })
  .passthrough();
export type LtsDetail = z.infer<typeof ltsDetailSchema>;

export interface ReservedBody {
  count: number;
  idle_mode: boolean;
  tactics_config: { cron_configs: unknown[]; metric_configs: unknown[] };
}

/** `urn` is unqualified everywhere except the reserved-instances PUT, which names its qualifier. */
export const setMaxInstances = (fg: FunctionGraphClient, urn: string, n: number) =>
  fg.call("PUT", fg.fgsPath(`/functions/${urn}/config-max-instance`), z.unknown(), "UpdateFunctionMaxInstanceConfig", {
    max_instance_num: n,
  });

export async function listTags(fg: FunctionGraphClient, urn: string): Promise<Record<string, string>> {
  const res = await fg.call("GET", fg.projectPath(`/functions/${urn}/tags`), tagsSchema, "ListFunctionTags");
  return Object.fromEntries((res.tags ?? []).map((t) => [t.key, t.value ?? ""]));
}

const tagItems = (tags: Record<string, string>) => Object.entries(tags).map(([key, value]) => ({ key, value }));
export const createTags = (fg: FunctionGraphClient, urn: string, tags: Record<string, string>) =>
  fg.call("POST", fg.projectPath(`/functions/${urn}/tags/create`), z.unknown(), "CreateTags", { tags: tagItems(tags) });
export const deleteTags = (fg: FunctionGraphClient, urn: string, tags: Record<string, string>) =>
  fg.call("DELETE", fg.projectPath(`/functions/${urn}/tags/delete`), z.unknown(), "DeleteTags", {
    tags: tagItems(tags),
  });

export const setReserved = (fg: FunctionGraphClient, urn: string, qualifier: string, body: ReservedBody) =>
  fg.call(
    "PUT",
    fg.fgsPath(`/functions/${urn}:${qualifier}/reservedinstances`),
    z.unknown(),
    "UpdateFunctionReservedInstancesCount",
    body,
  );

const PAGE = 100;

/** Every reserved-instance config of the function, following the marker (a few pages at most). */
export async function listReservedConfigs(fg: FunctionGraphClient, urn: string): Promise<ReservedConfig[]> {
  const out: ReservedConfig[] = [];
  let marker = "0";
  for (let page = 0; page < 50; page++) {
    const query = `function_urn=${encodeURIComponent(urn)}&marker=${marker}&limit=${PAGE}`;
    const res = await fg.call(
      "GET",
      fg.fgsPath(`/functions/reservedinstanceconfigs?${query}`),
      reservedListSchema,
      "ListReservedInstanceConfigs",
    );
    const items = res.reserved_instances ?? [];
    out.push(...items);
    const next = res.page_info?.next_marker;
    if (items.length < PAGE || next === undefined || next === null || String(next) === marker || String(next) === "0")
      break;
    marker = String(next);
  }
  return out;
}

export const ltsLogDetail = (fg: FunctionGraphClient, urn: string): Promise<LtsDetail> =>
  fg.call("GET", fg.fgsPath(`/functions/${urn}/lts-log-detail`), ltsDetailSchema, "ShowLtsLogDetails");

/**
 * Turns LTS on for the project (once per project, not per function). The platform answers 400
 * FSS.1221 when it is on already, which is what we wanted.
 */
export async function enableLtsLogs(fg: FunctionGraphClient): Promise<void> {
  try {
    await fg.call("POST", fg.fgsPath("/functions/enable-lts-logs"), z.unknown(), "EnableLtsLogs", {});
  } catch (e) {
    if (!(e instanceof ValidationError && e.code === "FSS.1221")) throw e;
  }
}

/** Auto-created log groups need LTS on for the project: asked for when `log: {}` is newly declared. */
export const needsLtsEnable = (olds: { log?: { groupId?: string } }, news: { log?: { groupId?: string } }) =>
  news.log !== undefined &&
  news.log.groupId === undefined &&
  (olds.log === undefined || olds.log.groupId !== undefined);
