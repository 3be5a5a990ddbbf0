/**
 * `profile` for calls that are not resource steps: the SDK helpers (`getFunctionReport`,
 * `listJobRecords`…), the native plugin's Invoke of them, and the `cloudfn` CLI commands. The
 * name is judged exactly as a resource's `profile` is at check (provider/core/profiled.ts) and
 * the call then runs in the same scope (provider/core/profile.ts), so each platform's
 * PlatformConfig resolves the profile's settings first, with no code of its own per helper.
 */
import { inProfile } from "./profile";
import { profileFailures, type ProfileJudge } from "./profiled";

/** The optional argument every profile-aware helper takes. */
export interface ProfileOption {
  /**
   * Name of a provider profile (docs/providers.md): settings from stack config
   * `cloudfn:profiles.<name>.<setting>`, then `<ENV>_<NAME>` variables, then the default
   * configuration. Unset: the default configuration.
   */
  profile?: string;
}

/**
 * Runs `work` (and everything it awaits) with `profile` active. Without a profile it runs as before, untouched; a
 * malformed name, or one that sets nothing for the platform (a typo would otherwise call the
 * default account silently), fails before any call.
 */
export function callInProfile<T>(profile: unknown, judge: ProfileJudge, work: () => T): T {
  if (profile === undefined) return work();
  const [failure] = profileFailures({ profile }, judge);
  if (failure) throw new Error(failure.reason);
  return inProfile(profile as string, work);
}
