/**
 * Validation of an alias's routing: `additional_version_weights` (weighted) and
 * `additional_version_strategy` (rule-based), with the platform's codes
 * (platform/functiongraph/versions.ts, docs/reference/functiongraph-api.md §10.3).
 */
import {
  STRATEGY_COMBINE_TYPES,
  STRATEGY_RULE_OPS,
  STRATEGY_RULE_TYPES,
  VERSION_ERRORS as E,
  WEIGHTS_TOTAL_MAX,
  WEIGHT_MAX,
  WEIGHT_MIN,
} from "../../../platform/functiongraph/versions";
import { FgError } from "../errors";

export interface StrategyRule {
  rule_type: string;
  param: string;
  op: string;
  value: string;
}
export interface VersionStrategy {
  rules: StrategyRule[];
  combine_type: string;
}
export type Weights = Record<string, number>;
export type Strategies = Record<string, VersionStrategy>;

const fail = (e: { status: number; code: string }, msg: string) => new FgError(e.status, e.code, msg);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || v === null || (isObject(v) && Object.keys(v).length === 0);

/** An additional version must exist and differ from the alias's own version. */
function checkAdditional(version: string, major: string, exists: (v: string) => boolean): void {
  if (version === major) throw fail(E.additionalIsMajor, `additional version ${version} is the alias's own version`);
  if (!exists(version)) throw fail(E.badAdditionalVersion, `additional version ${version} does not exist`);
}

export function checkWeights(raw: unknown, major: string, exists: (v: string) => boolean): Weights | undefined {
  if (isEmpty(raw)) return undefined;
  if (!isObject(raw)) throw fail(E.badRouting, "additional_version_weights must be an object of version → percent");
  let total = 0;
  for (const [version, weight] of Object.entries(raw)) {
    checkAdditional(version, major, exists);
    if (typeof weight !== "number" || !Number.isInteger(weight) || weight < WEIGHT_MIN || weight > WEIGHT_MAX)
      throw fail(E.badWeight, `weight of version ${version} must be an integer from ${WEIGHT_MIN} to ${WEIGHT_MAX}`);
    total += weight;
  }
  if (total > WEIGHTS_TOTAL_MAX) throw fail(E.badWeight, `weights add up to ${total}, more than ${WEIGHTS_TOTAL_MAX}`);
  return { ...(raw as Weights) };
}

const oneOf = (list: readonly string[], v: unknown) => typeof v === "string" && list.includes(v);

function checkRule(version: string, raw: unknown, i: number): StrategyRule {
  const where = `additional_version_strategy.${version}.rules[${i}]`;
  const r = isObject(raw) ? raw : {};
  if (!oneOf(STRATEGY_RULE_TYPES, r.rule_type))
    throw fail(E.badRouting, `${where}.rule_type must be one of ${STRATEGY_RULE_TYPES.join(", ")}`);
  if (!oneOf(STRATEGY_RULE_OPS, r.op))
    throw fail(E.badRouting, `${where}.op must be one of ${STRATEGY_RULE_OPS.join(", ")}`);
  for (const field of ["param", "value"] as const)
    if (typeof r[field] !== "string" || r[field] === "")
      throw fail(E.badRouting, `${where}.${field} must be a non-empty string`);
  return { rule_type: r.rule_type as string, param: r.param as string, op: r.op as string, value: r.value as string };
}

export function checkStrategy(raw: unknown, major: string, exists: (v: string) => boolean): Strategies | undefined {
  if (isEmpty(raw)) return undefined;
  if (!isObject(raw)) throw fail(E.badRouting, "additional_version_strategy must be an object of version → strategy");
  const out: Strategies = {};
  for (const [version, s] of Object.entries(raw)) {
    checkAdditional(version, major, exists);
    const strategy = isObject(s) ? s : {};
    if (!Array.isArray(strategy.rules) || strategy.rules.length === 0)
      throw fail(E.badRouting, `additional_version_strategy.${version}.rules must be a non-empty array`);
    const combine = strategy.combine_type ?? "and";
    if (!oneOf(STRATEGY_COMBINE_TYPES, combine))
      throw fail(E.badRouting, `combine_type must be one of ${STRATEGY_COMBINE_TYPES.join(", ")}`);
    out[version] = { rules: strategy.rules.map((r, i) => checkRule(version, r, i)), combine_type: combine as string };
  }
  return out;
}

/** Validated routing of an alias body; weights and a strategy together are refused. */
export function checkRouting(
  body: { additional_version_weights?: unknown; additional_version_strategy?: unknown },
  major: string,
  exists: (v: string) => boolean,
): { weights?: Weights; strategy?: Strategies } {
  const weights = checkWeights(body.additional_version_weights, major, exists);
  const strategy = checkStrategy(body.additional_version_strategy, major, exists);
  if (weights && strategy)
    throw fail(E.badRouting, "give additional_version_weights or additional_version_strategy, not both");
  return { ...(weights ? { weights } : {}), ...(strategy ? { strategy } : {}) };
}
