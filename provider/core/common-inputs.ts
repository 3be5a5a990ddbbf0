/**
 * Inputs every resource has, whatever its platform, added to each definition once here (by the
 * registry) rather than written into each definition: the schema, the SDK classes, the docs
 * tables and the native plugin all read the registry, so they all get them. Implementations
 * never see them: provider/core/profiled.ts takes them out before each call.
 */
import type { ResourceDefinition } from "./definition";
import { PROFILE_INPUT, PROFILE_INPUT_SPEC, PROFILES_CONFIG_KEY } from "./profile";

/** The definition with the common inputs last (after the resource's own, in tables and SDK docs). */
export function withCommonInputs(def: ResourceDefinition): ResourceDefinition {
  if (PROFILE_INPUT in def.inputs)
    throw new Error(`${def.token}: the input "${PROFILE_INPUT}" is common to every resource`);
  return { ...def, inputs: { ...def.inputs, [PROFILE_INPUT]: PROFILE_INPUT_SPEC } };
}

/** The stack config key of the profiles (no environment variable of its own: each setting has one). */
export const PROFILES_CONFIG = {
  key: PROFILES_CONFIG_KEY,
  type: "profiles",
  description:
    "Named profiles for resources with a `profile` input: an object of profile name → settings named like these keys " +
    "without `cloudfn:` (set with `pulumi config set --path cloudfn:profiles.<name>.<setting>`, `--secret` for credentials). " +
    "Each setting also reads its environment variable with the upper-cased profile name as suffix",
} as const;
