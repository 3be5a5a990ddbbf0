/**
 * How an Alias routes, as one readable line for a review: `live: v1 90% / v2 10% → v2 100%`. The
 * property table shows `version` and `additionalVersionWeights` as separate JSON cells, which
 * hides the one thing a reviewer of a canary step wants to know: who gets how much traffic.
 */
import { containsUnknown } from "../../provider/core/diff";
import { UNKNOWN_TEXT } from "./values";

const ALIAS_TOKEN = "cloudfn:functiongraph:Alias";

type Inputs = Record<string, unknown> | undefined;
type Weights = Record<string, number>;

/** `v1 90% / v2 10%`, `v1 100%`, `v1 / v2 by rules`; undefined when not known before the update. */
export function routingOf(inputs: Inputs): string | undefined {
  if (!inputs || typeof inputs.version !== "string") return undefined;
  const { version, additionalVersionWeights: weights, additionalVersionStrategy: strategy } = inputs;
  if (containsUnknown([version, weights, strategy])) return undefined;
  if (strategy && Object.keys(strategy).length > 0)
    return `${version} / ${Object.keys(strategy).sort().join(", ")} by rules`;
  const shares = Object.entries((weights ?? {}) as Weights)
    .filter(([, w]) => w > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const rest = 100 - shares.reduce((sum, [, w]) => sum + w, 0);
  return [`${version} ${rest}%`, ...shares.map(([v, w]) => `${v} ${w}%`)].join(" / ");
}

/** The routing line of an Alias step; undefined when routing did not change or it is not an Alias. */
export function routingChange(type: string, olds: Inputs, news: Inputs): string | undefined {
  if (type !== ALIAS_TOKEN) return undefined;
  const deleted = !news || Object.keys(news).length === 0;
  const before = routingOf(olds);
  const after = deleted ? "deleted" : (routingOf(news) ?? UNKNOWN_TEXT);
  if (before === after) return undefined;
  const name = news?.name ?? olds?.name;
  const prefix = typeof name === "string" ? `${name}: ` : "";
  return before === undefined ? `${prefix}${after}` : `${prefix}${before} → ${after}`;
}
