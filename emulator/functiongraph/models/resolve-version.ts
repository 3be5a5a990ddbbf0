/**
 * Which record runs when a qualified URN is invoked (docs/reference/functiongraph-api.md §2.1):
 * `latest` runs the live function, a version its frozen snapshot, an alias the version it routes
 * the request to — by rule (headers or cookies) first, then by weight, else its own version.
 */
import { LATEST } from "../../../platform/functiongraph/versions";
import type { FgEnv } from "../env";
import type { FunctionRef } from "../urn";
import { functionUrn } from "../urn";
import { getAlias, type AliasRecord } from "./alias";
import type { StrategyRule, VersionStrategy } from "./alias-routing";
import { getFunction, type FunctionRecord } from "./function";
import { routingRandom } from "./routing-random";
import { findVersion } from "./version";

export interface RunTarget {
  /** The record to execute (the live function or a version's snapshot). */
  fn: FunctionRecord;
  /** The version that runs: "latest" or a published name. */
  version: string;
  /** The URN of that version, as invocation records show it. */
  urn: string;
}

/** Request facts a rule can match; header names lower-case. */
export interface RouteInput {
  headers?: Record<string, string | string[] | undefined>;
}

function cookies(headers: RouteInput["headers"]): Record<string, string> {
  const raw = headers?.cookie;
  const text = Array.isArray(raw) ? raw.join("; ") : (raw ?? "");
  return Object.fromEntries(
    text
      .split(";")
      .map((c) => c.trim().split("="))
      .filter((kv) => kv[0] !== "")
      .map(([k, ...v]) => [k, v.join("=")]),
  );
}

function ruleMatches(rule: StrategyRule, input: RouteInput): boolean {
  const h = input.headers?.[rule.param.toLowerCase()];
  const actual = rule.rule_type === "cookie" ? cookies(input.headers)[rule.param] : Array.isArray(h) ? h[0] : h;
  if (actual === undefined) return false;
  return rule.op === "in"
    ? rule.value
        .split(",")
        .map((v) => v.trim())
        .includes(actual)
    : actual === rule.value;
}

function strategyMatches(s: VersionStrategy, input: RouteInput): boolean {
  const results = s.rules.map((r) => ruleMatches(r, input));
  return s.combine_type === "or" ? results.some(Boolean) : results.every(Boolean);
}

/** The version an alias sends this request to. */
export function routeAlias(env: FgEnv, alias: AliasRecord, input: RouteInput): string {
  for (const [version, s] of Object.entries(alias.additional_version_strategy ?? {}))
    if (strategyMatches(s, input)) return version;
  const weights = Object.entries(alias.additional_version_weights ?? {});
  if (weights.length === 0) return alias.version;
  const draw = routingRandom(env)() * 100;
  let upTo = 0;
  for (const [version, weight] of weights) {
    upTo += weight;
    if (draw < upTo) return version;
  }
  return alias.version;
}

/** Resolves a URN to the record to run; throws 404 FSS.1051/1052/1053 like the platform. */
export function resolveRun(env: FgEnv, projectId: string, ref: FunctionRef, input: RouteInput = {}): RunTarget {
  const live = getFunction(env, projectId, ref);
  const q = ref.qualifier;
  const version =
    q.kind === "latest"
      ? LATEST
      : q.kind === "version"
        ? q.version
        : routeAlias(env, getAlias(env, projectId, live, q.alias), input);
  const base = functionUrn(env.creds.region, projectId, live.package, live.func_name);
  if (version === LATEST) return { fn: live, version, urn: `${base}:${LATEST}` };
  const published = findVersion(env, projectId, live, version);
  // An alias never points at a missing version: deleting a routed version is refused (FSS.1094).
  if (!published) return { fn: live, version: LATEST, urn: `${base}:${LATEST}` };
  return { fn: published.snapshot, version, urn: `${base}:${version}` };
}
