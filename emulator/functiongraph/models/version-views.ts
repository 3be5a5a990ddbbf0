/**
 * Response shapes of versions and aliases (docs/reference/functiongraph-api.md §0 F11–F17, §2.1): a
 * version reads like the function object of its snapshot, with the version's URN, name and
 * description; an alias carries its `alias_urn` (unqualified URN + `:!name`).
 */
import { LATEST } from "../../../platform/functiongraph/versions";
import type { FgEnv } from "../env";
import { functionUrn } from "../urn";
import type { AliasRecord } from "./alias";
import type { FunctionRecord } from "./function";
import type { VersionRecord } from "./version";
import { codeView, configView } from "./views";

const baseUrn = (env: FgEnv, f: FunctionRecord) =>
  functionUrn(env.creds.region, env.creds.projectId, f.package, f.func_name);

/** F11 response and F3 on a version URN. */
export function versionConfigView(env: FgEnv, v: VersionRecord) {
  return {
    ...configView(env, v.snapshot),
    func_urn: `${baseUrn(env, v.snapshot)}:${v.version}`,
    version: v.version,
    version_description: v.version_description,
  };
}

/** F5 on a version URN. */
export function versionCodeView(env: FgEnv, v: VersionRecord) {
  return { ...codeView(env, v.snapshot), func_urn: `${baseUrn(env, v.snapshot)}:${v.version}` };
}

/** F12 item: the unqualified URN plus `version` (§2.1), and the description TF reads. */
export function versionListItem(env: FgEnv, f: FunctionRecord, v?: VersionRecord) {
  const {
    func_id: _id,
    depend_version_list: _d,
    depend_list: _l,
    dependencies: _x,
    ...rest
  } = configView(env, v?.snapshot ?? f);
  return {
    ...rest,
    func_urn: baseUrn(env, f),
    version: v?.version ?? LATEST,
    version_description: v?.version_description ?? f.description,
  };
}

export function aliasView(env: FgEnv, f: FunctionRecord, a: AliasRecord) {
  return {
    name: a.name,
    version: a.version,
    description: a.description,
    last_modified: a.last_modified,
    alias_urn: `${baseUrn(env, f)}:!${a.name}`,
    additional_version_weights: { ...a.additional_version_weights },
    ...(a.additional_version_strategy
      ? { additional_version_strategy: structuredClone(a.additional_version_strategy) }
      : {}),
  };
}
