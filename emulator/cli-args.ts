/** Command-line and environment parsing of cloudfn-emulator (pure, unit-tested). */
import { EMULATOR_DEFAULTS, EMULATOR_SWITCH } from "../platform/common/emulator-defaults";
import { packageVersion } from "../platform/common/package-version";
import { DEFAULT_LIMITS } from "./minapp/env";
import { DEFAULT_HOST, DEFAULT_LEANCLOUD_FUNCTION_TIMEOUT_MS, type EmulatorOptions } from "./server";
import { EMULATOR_APIG_APP } from "./functiongraph/apig/app-credentials";

const MINAPP_CRED_FLAGS = {
  "--minapp-client-id": ["clientId", "CLOUDFN_EMULATOR_MINAPP_CLIENT_ID"],
  "--minapp-client-secret": ["clientSecret", "CLOUDFN_EMULATOR_MINAPP_CLIENT_SECRET"],
} as const;

const CRED_FLAGS = {
  "--fg-access-key": ["accessKey", "CLOUDFN_EMULATOR_FG_ACCESS_KEY"],
  "--fg-secret-key": ["secretKey", "CLOUDFN_EMULATOR_FG_SECRET_KEY"],
  "--fg-project-id": ["projectId", "CLOUDFN_EMULATOR_FG_PROJECT_ID"],
  "--fg-region": ["region", "CLOUDFN_EMULATOR_FG_REGION"],
} as const;

const APIG_APP_FLAGS = {
  "--apig-app-key": ["key", "CLOUDFN_EMULATOR_APIG_APP_KEY"],
  "--apig-app-secret": ["secret", "CLOUDFN_EMULATOR_APIG_APP_SECRET"],
  "--apig-app-code": ["code", "CLOUDFN_EMULATOR_APIG_APP_CODE"],
} as const;

const LC_FLAGS = {
  "--lc-app-id": ["appId", "CLOUDFN_EMULATOR_LC_APP_ID"],
  "--lc-app-key": ["appKey", "CLOUDFN_EMULATOR_LC_APP_KEY"],
  "--lc-master-key": ["masterKey", "CLOUDFN_EMULATOR_LC_MASTER_KEY"],
  "--lc-hook-key": ["hookKey", "CLOUDFN_EMULATOR_LC_HOOK_KEY"],
  "--lc-console-token": ["consoleToken", "CLOUDFN_EMULATOR_LC_CONSOLE_TOKEN"],
} as const;

/** One help line per credential flag: flag, environment variable, default (read from the defaults). */
function flagLines(flags: Record<string, readonly [string, string]>, defaults: Record<string, unknown>): string[] {
  return Object.entries(flags).map(
    ([flag, [key, env]]) => `  ${flag.padEnd(24)} ${env.padEnd(40)} ${String(defaults[key])}`,
  );
}

/** The help text; every default in it comes from the values the emulator really uses. */
export function usage(): string {
  const { functiongraph: fg, leancloud: lc, minapp } = EMULATOR_DEFAULTS;
  return [
    "usage: cloudfn-emulator [--port N] [--host H] [--state FILE] [--seed N] [--version] [--help]",
    "                        [credential flags] [--lc-function-timeout-ms MS] [--minapp-sync-timeout-ms MS]",
    `--port defaults to 0 (a free port; the URL is the first line of stdout), --host to ${DEFAULT_HOST}.`,
    "Credentials: flag, environment variable, default (flags override the environment):",
    ...flagLines(CRED_FLAGS, fg),
    `  IAM user / password / domain (token auth): ${fg.userName} / ${fg.password} / ${fg.domainName}`,
    ...flagLines(APIG_APP_FLAGS, EMULATOR_APIG_APP),
    ...flagLines(LC_FLAGS, lc),
    ...flagLines(MINAPP_CRED_FLAGS, minapp),
    `  MinApp test environment (X-Hydrogen-Env-ID): ${minapp.environments.join(", ")}`,
    `--lc-function-timeout-ms defaults to ${DEFAULT_LEANCLOUD_FUNCTION_TIMEOUT_MS}, --minapp-sync-timeout-ms to ${DEFAULT_LIMITS.syncTimeoutMs}.`,
    `Point a stack at it: pulumi config set ${EMULATOR_SWITCH.key} <URL>  (or ${EMULATOR_SWITCH.env}=<URL>).`,
  ].join("\n");
}

/**
 * The line printed on start, after the URL, telling how to point a stack at this emulator. The
 * switch implies the default credentials, so overridden ones must then be set explicitly too.
 */
export function switchHint(url: string, opts: EmulatorOptions): string {
  const hint = `use it: pulumi config set ${EMULATOR_SWITCH.key} ${url}   (or export ${EMULATOR_SWITCH.env}=${url})`;
  const overridden = [opts.credentials, opts.leancloud, opts.minapp?.credentials].some((o) => o !== undefined);
  return overridden
    ? `${hint}\n  and set the credentials overridden here explicitly (the switch implies the defaults)`
    : hint;
}

/** What `--help` or `--version` asks to print instead of starting, if either is given. */
export function informationRequested(argv: string[]): string | undefined {
  if (argv.includes("--help") || argv.includes("-h")) return usage();
  if (argv.includes("--version")) return packageVersion();
  return undefined;
}

export class UsageError extends Error {}

function integer(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The settings a flag table's environment variables give. */
function fromEnvironment(
  flags: Record<string, readonly [string, string]>,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, name] of Object.values(flags)) if (env[name]) out[key] = env[name];
  return out;
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): EmulatorOptions {
  const opts: EmulatorOptions = { port: 0 };
  const credentials = fromEnvironment(CRED_FLAGS, env);
  const apigApp = fromEnvironment(APIG_APP_FLAGS, env);
  const leancloud = fromEnvironment(LC_FLAGS, env);
  const minappCreds = fromEnvironment(MINAPP_CRED_FLAGS, env);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--port") opts.port = integer(flag, value(), 0, 65535);
    else if (flag === "--host") opts.host = value();
    else if (flag === "--state") opts.stateFile = value();
    else if (flag === "--seed") opts.seed = integer(flag, value(), 0, 2 ** 32 - 1);
    else if (flag in LC_FLAGS) leancloud[LC_FLAGS[flag as keyof typeof LC_FLAGS][0]] = value();
    else if (flag === "--lc-function-timeout-ms") opts.leancloudFunctionTimeoutMs = integer(flag, value(), 1, 600_000);
    else if (flag in CRED_FLAGS) credentials[CRED_FLAGS[flag as keyof typeof CRED_FLAGS][0]] = value();
    else if (flag in APIG_APP_FLAGS) apigApp[APIG_APP_FLAGS[flag as keyof typeof APIG_APP_FLAGS][0]] = value();
    else if (flag in MINAPP_CRED_FLAGS)
      minappCreds[MINAPP_CRED_FLAGS[flag as keyof typeof MINAPP_CRED_FLAGS][0]] = value();
    else if (flag === "--minapp-sync-timeout-ms")
      opts.minapp = { ...opts.minapp, syncTimeoutMs: integer(flag, value(), 1, 600_000) };
    else throw new UsageError(`unknown argument ${argv[i]}`);
  }
  if (Object.keys(credentials).length > 0) opts.credentials = credentials;
  if (Object.keys(apigApp).length > 0) opts.apigApp = apigApp;
  if (Object.keys(leancloud).length > 0) opts.leancloud = leancloud;
  if (Object.keys(minappCreds).length > 0) opts.minapp = { ...opts.minapp, credentials: minappCreds };
  return opts;
}
