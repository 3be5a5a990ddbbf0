/**
 * Where LeanCloud credentials and endpoints come from, resolved at CALL time (never captured
 * into `__provider`): the stack config handed to `configure()` first, then environment
 * variables (the names LeanEngine itself injects into instances, so a program run inside an
 * engine or a CI job with the same variables needs no extra setup).
 */
import { EMULATOR_DEFAULTS } from "../../platform/common/emulator-defaults";
import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import { activeProfileField } from "../core/profile";
import { withProfiles } from "../core/profiled";
import { callInProfile } from "../core/call-profile";
import { PlatformConfig, RETRY_ENV, configureWith, numberFrom, type ConfigSource } from "../core/stack-config";

/** Stack config keys (namespace `cloudfn`) and their environment fallbacks. */
export const CONFIG_KEYS = {
  appId: {
    key: "cloudfn:leancloudAppId",
    env: "LEANCLOUD_APP_ID",
    secret: false,
    description: "LeanCloud App ID. Its suffix selects the default region hosts",
  },
  appKey: {
    key: "cloudfn:leancloudAppKey",
    env: "LEANCLOUD_APP_KEY",
    secret: true,
    description: "App Key, used to sign function calls",
  },
  masterKey: {
    key: "cloudfn:leancloudMasterKey",
    env: "LEANCLOUD_APP_MASTER_KEY",
    secret: true,
    description: "Master Key: `useMasterKey` calls and `_ops/metadatas`",
  },
  serverUrl: {
    key: "cloudfn:leancloudServerUrl",
    env: "CLOUDFN_LEANCLOUD_SERVER_URL",
    secret: false,
    description:
      "API (and engine) base URL, e.g. the app's bound API domain or the local emulator. Default: lean-cli's shared host of the app's region",
  },
  consoleUrl: {
    key: "cloudfn:leancloudConsoleUrl",
    env: "CLOUDFN_LEANCLOUD_CONSOLE_URL",
    secret: false,
    description: "Console API base URL. Default: the console API of the app's region",
  },
  consoleToken: {
    key: "cloudfn:leancloudConsoleToken",
    env: "LEANCLOUD_CONSOLE_TOKEN",
    secret: true,
    description: "Console access token (`Authorization: Token …`) for deployments and variables",
  },
} as const;

type Setting = keyof typeof CONFIG_KEYS;

export { RETRY_ENV, type ConfigSource } from "../core/stack-config";
/** Poll interval of deploy events in ms (lean-cli waits 700 ms); tests shorten it. */
export const POLL_ENV = "CLOUDFN_LEANCLOUD_POLL_INTERVAL_MS";

/** Pointed at the emulator: the API and the console API both at its URL, with its app's keys. */
function emulatorSettings(url: string): Partial<Record<Setting, string>> {
  const { appId, appKey, masterKey, consoleToken } = EMULATOR_DEFAULTS.leancloud;
  return { serverUrl: url, consoleUrl: url, appId, appKey, masterKey, consoleToken };
}

const stack = new PlatformConfig<Setting>("LeanCloud", CONFIG_KEYS, emulatorSettings);

/** Stores the `cloudfn:leancloud*` keys; called from every LeanCloud provider's `configure`. */
export const setStackConfig = (config: ConfigSource): void => stack.set(config);
/** The `configure` of every provider of this platform. */
export const configure = configureWith(setStackConfig);
/** Forgets the stack config (tests). */
export const clearStackConfig = (): void => stack.clear();
/** What every provider of this platform exports: the implementation, run in its resource's profile. */
export const profiled = <P extends ResourceProvider>(impl: P): P => withProfiles(impl, stack);
/**
 * Runs a call that is not a resource step (a helper, a CLI command) in `profile`, judged and
 * resolved as a resource's would be; `config` as for `lookup` (default: the stored stack config).
 */
