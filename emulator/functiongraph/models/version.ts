/**
 * Published versions of a function (F11, F12, F7 on a version URN; docs/reference/functiongraph-api.md §0,
 * §2.1). A version is a frozen copy of the function record at publish time (code and config), so
 * invoking it runs exactly what was published. Stored under functiongraph → project → "versions",
 * keyed "package/name", oldest first.
 */
import {
  MAX_PUBLISHED_VERSIONS,
  MAX_VERSIONS_INCLUDING_LATEST,
  VERSION_DESCRIPTION_MAX_LENGTH,
  VERSION_ERRORS as E,
  autoVersionName,
  versionNameProblem,
} from "../../../platform/functiongraph/versions";
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { FgError, fgErrors } from "../errors";
import type { FunctionRecord } from "./function";

export interface VersionRecord {
  version: string;
  version_description: string;
  published_at: string;
  /** The function as it was when published. */
  snapshot: FunctionRecord;
}

export interface PublishBody {
  version?: unknown;
  description?: unknown;
  digest?: unknown;
}

type Versions = Record<string, VersionRecord[]>;
type FnKey = Pick<FunctionRecord, "package" | "func_name">;
const key = (f: FnKey) => `${f.package}/${f.func_name}`;

export function versionsBucket(env: FgEnv, projectId: string): Versions {
  return env.store.bucket<Versions>(PLATFORM, projectId, "versions", () => ({}));
}

export function versionsOf(env: FgEnv, projectId: string, fn: FnKey): VersionRecord[] {
  return versionsBucket(env, projectId)[key(fn)] ?? [];
}

export function findVersion(env: FgEnv, projectId: string, fn: FnKey, name: string): VersionRecord | undefined {
  return versionsOf(env, projectId, fn).find((v) => v.version === name);
}

/**
 * What makes two publishes "the same": everything of the record except the bookkeeping that
 * changes without the user changing anything (times, image name).
 */
function fingerprint(f: FunctionRecord): string {
  const { last_modified: _t, image_name: _i, ...rest } = f;
  return JSON.stringify(rest);
}

function optionalString(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw fgErrors.invalid(`invalid parameter ${field}: must be a string`);
  return value;
}

/** An unused auto name: the platform's time stamp, suffixed if two publishes share a second. */
function autoName(env: FgEnv, taken: VersionRecord[]): string {
  const base = autoVersionName(env.clock.now());
  let name = base;
  for (let n = 1; taken.some((v) => v.version === name); n++) name = `${base}-${n}`;
  return name;
}

function checkPublishable(fn: FunctionRecord, existing: VersionRecord[], digest: string | undefined): void {
  if (digest !== undefined && digest !== "" && digest !== fn.digest)
    throw new FgError(E.digestMismatch.status, E.digestMismatch.code, "digest does not match the latest code");
  const last = existing[existing.length - 1];
  if (last && fingerprint(last.snapshot) === fingerprint(fn))
    throw new FgError(E.nothingToPublish.status, E.nothingToPublish.code, E.nothingToPublish.message);
  if (existing.length >= MAX_PUBLISHED_VERSIONS)
    throw new FgError(
      E.tooManyVersions.status,
      E.tooManyVersions.code,
      `the number of versions exceeds the quota (${MAX_VERSIONS_INCLUDING_LATEST}, latest included)`,
    );
}

/** F11: freezes the function's current code and config as a new version. */
export function publishVersion(env: FgEnv, projectId: string, fn: FunctionRecord, body: PublishBody): VersionRecord {
  const given = optionalString("version", body.version);
  const description = optionalString("description", body.description) ?? "";
  if (description.length > VERSION_DESCRIPTION_MAX_LENGTH)
    throw fgErrors.validation("FSS.1019", `description exceeds ${VERSION_DESCRIPTION_MAX_LENGTH} characters`);
  if (given !== undefined && given !== "") {
    const problem = versionNameProblem(given);
    if (problem) throw new FgError(E.badVersionName.status, E.badVersionName.code, problem);
  }
  const bucket = versionsBucket(env, projectId);
  const existing = bucket[key(fn)] ?? [];
  if (given && existing.some((v) => v.version === given))
    throw new FgError(E.versionExists.status, E.versionExists.code, `version ${given} already exists`);
  checkPublishable(fn, existing, optionalString("digest", body.digest));
  const record: VersionRecord = {
    version: given || autoName(env, existing),
    version_description: description,
    published_at: rfc3339(env.clock.now()),
    snapshot: structuredClone(fn),
  };
  bucket[key(fn)] = [...existing, record];
  env.store.commit();
  return record;
}

/** F7 on a version URN; the caller has checked no alias points at it. */
export function deleteVersion(env: FgEnv, projectId: string, fn: FnKey, name: string): void {
  const bucket = versionsBucket(env, projectId);
  const existing = bucket[key(fn)] ?? [];
  if (!existing.some((v) => v.version === name)) throw fgErrors.versionNotFound();
  bucket[key(fn)] = existing.filter((v) => v.version !== name);
  env.store.commit();
}

/** Cascade of a function delete. */
export function deleteVersionsOf(env: FgEnv, projectId: string, fn: FnKey): void {
  delete versionsBucket(env, projectId)[key(fn)];
}
