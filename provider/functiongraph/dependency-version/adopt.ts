/**
 * `adopt: true` for `cloudfn:functiongraph:DependencyVersion`: the first `up` records an existing
 * version of the dependency `name` — version `adoptVersion`, or the newest one — instead of
 * creating another. API calls: ListDependencies (by name) + ListDependencyVersion. Versions are
 * immutable, so nothing is ever written: a version whose runtime, description or content (its
 * etag, the MD5 of the zip, compared with the program's deterministic zip) differs from the
 * program cannot be adopted, and the error suggests dropping `adopt` to create a new version.
 * A `codeUrl` package cannot be compared by content (the URL is not reported back): only the
 * runtime and description are checked.
 */
import { CreateResult } from "@pulumi/pulumi/dynamic";
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { FunctionGraphClient } from "../client";
import { DependencyVersionInfo, dependencyApi } from "./api";
import { buildPackage, md5Hex, outputsFrom, versionResourceId } from "./mapping";
import { DependencyVersionInputs, DependencyVersionOutputs } from "./schema";

/** Registry key of one version (dependency name + version number), shared by adopt and diff. */
export const adoptionKey = (name: string, version: number): string => `functiongraph:dependency:${name}/${version}`;
/** Noted by diff when a resource of this name is replaced: its replacement creates a version. */
export const replacementKey = (name: string): string => `functiongraph:dependency:${name}/replacement`;
export const describe = (name: string, version?: number): string =>
  `FunctionGraph dependency "${name}"${version === undefined ? "" : ` version ${version}`}`;

/** What the program declares that the immutable version does not have. */
function differences(live: DependencyVersionInfo, inputs: DependencyVersionInputs, zip: Buffer | undefined): string[] {
  const out: string[] = [];
  if (live.runtime !== inputs.runtime) out.push(`runtime (live "${live.runtime}")`);
  if ((live.description ?? "") !== inputs.description) out.push(`description (live "${live.description ?? ""}")`);
  if (zip && live.etag !== md5Hex(zip)) out.push("code (its MD5 differs from the live etag)");
  return out;
}

/**
 * Create with `adopt: true`: the recorded version; undefined when this create replaces a resource
 * of the stack (the caller then creates a version normally).
 */
export async function adoptDependencyVersion(
  fg: FunctionGraphClient,
  inputs: DependencyVersionInputs,
): Promise<CreateResult<DependencyVersionOutputs> | undefined> {
  if (!claimForAdoption(replacementKey(inputs.name), describe(inputs.name))) return undefined;
  releaseAdoption(replacementKey(inputs.name)); // only the version itself is held
  const versions = await dependencyApi.versionsByName(fg, inputs.name);
  const live =
    inputs.adoptVersion === undefined
      ? versions.sort((a, b) => b.version - a.version)[0]
      : versions.find((v) => v.version === inputs.adoptVersion);
  if (!live)
    throw adoptionNotFound(
      describe(inputs.name, inputs.adoptVersion),
      `${inputs.name}/${inputs.adoptVersion ?? "newest version"}`,
    );
  const key = adoptionKey(inputs.name, live.version);
  claimForAdoption(key, describe(inputs.name, live.version));
  const pkg = await buildPackage(inputs);
  const differ = differences(live, inputs, pkg?.zip);
  if (differ.length > 0) {
    releaseAdoption(key);
    throw new Error(
      `cannot adopt ${describe(inputs.name, live.version)}: ${differ.join(", ")} differ(s) from the program, and versions are immutable; ` +
        `remove \`adopt\` to create a new version with this content, or declare what the live version has`,
    );
  }
  const outs = outputsFrom({ ...inputs, codeHash: pkg?.hash ?? inputs.codeHash }, live, live.dep_id ?? "");
  return { id: versionResourceId(outs.dependencyId, outs.version), outs };
}
