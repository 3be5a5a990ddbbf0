/**
 * `cloudfn:functiongraph:Alias`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts and ./check.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { adoptInput } from "../../core/adopt-inputs";
import {
  STRATEGY_COMBINE_TYPES,
  STRATEGY_RULE_OPS,
  STRATEGY_RULE_TYPES,
} from "../../../platform/functiongraph/versions";
import { rules } from "./rules";

const routingRule = t.object(
  "AliasRoutingRule",
  "One condition on a request: a header or cookie compared with a value.",
  {
    ruleType: { type: t.enum(STRATEGY_RULE_TYPES), required: true, doc: "`header` or `cookie`." },
    param: { type: t.string(), required: true, doc: "Name of the header or cookie." },
    op: {
      type: t.enum(STRATEGY_RULE_OPS),
      required: true,
      doc: "`=` (equals) or `in` (one of a comma-separated list).",
    },
    value: { type: t.string(), required: true, doc: "The value, or for `in` the comma-separated values." },
  },
);

const strategy = t.object(
  "AliasVersionStrategy",
  "Rule-based routing to one additional version: requests that match the rules run that version.",
  {
    rules: { type: t.array(routingRule), required: true, doc: "The conditions (at least one)." },
    combineType: {
      type: t.enum(STRATEGY_COMBINE_TYPES),
      doc: "`and` (every rule must match) or `or` (any rule); the platform's default when unset.",
    },
  },
);

export const aliasDefinition = {
  token: "cloudfn:functiongraph:Alias",
  description:
    "An alias of a FunctionGraph function: a stable name (`!<name>` in URNs) that routes to one version, optionally sending a share of the traffic (`additionalVersionWeights`) or the requests that match rules (`additionalVersionStrategy`) to another version — canary releases. Identifier: the alias URN. Replace on change: functionUrn, name; version, description and routing update in place.",
  docs: "functiongraph/alias.md",
  implementation: "provider/functiongraph/alias",
  inputs: {
    functionUrn: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.functionUrn,
      doc: "URN of the function, usually a Function's `funcUrn`.",
    },
    name: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.name,
      doc: "Alias name: 1-64 letters, digits, `-` and `_`, starting with a letter and ending with a letter or digit; unique per function (at most 10 aliases per function).",
    },
    version: {
      type: t.string(),
      required: true,
      rule: rules.version,
      doc: "The version that gets the traffic not routed elsewhere: a Version's `version`, or `latest`. Changed in place (promote and roll back by changing it). The platform lets one alias at most point at a version.",
    },
    description: {
      type: t.string(),
      default: "",
      rule: rules.description,
      doc: "Description, at most 512 characters. Changed in place.",
    },
    additionalVersionWeights: {
      type: t.map(t.integer()),
      rule: rules.additionalVersionWeights,
      doc: "Weighted routing: version name → whole percent (0-100) of the requests that run that version instead of `version`, e.g. `{ v2: 10 }`. The total is at most 100; the rest runs `version`, which must not be a key. Changed in place. Not with `additionalVersionStrategy`.",
    },
    additionalVersionStrategy: {
      type: t.map(strategy),
      rule: rules.additionalVersionStrategy,
      doc: "Rule-based routing: version name → the header/cookie rules whose matching requests run that version. Changed in place. Not with `additionalVersionWeights`.",
    },
    adopt: adoptInput(
      "Take over the existing alias of this name on the first `up` instead of creating it: it is read, recorded, and updated in place only where it differs from the program.",
      { rule: rules.adopt },
    ),
  },
  outputs: {
    aliasUrn: {
      type: t.string(),
      doc: "The alias URN (`urn:fss:...:function:<package>:<name>:!<alias>`); also the resource id. Invoke it to run the alias's routing.",
    },
    qualifier: {
      type: t.string(),
      doc: "`!<name>`: what a Trigger's, AsyncInvokeConfig's or Invocation's `qualifier` takes to address this alias.",
    },
    lastModified: { type: t.string(), doc: "Time of the last change, as reported by FunctionGraph." },
  },
} as const satisfies ResourceDefinition;
