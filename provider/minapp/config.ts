/**
 * Where MinApp credentials and endpoints come from, resolved at CALL time (never captured into
 * `__provider`): the stack config handed to `configure()` first, then environment variables.
 * Follows provider/functiongraph/config.ts.
 */

/** Stack config keys (namespace `cloudfn`) and their environment fallbacks. */
export const CONFIG_KEYS = {
  clientId: { key: "cloudfn:minappClientId", env: "MINAPP_CLIENT_ID" },
  clientSecret: { key: "cloudfn:minappClientSecret", env: "MINAPP_CLIENT_SECRET" },
  endpoint: { key: "cloudfn:minappEndpoint", env: "CLOUDFN_MINAPP_ENDPOINT" },
  environmentId: { key: "cloudfn:minappEnvironmentId", env: "MINAPP_ENVIRONMENT_ID" },
} as const;

type Setting = keyof typeof CONFIG_KEYS;

/** The public MinApp host (minapp-api.md §1). */
export const DEFAULT_ENDPOINT = "https://cloud.minapp.com";

/** Retry tuning shared with the other platforms. */
export const RETRY_ENV = { retries: "CLOUDFN_MAX_RETRIES", baseDelayMs: "CLOUDFN_RETRY_BASE_DELAY_MS" } as const;

/** Stack config captured by `configure()`; module-level so every call of this process sees it. */
const stackConfig = new Map<string, string>();

/** A minimal view of the `ConfigureRequest.config` object. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Stores the `cloudfn:minapp*` keys; called from the providers' `configure`. */
export function setStackConfig(config: ConfigSource): void {
  stackConfig.clear();
  for (const { key } of Object.values(CONFIG_KEYS)) {
    const value = config.get(key);
    if (value !== undefined && value !== "") stackConfig.set(key, value);
  }
}

/** Forgets the stack config (tests). */
export function clearStackConfig(): void {
  stackConfig.clear();
}

export interface MinAppSettings {
  clientId: string;
  clientSecret: string;
  /** Base URL, no trailing slash. */
  endpoint: string;
  retries?: number;
  retryBaseDelayMs?: number;
}

/** `config` replaces the stored stack config (the job helpers pass the program's own). */
function lookup(setting: Setting, env: NodeJS.ProcessEnv, config?: ConfigSource): string | undefined {
  const { key, env: name } = CONFIG_KEYS[setting];
  const configured = config ? config.get(key) : stackConfig.get(key);
  return (configured || undefined) ?? (env[name] || undefined);
}

function numberFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Names the config key and variable, never the value. */
function required(setting: Setting, env: NodeJS.ProcessEnv, what: string, config?: ConfigSource): string {
  const value = lookup(setting, env, config);
  if (value !== undefined) return value;
  const { key, env: name } = CONFIG_KEYS[setting];
  const secret = setting === "clientSecret" ? "--secret " : "";
  throw new Error(`MinApp ${what} is not set: set stack config "${key}" (pulumi config set ${secret}${key} ...) or the environment variable ${name}`);
}

/** Resolves every setting now; throws naming the first missing key (never printing values). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): MinAppSettings {
  return {
    clientId: required("clientId", env, "ClientID", config),
    clientSecret: required("clientSecret", env, "ClientSecret", config),
    endpoint: (lookup("endpoint", env, config) ?? DEFAULT_ENDPOINT).replace(/\/+$/, ""),
    retries: numberFrom(env[RETRY_ENV.retries]),
    retryBaseDelayMs: numberFrom(env[RETRY_ENV.baseDelayMs]),
  };
}

/** The environment (测试环境) id from config, or undefined for production. */
export function defaultEnvironmentId(env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): string | undefined {
  return lookup("environmentId", env, config);
}
