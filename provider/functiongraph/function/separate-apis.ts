/**
 * The properties that have their own APIs: `maxInstances` (F10), `tags` (F18) and
 * `reservedInstances` (per qualifier). Each step is idempotent and reports what it applied
 * through `applied`, so a failure part-way leaves a state whose next diff finishes the job.
 */
import { deepEqual } from "../../core/diff";
import { MAX_INSTANCES_DEFAULT } from "../../../platform/functiongraph/function-config";
import type { FunctionGraphClient } from "../client";
import {
  ReservedBody,
  ReservedConfig,
  createTags,
  deleteTags,
  listReservedConfigs,
  listTags,
  ltsLogDetail,
  setMaxInstances,
  setReserved,
} from "./api-extras";
import { CONFIG_NORMALIZERS } from "./mapping-config";
import type { FunctionInputs, FunctionOutputs } from "./schema";

type Log = NonNullable<FunctionInputs["log"]>;

export interface Reserved {
  qualifier?: string;
  count: number;
  idleMode?: boolean;
  policies?: {
    scheduled?: { name: string; cron: string; count: number; startTime: number; expiredTime: number }[];
    metric?: { name: string; type: string; threshold: number; min: number }[];
  };
}

/** Records each applied value: `undefined` removes the property from the applied state. */
export type Applied = (prop: string, value: unknown) => void;

const qualifierOf = (r: Reserved) => r.qualifier ?? "latest";

export function reservedBody(r: Reserved): ReservedBody {
  return {
    count: r.count,
    idle_mode: r.idleMode ?? false,
    tactics_config: {
      cron_configs: (r.policies?.scheduled ?? []).map((s) => ({
        name: s.name,
        cron: s.cron,
        count: s.count,
        start_time: s.startTime,
        expired_time: s.expiredTime,
      })),
      metric_configs: (r.policies?.metric ?? []).map((m) => ({
        name: m.name,
        type: m.type,
        threshold: m.threshold,
        min: m.min,
      })),
    },
  };
}

/** F10: removing the property restores the platform default, as the docs promise. */
export async function applyMaxInstances(
  fg: FunctionGraphClient,
  urn: string,
  value: number | undefined,
  applied: Applied,
) {
  await setMaxInstances(fg, urn, value ?? MAX_INSTANCES_DEFAULT);
  applied("maxInstances", value);
}

/** F18: removed keys deleted first (then recorded), then new and changed keys created. */
export async function applyTags(
  fg: FunctionGraphClient,
  urn: string,
  olds: Record<string, string> | undefined,
  news: Record<string, string> | undefined,
  applied: Applied,
) {
  const before = olds ?? {};
  const after = news ?? {};
  const removed = Object.fromEntries(Object.entries(before).filter(([k]) => !(k in after)));
  const upserts = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
  if (Object.keys(removed).length > 0) {
    await deleteTags(fg, urn, removed);
    const kept = Object.fromEntries(Object.entries(before).filter(([k]) => k in after));
    applied("tags", news === undefined && Object.keys(kept).length === 0 ? undefined : kept);
  }
  if (Object.keys(upserts).length > 0) await createTags(fg, urn, upserts);
  applied("tags", news);
}

/** One PUT per qualifier whose entry changed; a removed entry gets count 0. */
export async function applyReserved(
  fg: FunctionGraphClient,
  urn: string,
  olds: Reserved[] | undefined,
  news: Reserved[] | undefined,
  applied: Applied,
) {
  const state = new Map((olds ?? []).map((r) => [qualifierOf(r), r]));
  const wanted = new Map((news ?? []).map((r) => [qualifierOf(r), r]));
  const same = (a?: Reserved, b?: Reserved) =>
    deepEqual(CONFIG_NORMALIZERS.reservedInstances(a && [a]), CONFIG_NORMALIZERS.reservedInstances(b && [b]));
  for (const qualifier of new Set([...state.keys(), ...wanted.keys()])) {
    const want = wanted.get(qualifier);
    if (same(state.get(qualifier), want)) continue;
    await setReserved(fg, urn, qualifier, reservedBody(want ?? { count: 0 }));
    if (want) state.set(qualifier, want);
    else state.delete(qualifier);
    applied("reservedInstances", state.size === 0 && news === undefined ? undefined : [...state.values()]);
  }
  applied("reservedInstances", news);
}

function fromReservedConfig(c: ReservedConfig): Reserved {
  const t = c.tactics_config ?? {};
  const scheduled = (t.cron_configs ?? []).map((s) => ({
    name: s.name,
    cron: s.cron,
    count: s.count,
    startTime: s.start_time,
    expiredTime: s.expired_time,
  }));
  const metric = (t.metric_configs ?? []).map((m) => ({
    name: m.name,
    type: m.type,
    threshold: m.threshold,
    min: m.min,
  }));
  return {
    qualifier: c.qualifier_name ?? "latest",
    count: c.min_count ?? 0,
    idleMode: c.idle_mode ?? false,
    ...(scheduled.length || metric.length ? { policies: { scheduled, metric } } : {}),
  };
}

/**
 * The extra reads a refresh makes, each only when the last state declared the property: tags,
 * reserved-instance configs of the declared qualifiers, and the LTS names.
 */
export async function readSeparate(
  fg: FunctionGraphClient,
  urn: string,
  old: Partial<FunctionOutputs>,
): Promise<Partial<FunctionOutputs>> {
  const out: Partial<FunctionOutputs> = {};
  if (old.tags !== undefined) {
    const tags = await listTags(fg, urn);
    out.tags = Object.keys(tags).length > 0 ? tags : undefined;
  }
  if (old.reservedInstances !== undefined) {
    // Only the qualifiers the program declared: another version's reservation is not ours to report.
    const declared = new Set(old.reservedInstances.map(qualifierOf));
    const live = (await listReservedConfigs(fg, urn))
      .map(fromReservedConfig)
      .filter((r) => declared.has(qualifierOf(r)));
    out.reservedInstances = live.length > 0 ? live : undefined;
  }
  return out;
}

/** LTS group and stream names come only from lts-log-detail; read when the state declares one. */
export async function readLogNames(
  fg: FunctionGraphClient,
  urn: string,
  live: Log | undefined,
  declared: Log | undefined,
): Promise<Log | undefined> {
  if (!live || !declared || (declared.groupName === undefined && declared.streamName === undefined)) return live;
  const detail = await ltsLogDetail(fg, urn);
  const name = (key: "groupName" | "streamName", value: string | null | undefined) =>
    declared[key] !== undefined && value ? { [key]: value } : {};
  return { ...live, ...name("groupName", detail.group_name), ...name("streamName", detail.stream_name) };
}
