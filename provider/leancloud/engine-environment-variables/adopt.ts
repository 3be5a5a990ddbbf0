/**
 * `adopt: true` for `cloudfn:leancloud:EngineEnvironmentVariables`: take ownership of the declared
 * names that already exist in the group, without error, and write only when a declared value
 * differs from (or is missing in) the live map. API calls: GET /1.1/engine/groups?all=true, then
 * PATCH /1.1/engine/groups/<g> with the whole map only if something differs — the write an update
 * would make. Every declared name is claimed, so two resources adopting one name fail.
 */
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { Group } from "../api";
import { LeanCloudClient } from "../client";
import { EnvVarsInputs } from "./schema";

/** Registry key of one variable of one group, shared by adopt and diff. */
export const adoptionKey = (appId: string, group: string, name: string): string =>
  `leancloud:env:${appId}:${group}:${name}`;
export const describe = (group: string, name: string): string => `LeanEngine variable ${name} of group "${group}"`;

const declaredNames = (inputs: Pick<EnvVarsInputs, "variables" | "secretVariables">) => [
  ...Object.keys(inputs.variables ?? {}),
  ...Object.keys(inputs.secretVariables ?? {}),
];

/** Claims every declared name, all or nothing. False when this create replaces a resource of the stack. */
function claimAll(appId: string, inputs: EnvVarsInputs): boolean {
  const claimed: string[] = [];
  const releaseClaimed = () => claimed.forEach(releaseAdoption);
  for (const name of declaredNames(inputs)) {
    const key = adoptionKey(appId, inputs.group, name);
    let adopting: boolean;
    try {
      adopting = claimForAdoption(key, describe(inputs.group, name));
    } catch (e) {
      releaseClaimed();
      throw e;
    }
    if (!adopting) {
      releaseClaimed();
      return false;
    }
    claimed.push(key);
  }
  return true;
}

/** Declared names whose live value differs or is missing (secrets the API hides count as differing). */
export function adoptionChanges(live: Record<string, string>, inputs: EnvVarsInputs): string[] {
  const declared = { ...inputs.variables, ...inputs.secretVariables };
  return Object.keys(declared)
    .filter((k) => live[k] !== declared[k])
    .sort();
}

/**
 * Create with `adopt: true`: true when done (adopted, written if needed); false when this create
 * replaces a resource of the stack (the caller then writes normally).
 */
export async function adoptVariables(
  lc: LeanCloudClient,
  appId: string,
  inputs: EnvVarsInputs,
  liveMap: (g: Group) => Record<string, string>,
): Promise<boolean> {
  if (!claimAll(appId, inputs)) return false;
  const group = await lc.getGroup(inputs.group).catch((e: unknown) => {
    declaredNames(inputs).forEach((n) => releaseAdoption(adoptionKey(appId, inputs.group, n)));
    throw e;
  });
  if (!group) {
    declaredNames(inputs).forEach((n) => releaseAdoption(adoptionKey(appId, inputs.group, n)));
    throw adoptionNotFound(`the variables of LeanEngine group "${inputs.group}"`, `${appId}:${inputs.group}`);
  }
  const live = liveMap(group);
  if (adoptionChanges(live, inputs).length > 0)
    await lc.putEnvironments(inputs.group, { ...live, ...inputs.variables, ...inputs.secretVariables });
  return true;
}
