/**
 * Qualifiers of a function URN (docs/reference/functiongraph-api.md §2.1): `latest`, a published
 * version, or `!alias`. Existence checks and the key under which qualifier-scoped records
 * (triggers, async-invoke configs, reserved instances) are stored, and the qualifier name the
 * per-qualifier settings (reserved instances) report.
 */
import { LATEST } from "../../../platform/functiongraph/versions";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import type { FunctionRef, Qualifier } from "../urn";
import { findAlias } from "./alias";
import { getFunction, type FunctionRecord } from "./function";
import { findVersion } from "./version";

type FnKey = Pick<FunctionRecord, "package" | "func_name">;

/**
 * Whether `qualifier` names something of the function: `latest`, a published version, or an
 * alias (written bare or with the URN's `!` prefix).
 */
export function qualifierExists(env: FgEnv, projectId: string, fn: FnKey, qualifier: string): boolean {
  if (qualifier === LATEST || qualifier === "") return true;
  if (qualifier.startsWith("!")) return findAlias(env, projectId, fn, qualifier.slice(1)) !== undefined;
  return (
    findVersion(env, projectId, fn, qualifier) !== undefined || findAlias(env, projectId, fn, qualifier) !== undefined
  );
}

/** 404 FSS.1052 / FSS.1053 when the URN's version or alias does not exist. */
export function checkQualifier(env: FgEnv, projectId: string, fn: FnKey, q: Qualifier): void {
  if (qualifierExists(env, projectId, fn, qualifierKey(q))) return;
  throw q.kind === "alias" ? fgErrors.aliasNotFound() : fgErrors.versionNotFound();
}

/**
 * The short URN forms take "version-or-alias" as the last field (§2.1), so a bare name that is
 * no version but an alias of the function means that alias.
 */
export function normalizeQualifier(env: FgEnv, projectId: string, ref: FunctionRef): FunctionRef {
  const q = ref.qualifier;
  if (q.kind !== "version") return ref;
  const fn = { package: ref.package, func_name: ref.name };
  if (findVersion(env, projectId, fn, q.version) || !findAlias(env, projectId, fn, q.version)) return ref;
  return { ...ref, qualifier: { kind: "alias", alias: q.version } };
}

/** The URN suffix of a qualifier: "" for latest, the version name, or `!alias`. */
export function qualifierKey(q: Qualifier): string {
  if (q.kind === "version") return q.version;
  if (q.kind === "alias") return `!${q.alias}`;
  return "";
}

/** Published versions are frozen: their code and config cannot be updated (only latest's). */
export function assertLatest(q: Qualifier): void {
  if (q.kind !== "latest")
    throw fgErrors.invalid("only the latest version can be updated; publish a new version instead");
}

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
