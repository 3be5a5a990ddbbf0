/**
 * Aliases of a function (F13–F17, docs/reference/functiongraph-api.md §0, §2.1): a name pointing at a
 * version, optionally routing part of the traffic to additional versions. Stored under
 * functiongraph → project → "aliases", keyed "package/name", in creation order.
 */
import {
  LATEST,
  MAX_ALIASES,
  VERSION_DESCRIPTION_MAX_LENGTH,
  VERSION_ERRORS as E,
  aliasNameProblem,
} from "../../../platform/functiongraph/versions";
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { FgError, fgErrors } from "../errors";
import { checkRouting, type Strategies, type Weights } from "./alias-routing";
import type { FunctionRecord } from "./function";
import { findVersion } from "./version";

export interface AliasRecord {
  name: string;
  version: string;
  description: string;
  last_modified: string;
  additional_version_weights?: Weights;
  additional_version_strategy?: Strategies;
}

export interface AliasBody {
  name?: unknown;
  version?: unknown;
  description?: unknown;
  additional_version_weights?: unknown;
  additional_version_strategy?: unknown;
}

type Aliases = Record<string, AliasRecord[]>;
type FnKey = Pick<FunctionRecord, "package" | "func_name">;
const key = (f: FnKey) => `${f.package}/${f.func_name}`;

export function aliasesBucket(env: FgEnv, projectId: string): Aliases {
  return env.store.bucket<Aliases>(PLATFORM, projectId, "aliases", () => ({}));
}

export function aliasesOf(env: FgEnv, projectId: string, fn: FnKey): AliasRecord[] {
  return aliasesBucket(env, projectId)[key(fn)] ?? [];
}

export function findAlias(env: FgEnv, projectId: string, fn: FnKey, name: string): AliasRecord | undefined {
  return aliasesOf(env, projectId, fn).find((a) => a.name === name);
}

export function getAlias(env: FgEnv, projectId: string, fn: FnKey, name: string): AliasRecord {
  const alias = findAlias(env, projectId, fn, name);
  if (!alias) throw fgErrors.aliasNotFound();
  return alias;
}

/** Every version an alias sends traffic to (its own and the additional ones). */
export function versionsRoutedBy(a: AliasRecord): string[] {
  return [
    a.version,
    ...Object.keys(a.additional_version_weights ?? {}),
    ...Object.keys(a.additional_version_strategy ?? {}),
  ];
}

const versionExists = (env: FgEnv, pid: string, fn: FnKey) => (v: string) =>
  v === LATEST || findVersion(env, pid, fn, v) !== undefined;

function text(field: string, value: unknown, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw fgErrors.invalid(`invalid parameter ${field}: required`);
    return "";
  }
  if (typeof value !== "string") throw fgErrors.invalid(`invalid parameter ${field}: must be a string`);
  return value;
}

/** Validates version, description and routing; shared by create and update. */
function aliasFields(env: FgEnv, pid: string, fn: FnKey, body: AliasBody, self?: string) {
  const version = text("version", body.version, true);
  if (!versionExists(env, pid, fn)(version)) throw fgErrors.versionNotFound();
  const description = text("description", body.description, false);
  if (description.length > VERSION_DESCRIPTION_MAX_LENGTH)
    throw fgErrors.validation("FSS.1019", `description exceeds ${VERSION_DESCRIPTION_MAX_LENGTH} characters`);
  // One alias per version (FSS.1066): counted on the alias's own version.
  const other = aliasesOf(env, pid, fn).find((a) => a.name !== self && a.version === version);
  if (other)
    throw new FgError(
      E.versionAliased.status,
      E.versionAliased.code,
      `version ${version} already has alias ${other.name}`,
    );
  const { weights, strategy } = checkRouting(body, version, versionExists(env, pid, fn));
  return {
    version,
    description,
    last_modified: rfc3339(env.clock.now()),
    ...(weights ? { additional_version_weights: weights } : {}),
    ...(strategy ? { additional_version_strategy: strategy } : {}),
  };
}

/** F13. */
export function createAlias(env: FgEnv, pid: string, fn: FnKey, body: AliasBody): AliasRecord {
  const name = text("name", body.name, true);
  const problem = aliasNameProblem(name);
  if (problem) throw new FgError(E.badAliasName.status, E.badAliasName.code, problem);
  const existing = aliasesOf(env, pid, fn);
  if (existing.some((a) => a.name === name))
    throw new FgError(E.aliasExists.status, E.aliasExists.code, `alias ${name} already exists`);
  if (existing.length >= MAX_ALIASES)
    throw new FgError(E.tooManyAliases.status, E.tooManyAliases.code, `the number of aliases exceeds ${MAX_ALIASES}`);
  const record: AliasRecord = { name, ...aliasFields(env, pid, fn, body) };
  aliasesBucket(env, pid)[key(fn)] = [...existing, record];
  env.store.commit();
  return record;
}

/** F16: replaces version, description and routing (routing left out is cleared). */
export function updateAlias(env: FgEnv, pid: string, fn: FnKey, name: string, body: AliasBody): AliasRecord {
  const alias = getAlias(env, pid, fn, name);
  const fields = aliasFields(env, pid, fn, body, name);
  delete alias.additional_version_weights;
  delete alias.additional_version_strategy;
  Object.assign(alias, fields);
  env.store.commit();
  return alias;
}

/** F17; the caller has checked no trigger is bound to the alias. */
export function deleteAlias(env: FgEnv, pid: string, fn: FnKey, name: string): void {
  getAlias(env, pid, fn, name);
  aliasesBucket(env, pid)[key(fn)] = aliasesOf(env, pid, fn).filter((a) => a.name !== name);
  env.store.commit();
}

/** Cascade of a function delete. */
export function deleteAliasesOf(env: FgEnv, pid: string, fn: FnKey): void {
  delete aliasesBucket(env, pid)[key(fn)];
}

/** The alias pointing at (or routing to) a version, if any: such a version cannot be deleted. */
export function aliasUsing(env: FgEnv, pid: string, fn: FnKey, version: string): AliasRecord | undefined {
  return aliasesOf(env, pid, fn).find((a) => versionsRoutedBy(a).includes(version));
}
