/**
 * The qualifier a function URN names (docs/reference/functiongraph-api.md §2.1), as the
 * per-qualifier settings (reserved instances) key and report it. One place, so versions and
 * aliases only have to be taught here.
 */
import type { FgEnv } from "../env";
import type { FunctionRef } from "../urn";
import { getFunction, type FunctionRecord } from "./function";

export interface QualifierName {
  qualifier_type: "version" | "alias";
  qualifier_name: string;
}

/**
 * The function and qualifier of a URN, after checking both exist. A URN without a qualifier
 * means `latest`. getFunction answers 404 FSS.1052/1053 for versions and aliases until they exist.
 */
export function resolveQualifier(
  env: FgEnv,
  projectId: string,
  ref: FunctionRef,
): { fn: FunctionRecord; qualifier: QualifierName } {
  const fn = getFunction(env, projectId, ref);
  const q = ref.qualifier;
  if (q.kind === "alias") return { fn, qualifier: { qualifier_type: "alias", qualifier_name: q.alias } };
  return { fn, qualifier: { qualifier_type: "version", qualifier_name: q.kind === "version" ? q.version : "latest" } };
}

/** The URN suffix of a qualifier: `latest`, `<version>` or `!<alias>`. */
export const qualifierSuffix = (q: QualifierName) =>
  q.qualifier_type === "alias" ? `!${q.qualifier_name}` : q.qualifier_name;
