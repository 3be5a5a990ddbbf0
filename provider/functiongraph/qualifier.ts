/**
 * The `qualifier` input of resources that address one version or alias of a function (Trigger,
 * AsyncInvokeConfig, Invocation): written as the last segment of a qualified function URN
 * (docs/reference/functiongraph-api.md §2.1): `latest`, a version name, or `!<alias>`. The `!`
 * is the platform's own mark for aliases; it is what tells `v1` the version from `v1` an alias,
 * since both may exist with the same name. Without a qualifier the URN is used as written, so
 * ids and state of resources made before qualifiers existed stay as they were.
 */
import { z } from "zod";
import type { CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../core/check";
import { t, type InputSpec, type ResourceDefinition } from "../core/definition";
import { LATEST, aliasNameProblem, versionNameProblem } from "../../platform/functiongraph/versions";
import { unqualifiedUrn } from "./client";

/** Why a qualifier is invalid, or undefined when valid. */
export function qualifierProblem(q: string): string | undefined {
  if (q === LATEST) return undefined;
  if (q.startsWith("!")) return aliasNameProblem(q.slice(1));
  return versionNameProblem(q);
}

export const qualifierRule = z.string({ invalid_type_error: "qualifier must be a string" }).superRefine((v, ctx) => {
  const problem = qualifierProblem(v);
  if (problem)
    ctx.addIssue({
      code: "custom",
      message: `qualifier must be "latest", a version name or "!" and an alias name: ${problem}; got "${v}"`,
    });
});

/** The input spec, shared so the three resources document it in the same words. */
export function qualifierInput(what: string): InputSpec {
  return {
    type: t.string(),
    replaceOnChange: true,
    rule: qualifierRule,
    doc: `Which version of the function ${what}: \`latest\` (the default), a version name (a Version's \`version\`), or an alias as \`!<name>\` (an Alias's \`qualifier\` output), as the last segment of a qualified URN. Set it with the unqualified or \`:latest\` functionUrn.`,
  };
}

/** The 8th URN field when present (`latest`, a version, `!alias`). */
export function qualifierOfUrn(urn: string): string | undefined {
  return urn.split(":")[7];
}

/** The URN the platform calls address: functionUrn as written, or qualified with `qualifier`. */
export function targetUrn(functionUrn: string, qualifier: string | undefined): string {
  if (qualifier === undefined) return functionUrn;
  return `${unqualifiedUrn(functionUrn)}:${qualifier}`;
}

/** checkDefined plus the qualifier/functionUrn contradiction, for resources with no other cross-field rule. */
export function checkWithQualifier<T extends { functionUrn?: unknown; qualifier?: unknown }>(
  def: ResourceDefinition,
  news: T,
): CheckResult<T> {
  const { value, unknown, failures } = validateInputs<T>(def, news);
  const contradiction = qualifierConflict(value.functionUrn, value.qualifier);
  if (contradiction && !failures.some((f) => f.property === "qualifier"))
    failures.push({ property: "qualifier", reason: contradiction });
  return checkResult(dropUndefined({ ...value, ...unknown }) as T, failures);
}

/** A qualifier on a URN that already names another version or alias is a contradiction. */
export function qualifierConflict(functionUrn: unknown, qualifier: unknown): string | undefined {
  if (typeof functionUrn !== "string" || typeof qualifier !== "string") return undefined;
  const own = qualifierOfUrn(functionUrn);
  if (own === undefined || own === LATEST || own === qualifier) return undefined;
  return `qualifier "${qualifier}" contradicts functionUrn, which already ends with ":${own}"; pass the function's unqualified or :latest URN`;
}
