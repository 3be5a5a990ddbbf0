/** Command-line and environment parsing of cloudfn-emulator (pure, unit-tested). */
import type { EmulatorOptions } from "./server";

export const USAGE = `usage: cloudfn-emulator [--port N] [--host H] [--state FILE] [--seed N]
       [--fg-access-key AK] [--fg-secret-key SK] [--fg-project-id ID] [--fg-region REGION]
       [--lc-app-id ID] [--lc-app-key K] [--lc-master-key K] [--lc-hook-key K] [--lc-console-token T]
       [--lc-function-timeout-ms MS]
Credentials default to EMULATOR_DEFAULTS (emulator/defaults.ts); the environment variables
CLOUDFN_EMULATOR_FG_ACCESS_KEY, _SECRET_KEY, _PROJECT_ID and _REGION override them, and flags
override the environment. LeanCloud keys likewise: CLOUDFN_EMULATOR_LC_APP_ID, _APP_KEY,
_MASTER_KEY, _HOOK_KEY and _CONSOLE_TOKEN.
MinApp: [--minapp-client-id ID] [--minapp-client-secret SECRET] [--minapp-sync-timeout-ms MS]
(env CLOUDFN_EMULATOR_MINAPP_CLIENT_ID, _CLIENT_SECRET).`;

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

const LC_FLAGS = {
  "--lc-app-id": ["appId", "CLOUDFN_EMULATOR_LC_APP_ID"],
  "--lc-app-key": ["appKey", "CLOUDFN_EMULATOR_LC_APP_KEY"],
  "--lc-master-key": ["masterKey", "CLOUDFN_EMULATOR_LC_MASTER_KEY"],
  "--lc-hook-key": ["hookKey", "CLOUDFN_EMULATOR_LC_HOOK_KEY"],
  "--lc-console-token": ["consoleToken", "CLOUDFN_EMULATOR_LC_CONSOLE_TOKEN"],
} as const;

export class UsageError extends Error {}

function integer(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): EmulatorOptions {
  const opts: EmulatorOptions = { port: 0 };
  const credentials: Record<string, string> = {};
  for (const [, [key, name]] of Object.entries(CRED_FLAGS)) if (env[name]) credentials[key] = env[name];
  const leancloud: Record<string, string> = {};
  for (const [, [key, name]] of Object.entries(LC_FLAGS)) if (env[name]) leancloud[key] = env[name];
  const minappCreds: Record<string, string> = {};
  for (const [, [key, name]] of Object.entries(MINAPP_CRED_FLAGS)) if (env[name]) minappCreds[key] = env[name];
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
    else if (flag in MINAPP_CRED_FLAGS)
      minappCreds[MINAPP_CRED_FLAGS[flag as keyof typeof MINAPP_CRED_FLAGS][0]] = value();
    else if (flag === "--minapp-sync-timeout-ms")
      opts.minapp = { ...opts.minapp, syncTimeoutMs: integer(flag, value(), 1, 600_000) };
    else throw new UsageError(`unknown argument ${argv[i]}`);
  }
  if (Object.keys(credentials).length > 0) opts.credentials = credentials;
  if (Object.keys(leancloud).length > 0) opts.leancloud = leancloud;
  if (Object.keys(minappCreds).length > 0) opts.minapp = { ...opts.minapp, credentials: minappCreds };
  return opts;
}
