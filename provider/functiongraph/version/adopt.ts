/**
 * `adopt: true` for `cloudfn:functiongraph:Version`: the first `up` records the existing version
 * named `version` instead of publishing. API call: ListFunctionVersions (F12). Versions are
 * immutable, so nothing is written: a version whose description or digest differs from the
 * program cannot be adopted.
 */
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import type { FunctionGraphClient } from "../client";
import { VersionInfo, versionApi } from "./api";
import { descriptionOf, qualifiedUrnOf } from "./mapping";
import type { VersionInputs } from "./schema";

export const adoptionKey = (qualifiedUrn: string) => `functiongraph:version:${qualifiedUrn}`;
export const describe = (urn: string) => `FunctionGraph version ${urn}`;

function differences(live: VersionInfo, inputs: VersionInputs): string[] {
  const out: string[] = [];
  if (descriptionOf(live) !== inputs.description) out.push(`description (live "${descriptionOf(live)}")`);
  if (inputs.digest !== undefined && live.digest && live.digest !== inputs.digest) out.push("digest");
  return out;
}

/** The adopted version; undefined when this create replaces a resource of the stack (then it publishes). */
export async function adoptVersion(fg: FunctionGraphClient, inputs: VersionInputs): Promise<VersionInfo | undefined> {
  const urn = qualifiedUrnOf(inputs.functionUrn, inputs.name ?? "");
  if (!claimForAdoption(adoptionKey(urn), describe(urn))) return undefined;
  const live = (await versionApi.list(fg, inputs.functionUrn)).find((v) => v.version === inputs.name);
  if (!live) {
    releaseAdoption(adoptionKey(urn));
    throw adoptionNotFound(describe(urn), urn);
  }
  const differ = differences(live, inputs);
  if (differ.length > 0) {
    releaseAdoption(adoptionKey(urn));
    throw new Error(
      `cannot adopt ${describe(urn)}: ${differ.join(", ")} differ(s) from the program, and versions are immutable; declare what the live version has, or remove adopt to publish a new version`,
    );
  }
  return live;
}