export const inCallProfile = <T>(
  profile: unknown,
  work: () => T,
  env: NodeJS.ProcessEnv = process.env,
  config?: ConfigSource,
): T => callInProfile(profile, { profileProblem: (p) => stack.profileProblem(p, env, config) }, work);

const lookup = (setting: Setting, env: NodeJS.ProcessEnv) => stack.lookup(setting, env);
const missing = (setting: Setting, why: string) => stack.missing(setting, why);
const required = (setting: Setting, env: NodeJS.ProcessEnv, why: string) => stack.required(setting, why, env);

const trim = (url: string) => url.replace(/\/+$/, "");

/**
 * The app's region, from the suffix LeanCloud puts on app ids (as lean-cli and the JS SDK read
 * it): `-MdYXbMMI` international, `-9Nh9j0Va` China East, anything else China North.
 */
export function regionOf(appId: string): "us-w1" | "cn-e1" | "cn-n1" {
  if (appId.endsWith("-MdYXbMMI")) return "us-w1";
  if (appId.endsWith("-9Nh9j0Va")) return "cn-e1";
  return "cn-n1";
}

/** The shared API host lean-cli uses for the app (bound custom domains must be configured). */
export function defaultServerUrl(appId: string): string {
  const id8 = appId.slice(0, 8).toLowerCase();
  const region = regionOf(appId);
  if (region === "us-w1") return `https://${id8}.api.lncldglobal.com`;
  return `https://${id8}.lc-${region}-shared.com`;
}

/** The console API base URL of the app's region (lean-cli's table). */
export function defaultConsoleUrl(appId: string): string {
  const region = regionOf(appId);
  if (region === "us-w1") return "https://us-w1-console-api.leancloud.app";
  return `https://${region}-console-api.leancloud.cn`;
}

export interface LeanCloudSettings {
  appId: string;
  appKey?: string;
  masterKey?: string;
  /** API (and engine) base URL, no trailing slash. */
  serverUrl: string;
  /** Console API base URL, no trailing slash. */
  consoleUrl: string;
  consoleToken?: string;
  retries?: number;
  retryBaseDelayMs?: number;
  pollIntervalMs: number;
  /** The profile these settings were resolved for (undefined: the default); keys every per-process cache. */
  profile?: string;
  /** Where each setting came from (`stack config …`, `default`…), for error messages. */
  sources?: Partial<Record<Setting, string>>;
}

/** Resolves every setting now; only the app id is required here (callers require the keys they use). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env): LeanCloudSettings {
  const appId = required("appId", env, "app id is not set");
  return {
    appId,
    appKey: lookup("appKey", env),
    masterKey: lookup("masterKey", env),
    serverUrl: trim(lookup("serverUrl", env) ?? defaultServerUrl(appId)),
    consoleUrl: trim(lookup("consoleUrl", env) ?? defaultConsoleUrl(appId)),
    consoleToken: lookup("consoleToken", env),
    retries: numberFrom(env[RETRY_ENV.retries]),
    retryBaseDelayMs: numberFrom(env[RETRY_ENV.baseDelayMs]),
    pollIntervalMs: numberFrom(env[POLL_ENV]) ?? 700,
    ...activeProfileField(),
    sources: stack.sources(Object.keys(CONFIG_KEYS) as Setting[], env),
  };
}

/** The master key, or an error naming where to set it. */
export function requireMasterKey(s: LeanCloudSettings, why: string): string {
  if (s.masterKey === undefined) throw missing("masterKey", `master key is not set (${why})`);
  return s.masterKey;
}

/** The app key, or an error naming where to set it. */
export function requireAppKey(s: LeanCloudSettings, why: string): string {
  if (s.appKey === undefined) throw missing("appKey", `app key is not set (${why})`);
  return s.appKey;
}

/** The console access token, or an error naming where to set it. */
export function requireConsoleToken(s: LeanCloudSettings, why: string): string {
  if (s.consoleToken === undefined) throw missing("consoleToken", `console access token is not set (${why})`);
  return s.consoleToken;
}
