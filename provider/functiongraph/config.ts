/**
 * Where FunctionGraph credentials and endpoints come from, resolved at CALL time (never captured
 * into `__provider`): the stack config handed to `configure()` first, then the environment
 * variables Huawei's own Terraform provider uses.
 */
import { EMULATOR_DEFAULTS } from "../../platform/common/emulator-defaults";
import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import { activeProfileField } from "../core/profile";
import { withProfiles } from "../core/profiled";
import { callInProfile } from "../core/call-profile";
import { PlatformConfig, RETRY_ENV, configureWith, numberFrom, type ConfigSource } from "../core/stack-config";

/** Stack config keys (namespace `cloudfn`) and their environment fallbacks. */
export const CONFIG_KEYS = {
  accessKey: {
    key: "cloudfn:functiongraphAccessKey",
    env: "HW_ACCESS_KEY",
    secret: true,
    description: "AK of the AK/SK pair",
  },
  secretKey: {
    key: "cloudfn:functiongraphSecretKey",
    env: "HW_SECRET_KEY",
    secret: true,
    description: "SK of the AK/SK pair",
  },
  region: { key: "cloudfn:functiongraphRegion", env: "HW_REGION_NAME", description: "Region, e.g. cn-north-4" },
  projectId: {
    key: "cloudfn:functiongraphProjectId",
    env: "HW_PROJECT_ID",
    description: "IAM project id of the region",
  },
  endpoint: {
    key: "cloudfn:functiongraphEndpoint",
    env: "CLOUDFN_FUNCTIONGRAPH_ENDPOINT",
    description: "Base URL override, e.g. the local emulator. Default https://functiongraph.{region}.myhuaweicloud.com",
  },
  iamEndpoint: {
    key: "cloudfn:functiongraphIamEndpoint",
    env: "HW_AUTH_URL",
    description: "IAM base URL for token auth. Default https://iam.myhuaweicloud.com",
  },
  auth: {
    key: "cloudfn:functiongraphAuth",
    env: "CLOUDFN_FUNCTIONGRAPH_AUTH",
    description: "`aksk` (default) or `token`",
  },
  userName: { key: "cloudfn:functiongraphUserName", env: "HW_USER_NAME", description: "IAM user name for token auth" },
  password: {
    key: "cloudfn:functiongraphPassword",
    env: "HW_PASSWORD",
    secret: true,
    description: "IAM password for token auth",
  },
  domainName: {
    key: "cloudfn:functiongraphDomainName",
    env: "HW_DOMAIN_NAME",
    description: "IAM domain (account) name for token auth",
  },
} as const;

type Setting = keyof typeof CONFIG_KEYS;

export { RETRY_ENV, type ConfigSource } from "../core/stack-config";

/** Pointed at the emulator: both APIs at its URL, and its account for either auth mode. */
function emulatorSettings(url: string): Partial<Record<Setting, string>> {
  const { accessKey, secretKey, region, projectId, userName, password, domainName } = EMULATOR_DEFAULTS.functiongraph;
  return { endpoint: url, iamEndpoint: url, accessKey, secretKey, region, projectId, userName, password, domainName };
}

const stack = new PlatformConfig<Setting>("FunctionGraph", CONFIG_KEYS, emulatorSettings);

/** Stores the `cloudfn:functiongraph*` keys; called from every FunctionGraph provider's `configure`. */
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
  /** The profile these settings were resolved for (undefined: the default); keys every per-process cache. */
  profile?: string;
  /** Where each setting came from (`stack config …`, `default`…), for error messages. */
  sources?: Partial<Record<Setting, string>>;
}

const lookup = (setting: Setting, env: NodeJS.ProcessEnv) => stack.lookup(setting, env);

/** Region and project when both are configured (stack config or env), without failing otherwise. */
export function knownRegionAndProject(
  env: NodeJS.ProcessEnv = process.env,
): { region: string; projectId: string } | undefined {
  const region = lookup("region", env);
  const projectId = lookup("projectId", env);
  return region && projectId ? { region, projectId } : undefined;
}

function resolveAuthMode(env: NodeJS.ProcessEnv): AuthMode {
  const raw = (lookup("auth", env) ?? "aksk").toLowerCase();
  if (raw === "aksk" || raw === "token") return raw;
  throw new Error(
    `FunctionGraph auth mode "${raw}" is not supported: set "${CONFIG_KEYS.auth.key}" to "aksk" or "token"`,
  );
}

const required = (setting: Setting, env: NodeJS.ProcessEnv, why: string) => stack.required(setting, why, env);

/** Resolves every setting now; throws naming the first missing key (never printing values). */
export function resolveSettings(env: NodeJS.ProcessEnv = process.env): FunctionGraphSettings {
  const auth = resolveAuthMode(env);
  const region = required("region", env, "region is not set");
  const projectId = required("projectId", env, "project id is not set");
  const endpoint = (lookup("endpoint", env) ?? `https://functiongraph.${region}.myhuaweicloud.com`).replace(/\/+$/, "");
  const iamEndpoint = (lookup("iamEndpoint", env) ?? "https://iam.myhuaweicloud.com")
    .replace(/\/+$/, "")
    .replace(/\/v3$/, "");
  const settings: FunctionGraphSettings = {
    auth,
    region,
    projectId,
    endpoint,
    iamEndpoint,
    retries: numberFrom(env[RETRY_ENV.retries]),
    retryBaseDelayMs: numberFrom(env[RETRY_ENV.baseDelayMs]),
    ...activeProfileField(),
    sources: stack.sources(Object.keys(CONFIG_KEYS) as Setting[], env),
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
