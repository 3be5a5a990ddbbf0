/**
 * `adopt: true` for `cloudfn:leancloud:EngineDeployment`: the first `up` records the version the
 * environment serves now instead of deploying blindly.
 *
 * How "same content" is decided: the console API reports only a version's `versionTag`, never
 * its code, so the content hash of the live version cannot be computed. The program states it:
 * `adoptVersion: "<versionTag>"` says "the live version was built from this code". When it equals
 * the live versionTag, nothing is deployed and the program's code hash is recorded for that
 * version; otherwise (no adoptVersion, or the environment has moved on to another version) the
 * code is deployed once — the deploy an update would make. Either way a later code change
 * redeploys as usual, and `refresh` reports an out-of-band deploy as drift.
 * API calls: GET /1.1/engine/groups?all=true (+ GET _ops/metadatas when nothing is deployed).
 */
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { Group } from "../api";
import { LeanCloudClient } from "../client";
import { DeploymentInputs } from "./schema";

/** Registry key of one environment of one group, shared by adopt and diff. */
export const adoptionKey = (appId: string, group: string, environment: string): string =>
  `leancloud:deployment:${appId}:${group}:${environment}`;
export const describe = (group: string, environment: string): string =>
  `the LeanEngine deployment of group "${group}" (${environment})`;

export type AdoptionPlan = { deploy: true } | { deploy: false; version: string };

/**
 * What an adopting create does: undefined when this create replaces a resource of the stack
 * (deploy normally), else whether to deploy or to record the live version.
 */
export async function planAdoption(
  lc: LeanCloudClient,
  appId: string,
  inputs: DeploymentInputs,
): Promise<AdoptionPlan | undefined> {
  const key = adoptionKey(appId, inputs.group, inputs.environment);
  if (!claimForAdoption(key, describe(inputs.group, inputs.environment))) return undefined;
  let group: Group | undefined;
  try {
    group = await lc.getGroup(inputs.group);
  } catch (e) {
    releaseAdoption(key);
    throw e;
  }
  const live = group?.[inputs.environment]?.version?.versionTag;
  if (!live) {
    releaseAdoption(key);
    throw adoptionNotFound(
      describe(inputs.group, inputs.environment),
      `${appId}:${inputs.group}:${inputs.environment}, ${group ? "no version deployed" : "no such group"}`,
    );
  }
  return inputs.adoptVersion === live ? { deploy: false, version: live } : { deploy: true };
}
