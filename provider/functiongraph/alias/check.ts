/**
 * `check` for aliases: the definition's rules, then the rules that involve two properties —
 * weights or rules but not both, weights total at most 100, and an additional version that is
 * not the alias's own (the platform's FSS.1093). Zero HTTP calls.
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { containsUnknown } from "../../core/diff";
import { WEIGHTS_TOTAL_MAX } from "../../../platform/functiongraph/versions";
import { aliasDefinition } from "./definition";
import { AliasInputs } from "./schema";

function weightIssues(v: Partial<AliasInputs>): CheckFailure[] {
  const weights = v.additionalVersionWeights;
  if (!weights || containsUnknown(weights)) return [];
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  if (total <= WEIGHTS_TOTAL_MAX) return [];
  return [
    {
      property: "additionalVersionWeights",
      reason: `additionalVersionWeights must total at most ${WEIGHTS_TOTAL_MAX} percent (the rest runs version); got ${total}`,
    },
  ];
}

/** Additional versions must differ from the alias's own version. */
function ownVersionIssues(v: Partial<AliasInputs>): CheckFailure[] {
  if (typeof v.version !== "string" || containsUnknown(v.version)) return [];
  const out: CheckFailure[] = [];
  for (const property of ["additionalVersionWeights", "additionalVersionStrategy"] as const)
    if (v[property] && Object.keys(v[property] ?? {}).includes(v.version))
      out.push({
        property,
        reason: `${property} must not name the alias's own version "${v.version}": it already gets the rest of the traffic`,
      });
  return out;
}

export function crossFieldIssues(v: Partial<AliasInputs>, unknownKeys: Set<string>): CheckFailure[] {
  const has = (k: keyof AliasInputs) => v[k] !== undefined || unknownKeys.has(k);
  const out: CheckFailure[] = [];
  if (has("additionalVersionWeights") && has("additionalVersionStrategy"))
    out.push({
      property: "additionalVersionStrategy",
      reason:
        "set at most one of additionalVersionWeights and additionalVersionStrategy: an alias routes by weight or by rules",
    });
  return [...out, ...weightIssues(v), ...ownVersionIssues(v)];
}

export function checkAlias(news: AliasInputs): CheckResult<AliasInputs> {
  const { value, unknown, failures } = validateInputs<AliasInputs>(aliasDefinition, news);
  // One message per property: a cross-field rule adds nothing when the field itself is invalid.
  const failed = new Set(failures.map((f) => f.property));
  failures.push(...crossFieldIssues(value, new Set(Object.keys(unknown))).filter((f) => !failed.has(f.property)));
  return checkResult(dropUndefined({ ...value, ...unknown }) as AliasInputs, failures);
}
