/**
 * The production-function fields of the function record (docs/reference/functiongraph-api.md §3.2,
 * §3.3, §3.8): how F1/F4 store them and what F3 computes from them. Most fields are stored as sent
 * (in the record's `extra`) and echoed; the ones below are computed:
 * - `log_config` is not echoed: it becomes `log_group_id`/`log_stream_id` (names are only served
 *   by `lts-log-detail`), and `enable_lts_log: true` without `log_config` auto-creates them;
 * - `func_vpc.is_safety` and every mount's `status` are filled in as the service reports them;
 * - `strategy_config` defaults to concurrency 400 (v2) and concurrent_num 1;
 * - `ephemeral_storage` reports 512 when not set.
 */
import {
  CONCURRENT_NUM_DEFAULT,
  EPHEMERAL_STORAGE_DEFAULT_MB,
  MAX_INSTANCES_DEFAULT,
} from "../../../platform/functiongraph/function-config";
import { PLATFORM, type FgEnv } from "../env";
import type { LogConfig } from "../schemas-config";

/** The LTS group and stream a function logs to (ids and names, as `lts-log-detail` serves them). */
export interface LtsBinding {
  group_id: string;
  group_name: string;
  stream_id: string;
  stream_name: string;
}

interface ProjectLts {
  group_id: string;
  group_name: string;
}

/**
 * The project's default log group: created by EnableLtsLogs or by the first function that turns
 * LTS on without naming a group. Its name is our choice [inferred: the platform's is not documented].
 */
export function projectLogGroup(env: FgEnv, projectId: string): ProjectLts {
  const bucket = env.store.bucket<Partial<ProjectLts>>(PLATFORM, projectId, "lts", () => ({}));
  if (!bucket.group_id) {
    bucket.group_id = env.ids.uuid();
    bucket.group_name = `functiongraph.log.group.${projectId.slice(0, 8)}`;
    env.store.commit();
  }
  return bucket as ProjectLts;
}

/**
 * What a create or update body says about LTS: its log_config, else (enable_lts_log without one)
 * the binding the function already has or a new stream in the project's default group. Neither
 * → no binding: F4 is a full replacement, so leaving both out turns logging off.
 */
export function ltsBindingOf(
  env: FgEnv,
  projectId: string,
  funcName: string,
  body: { log_config?: LogConfig; enable_lts_log?: boolean },
  previous: LtsBinding | undefined,
): LtsBinding | undefined {
  const given = body.log_config;
  if (given?.group_id || given?.stream_id) {
    return {
      group_id: given.group_id ?? "",
      group_name: given.group_name ?? "",
      stream_id: given.stream_id ?? "",
      stream_name: given.stream_name ?? "",
    };
  }
  if (body.enable_lts_log !== true) return undefined;
  if (previous) return previous;
  const group = projectLogGroup(env, projectId);
  return { ...group, stream_id: env.ids.uuid(), stream_name: funcName };
}

/**
 * strategy_config on F4: max instances belongs to F10 (config-max-instance), so an F4 that leaves
 * `strategy_config` out, or sends it without `concurrency`, keeps the current value; likewise an
 * omitted `concurrent_num` keeps the current per-instance concurrency. Every other optional field
 * of F4 is cleared when omitted (§3.8), except enterprise_project_id (moving a function between
 * enterprise projects is its own operation on the platform) and `type` (immutable).
 */
export function mergedStrategy(
  current: Record<string, unknown> | undefined,
  given: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return { concurrency: MAX_INSTANCES_DEFAULT, concurrent_num: CONCURRENT_NUM_DEFAULT, ...current, ...given };
}

type Extra = Record<string, unknown>;

function withStatus(mountConfig: unknown): unknown {
  const config = mountConfig as { func_mounts?: Record<string, unknown>[] };
  if (!Array.isArray(config.func_mounts)) return mountConfig;
  return { ...config, func_mounts: config.func_mounts.map((m) => ({ ...m, status: m.status ?? "ACTIVE" })) };
}

/** The computed part of the function object (merged over the stored extras by the views). */
export function configOutputs(
  extra: Extra,
  lts: LtsBinding | undefined,
  reserved: { count: number; idle_mode: boolean },
): Extra {
  const { log_config: _hidden, ...shown } = extra;
  return {
    ...shown,
    ...(extra.func_vpc ? { func_vpc: { is_safety: false, ...(extra.func_vpc as Extra) } } : {}),
    ...(extra.mount_config ? { mount_config: withStatus(extra.mount_config) } : {}),
    ephemeral_storage: extra.ephemeral_storage ?? EPHEMERAL_STORAGE_DEFAULT_MB,
    enable_lts_log: lts !== undefined,
    ...(lts ? { log_group_id: lts.group_id, log_stream_id: lts.stream_id } : {}),
    reserved_instance_count: reserved.count,
    reserved_instance_idle_mode: reserved.idle_mode,
  };
}
