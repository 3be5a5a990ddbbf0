/**
 * Where MinApp credentials and endpoints come from, resolved at CALL time (never captured into
 * `__provider`): the stack config handed to `configure()` first, then environment variables.
 * Follows provider/functiongraph/config.ts.
 */
import { EMULATOR_DEFAULTS } from "../../platform/common/emulator-defaults";
import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import { activeProfileField } from "../core/profile";
import { withProfiles } from "../core/profiled";
import { callInProfile } from "../core/call-profile";
import { PlatformConfig, RETRY_ENV, configureWith, numberFrom, type ConfigSource } from "../core/stack-config";

/** Stack config keys (namespace `cloudfn`) and their environment fallbacks. */
export const CONFIG_KEYS = {
  clientId: {
    key: "cloudfn:minappClientId",
    env: "MINAPP_CLIENT_ID",
    description: "MinApp ClientID (console 设置 → 应用)",
  },
  clientSecret: {
    key: "cloudfn:minappClientSecret",
    env: "MINAPP_CLIENT_SECRET",
    secret: true,
    description: "MinApp ClientSecret",
  },
  endpoint: {
    key: "cloudfn:minappEndpoint",
    env: "CLOUDFN_MINAPP_ENDPOINT",
    description: "Base URL override, e.g. the local emulator. Default https://cloud.minapp.com",
  },
  environmentId: {
    key: "cloudfn:minappEnvironmentId",
    env: "MINAPP_ENVIRONMENT_ID",
    description: "Default test environment (测试环境) id, sent as X-Hydrogen-Env-ID. Unset = production",
  },
} as const;

type Setting = keyof typeof CONFIG_KEYS;

/** The public MinApp host (docs/reference/minapp-api.md §1). */
export const DEFAULT_ENDPOINT = "https://cloud.minapp.com";

export { RETRY_ENV, type ConfigSource } from "../core/stack-config";

/** Pointed at the emulator: its URL and its app's client; production unless set (no env id). */
function emulatorSettings(url: string): Partial<Record<Setting, string>> {
  const { clientId, clientSecret } = EMULATOR_DEFAULTS.minapp;
  return { endpoint: url, clientId, clientSecret };
}

const stack = new PlatformConfig<Setting>("MinApp", CONFIG_KEYS, emulatorSettings);

/** Stores the `cloudfn:minapp*` keys; called from the providers' `configure`. */
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

export interface MinAppSettings {
  clientId: string;
  clientSecret: string;
  /** Base URL, no trailing slash. */
  endpoint: string;
  retries?: number;
  retryBaseDelayMs?: number;
  /** The profile these settings were resolved for (undefined: the default); keys every per-process cache. */
  profile?: string;
  /** Where each setting came from (`stack config …`, `default`…), for error messages. */
  sources?: Partial<Record<Setting, string>>;
}

/** `config` replaces the stored stack config (the job helpers pass the program's own). */
const lookup = (setting: Setting, env: NodeJS.ProcessEnv, config?: ConfigSource) => stack.lookup(setting, env, config);
const required = (setting: Setting, env: NodeJS.ProcessEnv, what: string, config?: ConfigSource) =>
  stack.required(setting, `${what} is not set`, env, config);

/** Resolves every setting now; throws naming the first missing key (never printing values). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): MinAppSettings {
  return {
    clientId: required("clientId", env, "ClientID", config),
    clientSecret: required("clientSecret", env, "ClientSecret", config),
    endpoint: (lookup("endpoint", env, config) ?? DEFAULT_ENDPOINT).replace(/\/+$/, ""),
    retries: numberFrom(env[RETRY_ENV.retries]),
    retryBaseDelayMs: numberFrom(env[RETRY_ENV.baseDelayMs]),
    ...activeProfileField(),
    sources: stack.sources(["clientId", "clientSecret", "endpoint"], env, config),
  };
}

/** The environment (测试环境) id from config, or undefined for production. */
export function defaultEnvironmentId(env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): string | undefined {
  return lookup("environmentId", env, config);
}
