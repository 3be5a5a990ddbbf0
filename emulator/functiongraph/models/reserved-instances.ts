/**
 * Reserved instances per function qualifier (UpdateFunctionReservedInstancesCount,
 * ListReservedInstanceConfigs, ListFunctionReservedInstances of the official SDK; rules from
 * platform/functiongraph/function-config.ts). Stored under functiongraph → project →
 * "reservedInstances", keyed "package/name" then by qualifier suffix (`latest`, `1`, `!alias`).
 */
import * as C from "../../../platform/functiongraph/function-config";
import { PLATFORM, type FgEnv } from "../env";
import { fgErrors } from "../errors";
import type { FunctionRecord } from "./function";
import { qualifierSuffix, type QualifierName } from "./qualifier";

export interface CronPolicy {
  name: string;
  cron: string;
  count: number;
  start_time: number;
  expired_time: number;
}
export interface MetricPolicy {
  name: string;
  type: string;
  threshold: number;
  min: number;
}
export interface TacticsConfig {
  cron_configs?: CronPolicy[];
  metric_configs?: MetricPolicy[];
}

export interface ReservedRecord extends QualifierName {
  count: number;
  idle_mode: boolean;
  tactics_config: TacticsConfig;
}

type Reserved = Record<string, Record<string, ReservedRecord>>;

const fnKey = (fn: FunctionRecord) => `${fn.package}/${fn.func_name}`;

function reservedOf(env: FgEnv, projectId: string): Reserved {
  return env.store.bucket<Reserved>(PLATFORM, projectId, "reservedInstances", () => ({}));
}

const invalid = (problem: string | undefined) => {
  if (problem !== undefined) throw fgErrors.invalid(problem);
};

function checkPolicyName(field: string, name: unknown): void {
  if (typeof name !== "string" || !C.RESERVED_POLICY_NAME_RE.test(name))
    throw fgErrors.invalid(
      `${field} must be 1-60 letters, digits, '-' or '_', starting with a letter and ending with a letter or digit`,
    );
}

/** A policy may only raise the reserved count, never go below the base count. */
function checkCron(p: CronPolicy, i: number, base: number): void {
  checkPolicyName(`cron_configs[${i}].name`, p.name);
  if (typeof p.cron !== "string" || p.cron === "") throw fgErrors.invalid(`cron_configs[${i}].cron is required`);
  invalid(C.rangeProblem(`cron_configs[${i}].count`, p.count, base, C.RESERVED_INSTANCES_MAX));
  if (!Number.isInteger(p.start_time) || !Number.isInteger(p.expired_time) || p.expired_time <= p.start_time)
    throw fgErrors.invalid(`cron_configs[${i}]: start_time and expired_time are epoch seconds, expiry after start`);
}

function checkMetric(p: MetricPolicy, i: number, base: number): void {
  checkPolicyName(`metric_configs[${i}].name`, p.name);
  invalid(C.oneOfProblem(`metric_configs[${i}].type`, p.type, C.RESERVED_METRIC_TYPES));
  const { RESERVED_METRIC_THRESHOLD_MIN: tMin, RESERVED_METRIC_THRESHOLD_MAX: tMax } = C;
  invalid(C.rangeProblem(`metric_configs[${i}].threshold`, p.threshold, tMin, tMax));
  invalid(C.rangeProblem(`metric_configs[${i}].min`, p.min, base, C.RESERVED_INSTANCES_MAX));
}

export interface ReservedBody {
  count?: number;
  idle_mode?: boolean;
  tactics_config?: TacticsConfig;
}

function checkBody(body: ReservedBody): asserts body is ReservedBody & { count: number } {
  if (body.count === undefined) throw fgErrors.invalid("count is required");
  invalid(C.reservedCountProblem("count", body.count));
  if (body.idle_mode !== undefined && typeof body.idle_mode !== "boolean")
    throw fgErrors.invalid("idle_mode must be a boolean");
  (body.tactics_config?.cron_configs ?? []).forEach((p, i) => checkCron(p, i, body.count ?? 0));
  (body.tactics_config?.metric_configs ?? []).forEach((p, i) => checkMetric(p, i, body.count ?? 0));
}

/** Sets the reserved instances of one qualifier; count 0 without policies removes the setting. */
export function putReserved(
  env: FgEnv,
  projectId: string,
  fn: FunctionRecord,
  qualifier: QualifierName,
  body: ReservedBody,
): ReservedRecord {
  checkBody(body);
  const record: ReservedRecord = {
    ...qualifier,
    count: body.count,
    idle_mode: body.idle_mode ?? false,
    tactics_config: body.tactics_config ?? {},
  };
  const all = reservedOf(env, projectId);
  const mine = (all[fnKey(fn)] ??= {});
  const hasPolicies =
    (record.tactics_config.cron_configs?.length ?? 0) + (record.tactics_config.metric_configs?.length ?? 0) > 0;
  if (record.count === 0 && !hasPolicies) delete mine[qualifierSuffix(qualifier)];
  else mine[qualifierSuffix(qualifier)] = record;
  if (Object.keys(mine).length === 0) delete all[fnKey(fn)];
  env.store.commit();
  return record;
}

export function findReserved(
  env: FgEnv,
  projectId: string,
  fn: FunctionRecord,
  qualifier: QualifierName,
): ReservedRecord | undefined {
  return reservedOf(env, projectId)[fnKey(fn)]?.[qualifierSuffix(qualifier)];
}

/** Every reserved setting of the project, optionally of one function, with the function's key. */
export function listReserved(
  env: FgEnv,
  projectId: string,
  only?: { package: string; name: string },
): { fnKey: string; record: ReservedRecord }[] {
  return Object.entries(reservedOf(env, projectId))
    .filter(([k]) => only === undefined || k === `${only.package}/${only.name}`)
    .flatMap(([k, byQualifier]) => Object.values(byQualifier).map((record) => ({ fnKey: k, record })));
}

/** Deleting a function deletes its reserved instances. */
export function deleteReservedOf(env: FgEnv, projectId: string, pkg: string, name: string): void {
  delete reservedOf(env, projectId)[`${pkg}/${name}`];
  env.store.commit();
}
