/**
 * Named profiles: one stack deploying to several accounts or regions with the dynamic resources
 * (docs/providers.md). A resource stores only the profile's *name* (input `profile`); the
 * settings are looked up at call time, so no credential ever reaches state. The provider call
 * runs inside an AsyncLocalStorage scope holding that name, and each platform's PlatformConfig
 * consults the scope first; that is why no resource implementation knows about profiles.
 */
import { AsyncLocalStorage } from "async_hooks";
import { z } from "zod";
import type { InputSpec } from "./definition";

/** The input every resource has; the name users write and the key in state. */
export const PROFILE_INPUT = "profile";

/** The stack config key holding every profile: `cloudfn:profiles.<name>.<setting>` with `--path`. */
export const PROFILES_CONFIG_KEY = "cloudfn:profiles";

/** Letters first, so the name is a clean suffix of an environment variable (`HW_REGION_NAME_SOUTH`). */
export const PROFILE_NAME_RULE = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

export const profileNameRule = z
  .string({ invalid_type_error: `${PROFILE_INPUT} must be a string` })
  .regex(
    PROFILE_NAME_RULE,
    `${PROFILE_INPUT} must be 1-63 letters, digits, '-' and '_', starting with a letter (the name of a profile under stack config ${PROFILES_CONFIG_KEY})`,
  );

/** The definition of `profile`, added to every resource by the registry (`withCommonInputs`). */
export const PROFILE_INPUT_SPEC: InputSpec = {
  type: { kind: "string" },
  doc:
    `Name of the provider profile this resource is deployed with (another account, region or endpoint): its settings ` +
    `come from stack config \`${PROFILES_CONFIG_KEY}.<name>.<setting>\` (\`pulumi config set --path\`), then ` +
    "environment variables with the upper-cased name as suffix (`HW_REGION_NAME_SOUTH`), then the default " +
    "configuration. Unset: the default configuration. Never sent to the platform; see docs/providers.md.",
  replaceOnChange: true,
  rule: profileNameRule,
};

const scope = new AsyncLocalStorage<string | undefined>();

/** The profile of the provider call in progress; undefined means the default configuration. */
export function activeProfile(): string | undefined {
  return scope.getStore();
}

/** Runs `work` (and everything it awaits) with `profile` active. */
export function inProfile<T>(profile: string | undefined, work: () => T): T {
  return scope.run(profile, work);
}

/** The environment suffix of a profile: `south` → `SOUTH`, `eu-west` → `EU_WEST`. */
export function envSuffix(profile: string): string {
  return profile.toUpperCase().replace(/-/g, "_");
}

/** `{ profile }` of the call in progress, or nothing: spread into resolved settings. */
export function activeProfileField(): { profile?: string } {
  const profile = activeProfile();
  return profile === undefined ? {} : { profile };
}
