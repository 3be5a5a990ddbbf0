/**
 * Qualifiers of a function URN (docs/reference/functiongraph-api.md §2.1): `latest`, a published
 * version, or `!alias`. Existence checks and the key under which qualifier-scoped records
 * (triggers, async-invoke configs, reserved instances) are stored.
 */
import { LATEST } from "../../../platform/functiongraph/versions";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import type { Qualifier } from "../urn";
import { findAlias } from "./alias";
import type { FunctionRecord } from "./function";
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
  if (q.kind === "version" && !findVersion(env, projectId, fn, q.version)) throw fgErrors.versionNotFound();
  if (q.kind === "alias" && !findAlias(env, projectId, fn, q.alias)) throw fgErrors.aliasNotFound();
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
