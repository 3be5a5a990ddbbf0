/** Response shapes of dependencies and their versions (docs/reference/functiongraph-api.md §5.2–§5.4). */
import type { FgEnv } from "../env";
import type { DependencyRecord, DependencyVersionRecord } from "./dependency-version";

/** D1 create / D3 list item: the version object. */
export function versionView(env: FgEnv, dep: DependencyRecord, v: DependencyVersionRecord) {
  return {
    id: v.id,
    owner: env.creds.domainId,
    link: v.link,
    runtime: v.runtime,
    etag: v.etag,
    size: v.size,
    name: dep.name,
    description: v.description,
    file_name: v.file_name,
    version: v.version,
    dep_id: dep.dep_id,
    last_modified: v.last_modified,
  };
}

/** D3 items also carry the deprecated sharing flag. */
export function versionListItemView(env: FgEnv, dep: DependencyRecord, v: DependencyVersionRecord) {
  return { ...versionView(env, dep, v), is_shared: false };
}

/** D4: plus a temporary download link (the emulator's, not signed). */
export function versionDetailView(env: FgEnv, dep: DependencyRecord, v: DependencyVersionRecord) {
  return { ...versionView(env, dep, v), download_link: `${v.link}?expires=3600`, is_shared: false };
}

/** D2 item: the dependency (id = dependency id), described by its newest version. */
export function dependencyListItemView(env: FgEnv, dep: DependencyRecord, latest: DependencyVersionRecord) {
  const { dep_id: _dep, ...rest } = versionView(env, dep, latest);
  return { ...rest, id: dep.dep_id };
}
