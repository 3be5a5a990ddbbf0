/**
 * The published version a qualified URN reads (F3/F5 on `:<version>` or `:!<alias>`), or
 * undefined for latest (docs/reference/functiongraph-api.md §2.1).
 */
import { LATEST } from "../../../platform/functiongraph/versions";
import type { FgEnv } from "../env";
import type { FunctionRef } from "../urn";
import { getAlias } from "./alias";
import { getFunction } from "./function";
import { findVersion, type VersionRecord } from "./version";

export function publishedVersionOf(env: FgEnv, projectId: string, ref: FunctionRef): VersionRecord | undefined {
  const fn = getFunction(env, projectId, ref);
  const q = ref.qualifier;
  if (q.kind === "latest") return undefined;
  const name = q.kind === "version" ? q.version : getAlias(env, projectId, fn, q.alias).version;
  return name === LATEST ? undefined : findVersion(env, projectId, fn, name);
}
