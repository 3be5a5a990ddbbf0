/**
 * Dependency packages and their versions (docs/reference/functiongraph-api.md §5, D1–D5). State lives under functiongraph →
 * project → "dependencies", keyed by dependency id; each dependency holds its versions keyed by
 * the integer version number. Creating a version with an existing name adds a version to that
 * dependency. The legacy single-object API (D6–D9) works on the same records: ./dependency.ts.
 */
import { md5Hex } from "../../../platform/common/hash";
import { PLATFORM, type FgEnv } from "../env";
import { fgErrors } from "../errors";
import * as L from "../limits";
import type { CreateDependencyVersionBody } from "../schemas";
import * as V from "../validation";
import { functionsOf } from "./function";

export interface DependencyVersionRecord {
  id: string;
  version: number;
  runtime: string;
  description: string;
  depend_type: "zip" | "obs";
  /** Where the emulator says the package lives (its own URL, as the service rewrites links). */
  link: string;
  /** The OBS link the caller sent (obs type), kept for the record. */
  depend_link: string;
  etag: string;
  size: number;
  file_name: string;
  /** Epoch seconds (§1.5). */
  last_modified: number;
  /** Base64 zip bytes (zip type): what the runtime unpacks next to the function. */
  zip_base64: string;
}

export interface DependencyRecord {
  dep_id: string;
  name: string;
  /** Next version number to hand out; numbers are never reused after a delete. */
  next_version: number;
  versions: Record<string, DependencyVersionRecord>;
}

type Dependencies = Record<string, DependencyRecord>;

export function dependenciesOf(env: FgEnv, projectId: string): Dependencies {
  return env.store.bucket<Dependencies>(PLATFORM, projectId, "dependencies", () => ({}));
}

function packageBytes(body: CreateDependencyVersionBody): { bytes?: Buffer; link: string } {
  if (body.depend_type === "zip") return { bytes: V.decodeDependencyZip(body.depend_file), link: "" };
  if (body.depend_type === "obs") return { link: V.checkDependencyLink(body.depend_link) };
  throw fgErrors.validation("FSS.1032", `invalid depend_type ${JSON.stringify(body.depend_type)}; allowed: zip, obs`);
}

/**
 * D1: validates, then adds a version to the dependency of that name (creating it if needed).
 * `target` (legacy D8) names the dependency to add to instead, whatever its name.
 */
export function createDependencyVersion(
  env: FgEnv,
  projectId: string,
  body: CreateDependencyVersionBody,
  target?: DependencyRecord,
): { dep: DependencyRecord; version: DependencyVersionRecord } {
  V.checkDependencyName(body.name);
  V.checkRuntime(body.runtime);
  if (body.description !== undefined) V.checkDescription(body.description);
  const { bytes, link } = packageBytes(body);
  const deps = dependenciesOf(env, projectId);
  let dep = target ?? Object.values(deps).find((d) => d.name === body.name);
  const total = Object.values(deps).reduce((n, d) => n + Object.keys(d.versions).length, 0);
  if (total >= L.DEPENDENCY_VERSION_QUOTA) throw fgErrors.dependencyQuota(L.DEPENDENCY_VERSION_QUOTA);
  if (!dep) {
    dep = { dep_id: env.ids.uuid(), name: body.name, next_version: L.DEPENDENCY_FIRST_VERSION, versions: {} };
    deps[dep.dep_id] = dep;
  }
  const number = dep.next_version++;
  const fileName = `${body.name}.zip`;
  const digestSource = bytes ?? Buffer.from(link);
  const version: DependencyVersionRecord = {
    id: env.ids.uuid(),
    version: number,
    runtime: body.runtime,
    description: body.description ?? "",
    depend_type: body.depend_type as "zip" | "obs",
    link: `https://functiongraph-emulator.obs.${env.creds.region}.myhuaweicloud.com/depends/${projectId}/${dep.dep_id}/${number}/${fileName}`,
    depend_link: link,
    etag: md5Hex(digestSource),
    size: bytes?.length ?? 0,
    file_name: fileName,
    last_modified: Math.floor(env.clock.now().getTime() / 1000),
    zip_base64: bytes?.toString("base64") ?? "",
  };
  dep.versions[String(number)] = version;
  env.store.commit();
  return { dep, version };
}

export function getDependency(env: FgEnv, projectId: string, depId: string): DependencyRecord {
  const dep = dependenciesOf(env, projectId)[depId];
  if (!dep) throw fgErrors.dependencyNotFound();
  return dep;
}

export function getDependencyVersion(
  env: FgEnv,
  projectId: string,
  depId: string,
  version: string,
): DependencyVersionRecord {
  const found = getDependency(env, projectId, depId).versions[String(Number(version))];
  if (!/^\d+$/.test(version) || !found) throw fgErrors.dependencyNotFound();
  return found;
}

/** Versions in ascending order. */
export function listVersions(dep: DependencyRecord): DependencyVersionRecord[] {
  return Object.values(dep.versions).sort((a, b) => a.version - b.version);
}

/** The newest version of a dependency: what D2 items describe. */
export function latestVersion(dep: DependencyRecord): DependencyVersionRecord | undefined {
  return listVersions(dep).pop();
}

export interface DependencyFilter {
  name?: string;
  runtime?: string;
}

/** D2: dependencies in creation order; the emulator has no public (built-in) dependencies. */
export function listDependencies(env: FgEnv, projectId: string, filter: DependencyFilter): DependencyRecord[] {
  return Object.values(dependenciesOf(env, projectId)).filter((d) => {
    const latest = latestVersion(d);
    if (!latest) return false;
    if (filter.name !== undefined && filter.name !== "" && !d.name.includes(filter.name)) return false;
    return filter.runtime === undefined || filter.runtime === "" || latest.runtime === filter.runtime;
  });
}

/** A version by its id (UUID), as functions reference it; undefined when none has it. */
export function findVersionById(
  env: FgEnv,
  projectId: string,
  id: string,
): { dep: DependencyRecord; version: DependencyVersionRecord } | undefined {
  for (const dep of Object.values(dependenciesOf(env, projectId))) {
    const version = Object.values(dep.versions).find((v) => v.id === id);
    if (version) return { dep, version };
  }
  return undefined;
}

/**
 * Functions may only reference versions that exist (§5.6: an invalid reference is refused). The
 * digest lists both 400 FSS.1024 and 424 FSS.0424 for it; we answer 400 FSS.1024, the code
 * specific to dependencies.
 */
export function checkDependencyRefs(env: FgEnv, projectId: string, ids: string[] | undefined): void {
  for (const id of ids ?? []) {
    if (!findVersionById(env, projectId, id))
      throw fgErrors.validation("FSS.1024", `dependency version ${JSON.stringify(id)} does not exist`);
  }
}

/** D5: refused with 412 FSS.1033 while a function references the version. */
export function deleteDependencyVersion(env: FgEnv, projectId: string, depId: string, version: string): void {
  const dep = getDependency(env, projectId, depId);
  const record = getDependencyVersion(env, projectId, depId, version);
  const user = Object.values(functionsOf(env, projectId)).find((f) => f.depend_version_list.includes(record.id));
  if (user) throw fgErrors.dependencyInUse(`${dep.name} version ${record.version}`, user.func_name);
  delete dep.versions[String(record.version)];
  if (Object.keys(dep.versions).length === 0) delete dependenciesOf(env, projectId)[depId];
  env.store.commit();
}
