/**
 * The legacy single-object dependency API (D6–D9, docs/reference/functiongraph-api.md §5.5),
 * on the same records as the versioned API (./dependency-version.ts), so each API sees what the
 * other made:
 * - D6 create makes a dependency with one version; an existing name is refused (409 FSS.1065),
 *   because the legacy API has one object per name (D1 would add a version instead);
 * - D7 get answers the dependency described by its newest version, `id` being the dependency id
 *   (what D6 answered and D7–D9 take), as D2 items do;
 * - D8 update publishes a new version from the body (all fields, as D1) and renames the
 *   dependency when `name` changed [emulator's choice: the platform keeps no older packages in
 *   the legacy model, but versions are how the versioned API shows a change, and functions that
 *   reference an older version keep working]; D3 lists it, D2 describes it;
 * - D9 delete removes the dependency with every version, refused with 412 FSS.1033 while a
 *   function references any of them.
 */
import type { FgEnv } from "../env";
import { FgError, fgErrors } from "../errors";
import type { CreateDependencyVersionBody } from "../schemas";
import * as V from "../validation";
import { functionsOf } from "./function";
import {
  createDependencyVersion,
  dependenciesOf,
  getDependency,
  type DependencyRecord,
  type DependencyVersionRecord,
} from "./dependency-version";

export const dependencyExists = (name: string) => new FgError(409, "FSS.1065", `dependency ${name} already exists`);

function refuseTakenName(env: FgEnv, pid: string, name: string, self?: DependencyRecord): void {
  const other = Object.values(dependenciesOf(env, pid)).find((d) => d.name === name && d !== self);
  if (other) throw dependencyExists(name);
}

/** D6. */
export function createDependency(env: FgEnv, pid: string, body: CreateDependencyVersionBody) {
  V.checkDependencyName(body.name);
  refuseTakenName(env, pid, body.name);
  return createDependencyVersion(env, pid, body);
}

/** D8: a new version of this dependency; the rename happens only once the version is valid. */
export function updateDependency(
  env: FgEnv,
  pid: string,
  depId: string,
  body: CreateDependencyVersionBody,
): { dep: DependencyRecord; version: DependencyVersionRecord } {
  const dep = getDependency(env, pid, depId);
  V.checkDependencyName(body.name);
  refuseTakenName(env, pid, body.name, dep);
  const created = createDependencyVersion(env, pid, body, dep);
  dep.name = body.name;
  env.store.commit();
  return created;
}

/** D9. */
export function deleteDependency(env: FgEnv, pid: string, depId: string): void {
  const dep = getDependency(env, pid, depId);
  const ids = new Set(Object.values(dep.versions).map((v) => v.id));
  const user = Object.values(functionsOf(env, pid)).find((f) => f.depend_version_list.some((id) => ids.has(id)));
  if (user) throw fgErrors.dependencyInUse(dep.name, user.func_name);
  delete dependenciesOf(env, pid)[depId];
  env.store.commit();
}
