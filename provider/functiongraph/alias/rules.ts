/**
 * The zod rules of `cloudfn:functiongraph:Alias`'s properties (docs/reference/functiongraph-api.md
 * §0, §2.1), with the platform's name, weight and routing-rule facts (platform/functiongraph/versions.ts).
 * Rules that involve two properties (weights vs strategy vs version) are in ./check.ts.
 */
import { z } from "zod";
import { knownFieldsOnly, oneOfRule } from "../../core/rules";
import {
  LATEST,
  STRATEGY_COMBINE_TYPES,
  STRATEGY_RULE_OPS,
  STRATEGY_RULE_TYPES,
  VERSION_DESCRIPTION_MAX_LENGTH,
  WEIGHT_MAX,
  WEIGHT_MIN,
  aliasNameProblem,
  versionNameProblem,
} from "../../../platform/functiongraph/versions";
import { functionUrnField } from "../async-invoke-config/rules";

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

/** A version an alias may route to: a published version's name or `latest`. */
function versionRef(property: string) {
  return str(property).superRefine((v, ctx) => {
    const problem = v === LATEST ? undefined : versionNameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: `${property}: ${problem}; got "${v}"` });
  });
}

const weight = z
  .number({ invalid_type_error: "additionalVersionWeights values must be numbers (percent)" })
  .int("additionalVersionWeights values must be whole percents")
  .min(WEIGHT_MIN, `additionalVersionWeights values must be ${WEIGHT_MIN}-${WEIGHT_MAX}`)
  .max(WEIGHT_MAX, `additionalVersionWeights values must be ${WEIGHT_MIN}-${WEIGHT_MAX}`);

const ruleObject = z.object({
  ruleType: oneOfRule("additionalVersionStrategy rules[].ruleType", STRATEGY_RULE_TYPES),
  param: str("additionalVersionStrategy rules[].param").min(
    1,
    "additionalVersionStrategy rules[].param must not be empty",
  ),
  op: oneOfRule("additionalVersionStrategy rules[].op", STRATEGY_RULE_OPS),
  value: str("additionalVersionStrategy rules[].value").min(
    1,
    "additionalVersionStrategy rules[].value must not be empty",
  ),
});

const strategyObject = z.object({
  rules: z
    .array(knownFieldsOnly(ruleObject, "additionalVersionStrategy rules[]"), {
      required_error: "additionalVersionStrategy: each version needs rules",
      invalid_type_error: "additionalVersionStrategy rules must be a list",
    })
    .min(1, "additionalVersionStrategy: each version needs at least one rule"),
  combineType: oneOfRule("additionalVersionStrategy combineType", STRATEGY_COMBINE_TYPES).optional(),
});

/** Keys of both routing maps are version names. */
function versionKeys<T extends z.ZodTypeAny>(property: string, value: T) {
  return z
    .record(value, { invalid_type_error: `${property} must be an object keyed by version name` })
    .superRefine((map, ctx) => {
      for (const key of Object.keys(map)) {
        const problem = versionNameProblem(key);
        if (problem) ctx.addIssue({ code: "custom", message: `${property}: key "${key}": ${problem}` });
      }
    });
}

export const rules = {
  functionUrn: functionUrnField("functionUrn"),
  name: str("name").superRefine((v, ctx) => {
    const problem = aliasNameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: `name: ${problem}; got "${v}"` });
  }),
  version: versionRef("version"),
  description: str("description").refine(
    (v) => v.length <= VERSION_DESCRIPTION_MAX_LENGTH,
    (v) => ({ message: `description must be at most ${VERSION_DESCRIPTION_MAX_LENGTH} characters; got ${v.length}` }),
  ),
  additionalVersionWeights: versionKeys("additionalVersionWeights", weight),
  additionalVersionStrategy: versionKeys(
    "additionalVersionStrategy",
    knownFieldsOnly(strategyObject, "additionalVersionStrategy"),
  ),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
};

/** One routing rule as the program writes it. */
export interface RuleInputs {
  ruleType: string;
  param: string;
  op: string;
  value: string;
}
export interface StrategyInputs {
  rules: RuleInputs[];
  combineType?: string;
}
