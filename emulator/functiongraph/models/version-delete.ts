/**
 * F7 on a qualified URN (docs/reference/functiongraph-api.md §2.1): deletes that version (an alias
 * URN designates the version it points to) with its triggers and async-invoke config. A version
 * an alias routes to is refused with 403 FSS.1094 ("version used by an alias", §10.3): the
 * console says such a delete takes the alias with it, but the API's code list has this refusal,
 * and refusing cannot lose an alias a rollout depends on.
 */
import { VERSION_ERRORS as E } from "../../../platform/functiongraph/versions";
import type { FgEnv } from "../env";
import { FgError } from "../errors";
import type { FunctionRef } from "../urn";
import { aliasUsing, getAlias } from "./alias";
import { deleteAsyncConfig } from "./async-invoke-config";
import { getFunction } from "./function";
import { deleteTriggersOn } from "./trigger";
import { deleteVersion } from "./version";

export function deleteQualifiedVersion(env: FgEnv, projectId: string, ref: FunctionRef): void {
  const fn = getFunction(env, projectId, ref);
  const q = ref.qualifier;
  if (q.kind === "latest") return;
  const version = q.kind === "version" ? q.version : getAlias(env, projectId, fn, q.alias).version;
  const alias = aliasUsing(env, projectId, fn, version);
  if (alias)
    throw new FgError(
      E.versionHasAlias.status,
      E.versionHasAlias.code,
      `version ${version} is used by alias ${alias.name}`,
    );
  deleteVersion(env, projectId, fn, version);
  deleteTriggersOn(env, projectId, ref, version);
  deleteAsyncConfig(env, projectId, fn, false, version);
}
