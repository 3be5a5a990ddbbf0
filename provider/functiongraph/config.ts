/**
 * Where FunctionGraph credentials and endpoints come from, resolved at CALL time (never captured
 * into `__provider`): the stack config handed to `configure()` first, then the environment
 * variables Huawei's own Terraform provider uses.
 */

/** Stack config keys (namespace `cloudfn`) and their environment fallbacks. */
export const CONFIG_KEYS = {
  accessKey: { key: "cloudfn:functiongraphAccessKey", env: "HW_ACCESS_KEY" },
  secretKey: { key: "cloudfn:functiongraphSecretKey", env: "HW_SECRET_KEY" },
  region: { key: "cloudfn:functiongraphRegion", env: "HW_REGION_NAME" },
  projectId: { key: "cloudfn:functiongraphProjectId", env: "HW_PROJECT_ID" },
  endpoint: { key: "cloudfn:functiongraphEndpoint", env: "CLOUDFN_FUNCTIONGRAPH_ENDPOINT" },
  iamEndpoint: { key: "cloudfn:functiongraphIamEndpoint", env: "HW_AUTH_URL" },
  auth: { key: "cloudfn:functiongraphAuth", env: "CLOUDFN_FUNCTIONGRAPH_AUTH" },
  userName: { key: "cloudfn:functiongraphUserName", env: "HW_USER_NAME" },
  password: { key: "cloudfn:functiongraphPassword", env: "HW_PASSWORD" },
  domainName: { key: "cloudfn:functiongraphDomainName", env: "HW_DOMAIN_NAME" },
} as const;

type Setting = keyof typeof CONFIG_KEYS;

/** Retry tuning read from the environment (handy for tests and slow networks). */
export const RETRY_ENV = { retries: "CLOUDFN_MAX_RETRIES", baseDelayMs: "CLOUDFN_RETRY_BASE_DELAY_MS" } as const;

/** Stack config captured by `configure()`; module-level so every call of this process sees it. */
const stackConfig = new Map<string, string>();

/** A minimal view of the `ConfigureRequest.config` object. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Stores the `cloudfn:functiongraph*` keys; called from the provider's `configure`. */
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

export type AuthMode = "aksk" | "token";

export interface FunctionGraphSettings {
  auth: AuthMode;
  region: string;
  projectId: string;
  /** Base URL of FunctionGraph, no trailing slash. */
  endpoint: string;
  accessKey?: string;
  secretKey?: string;
  /** IAM base URL (token mode), no trailing slash. */
  iamEndpoint: string;
  userName?: string;
  password?: string;
  domainName?: string;
  retries?: number;
  retryBaseDelayMs?: number;
}

function lookup(setting: Setting, env: NodeJS.ProcessEnv): string | undefined {
  const { key, env: name } = CONFIG_KEYS[setting];
  return stackConfig.get(key) ?? (env[name] || undefined);
}

/** Region and project when both are configured (stack config or env), without failing otherwise. */
export function knownRegionAndProject(env: NodeJS.ProcessEnv = process.env): { region: string; projectId: string } | undefined {
  const region = lookup("region", env);
  const projectId = lookup("projectId", env);
  return region && projectId ? { region, projectId } : undefined;
}

/** Names the config key and variable, never the value. */
function missing(setting: Setting, why: string): Error {
  const { key, env } = CONFIG_KEYS[setting];
  return new Error(`FunctionGraph ${why}: set stack config "${key}" (pulumi config set ${key.includes("Key") || key.includes("Password") ? "--secret " : ""}${key} ...) or the environment variable ${env}`);
}

function numberFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function resolveAuthMode(env: NodeJS.ProcessEnv): AuthMode {
  const raw = (lookup("auth", env) ?? "aksk").toLowerCase();
  if (raw === "aksk" || raw === "token") return raw;
  throw new Error(`FunctionGraph auth mode "${raw}" is not supported: set "${CONFIG_KEYS.auth.key}" to "aksk" or "token"`);
}

function required(setting: Setting, env: NodeJS.ProcessEnv, why: string): string {
  const value = lookup(setting, env);
  if (value === undefined) throw missing(setting, why);
  return value;
}

/** Resolves every setting now; throws naming the first missing key (never printing values). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env): FunctionGraphSettings {
  const auth = resolveAuthMode(env);
  const region = required("region", env, "region is not set");
  const projectId = required("projectId", env, "project id is not set");
  const endpoint = (lookup("endpoint", env) ?? `https://functiongraph.${region}.myhuaweicloud.com`).replace(/\/+$/, "");
  const iamEndpoint = (lookup("iamEndpoint", env) ?? "https://iam.myhuaweicloud.com").replace(/\/+$/, "").replace(/\/v3$/, "");
  const settings: FunctionGraphSettings = {
    auth, region, projectId, endpoint, iamEndpoint,
    retries: numberFrom(env[RETRY_ENV.retries]),
    retryBaseDelayMs: numberFrom(env[RETRY_ENV.baseDelayMs]),
  };
  if (auth === "aksk") {
    settings.accessKey = required("accessKey", env, "access key is not set (AK/SK auth)");
    settings.secretKey = required("secretKey", env, "secret key is not set (AK/SK auth)");
  } else {
    settings.userName = required("userName", env, "IAM user name is not set (token auth)");
    settings.password = required("password", env, "IAM password is not set (token auth)");
    settings.domainName = required("domainName", env, "IAM domain (account) name is not set (token auth)");
  }
  return settings;
}
