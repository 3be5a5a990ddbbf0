/**
 * Pure mappings between Alias properties and the wire (docs/reference/functiongraph-api.md §0 (F11–F17), §2.1):
 * camelCase routing rules ↔ the platform's snake_case, bodies, outputs, and the normalisation
 * that makes "no weights" and "empty weights" the same.
 */
import { dropUndefined } from "../../core/check";
import { deepEqual, type Normalizers } from "../../core/diff";
import { unqualifiedUrn } from "../client";
import type { AliasBody, AliasInfo, WireStrategy } from "./api";
import { AliasInputs, AliasOutputs, StrategyInputs, UPDATE_FIELDS } from "./schema";

/** `urn:...:function:<package>:<name>:!<alias>` (§2.1): the id and the URN to invoke. */
export const aliasUrnOf = (functionUrn: string, name: string) => `${unqualifiedUrn(functionUrn)}:!${name}`;

export function parseAliasUrn(id: string): { functionUrn: string; name: string } {
  const last = id.split(":")[7];
  if (id.split(":").length !== 8 || !last?.startsWith("!"))
    throw new Error(`invalid Alias id "${id}": expected an alias URN ending with ":!<name>"`);
  return { functionUrn: unqualifiedUrn(id), name: last.slice(1) };
}

const toWireStrategy = (s: StrategyInputs): WireStrategy =>
  dropUndefined({
    rules: s.rules.map((r) => ({ rule_type: r.ruleType, param: r.param, op: r.op, value: r.value })),
    combine_type: s.combineType,
  });

function fromWireStrategy(w: { rules?: unknown; combine_type?: string | null }): StrategyInputs {
  const rules = (Array.isArray(w.rules) ? w.rules : []) as {
    rule_type: string;
    param: string;
    op: string;
    value: string;
  }[];
  return dropUndefined({
    rules: rules.map((r) => ({ ruleType: r.rule_type, param: r.param, op: r.op, value: r.value })),
    combineType: w.combine_type ?? undefined,
  });
}

const mapValues = <A, B>(m: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, f(v)]));

/**
 * F13/F16 body. Weights are always sent unless rules are (an empty map clears them); the two are
 * exclusive on the platform, so the unused one is left out.
 */
export function aliasBody(inputs: AliasInputs, withName: boolean): AliasBody {
  const strategy = inputs.additionalVersionStrategy;
  return dropUndefined({
    name: withName ? inputs.name : undefined,
    version: inputs.version,
    description: inputs.description ?? "",
    additional_version_weights: strategy ? undefined : (inputs.additionalVersionWeights ?? {}),
    additional_version_strategy: strategy ? mapValues(strategy, toWireStrategy) : undefined,
  });
}

/** An empty map reads as absent, so a program without routing is not told it changed. */
const nonEmpty = <T>(m: Record<string, T> | null | undefined) => (m && Object.keys(m).length > 0 ? m : undefined);

export function outputsFrom(functionUrn: string, info: AliasInfo): AliasOutputs {
  const strategy = nonEmpty(info.additional_version_strategy);
  return dropUndefined({
    functionUrn,
    name: info.name,
    version: info.version,
    description: info.description ?? "",
    additionalVersionWeights: nonEmpty(info.additional_version_weights),
    additionalVersionStrategy: strategy ? mapValues(strategy, fromWireStrategy) : undefined,
    aliasUrn: aliasUrnOf(functionUrn, info.name),
    qualifier: `!${info.name}`,
    lastModified: String(info.last_modified ?? ""),
  });
}

/** The inputs `read` reports, so that refresh followed by preview is clean. */
export function inputsFrom(outs: AliasOutputs): AliasInputs {
  const { aliasUrn: _u, qualifier: _q, lastModified: _l, ...inputs } = outs;
  return inputs;
}

/** `functionUrn` with `:latest` and without a qualifier name the same function (an import reads the latter). */
export const NORMALIZERS: Normalizers = {
  functionUrn: (v) => (typeof v === "string" ? unqualifiedUrn(v) : v),
  description: (v) => v ?? "",
  additionalVersionWeights: (v) => nonEmpty(v as Record<string, number> | undefined),
  additionalVersionStrategy: (v) => nonEmpty(v as Record<string, unknown> | undefined),
};

/** The routing fields where `live` differs from the program (adoption, a re-run create). */
export function routingDifferences(live: AliasOutputs, inputs: AliasInputs): string[] {
  return UPDATE_FIELDS.filter((f) => {
    const n = NORMALIZERS[f] ?? ((v: unknown) => v);
    return !deepEqual(n(live[f]), n(inputs[f]));
  });
}
