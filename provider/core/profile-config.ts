/**
 * Where a profile's settings are written: stack config `cloudfn:profiles`, which `pulumi config
 * set --path cloudfn:profiles.south.functiongraphRegion …` makes an object. The dynamic
 * provider's `configure()` receives it as one JSON text (secrets set with `--secret --path`
 * already decrypted inside it, and the whole text marked secret); the native plugin's provider
 * input may arrive the same way. Then environment variables with the profile as suffix.
 * Messages name keys and variables, never values.
 */
import { PROFILES_CONFIG_KEY, envSuffix } from "./profile";

/** Profile name → setting name (the config key without `cloudfn:`) → value. */
export type ProfileTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

const MALFORMED =
  `stack config ${PROFILES_CONFIG_KEY} must be an object of profiles, each an object of settings ` +
  `(set them with: pulumi config set --path ${PROFILES_CONFIG_KEY}.<profile>.<setting> <value>)`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Scalars as text (`--path` may store numbers and booleans as such); anything else is malformed. */
function settingsOf(profile: unknown): Record<string, string> | undefined {
  if (!isObject(profile)) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(profile)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
    out[name] = String(value);
  }
  return out;
}

function parse(raw: string | undefined): ProfileTable | Error {
  if (raw === undefined || raw === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return new Error(MALFORMED);
  }
  if (!isObject(value)) return new Error(MALFORMED);
  const table: Record<string, Record<string, string>> = {};
  for (const [name, profile] of Object.entries(value)) {
    const settings = settingsOf(profile);
    if (!settings) return new Error(`${MALFORMED}; ${PROFILES_CONFIG_KEY}.${name} is not`);
    table[name] = settings;
  }
  return table;
}

let last: { raw: string | undefined; table: ProfileTable | Error } = { raw: undefined, table: {} };

/** The profiles of a config text, parsed once per distinct text; an Error when malformed. */
export function profileTable(raw: string | undefined): ProfileTable | Error {
  if (raw !== last.raw) last = { raw, table: parse(raw) };
  return last.table;
}

/** One setting of a profile and where it was found. */
export interface ProfileValue {
  value: string;
  source: string;
}

/** A setting as `<key>` in the profile's stack config, else `<ENV>_<PROFILE>` in the environment. */
export function profileValue(
  table: ProfileTable,
  profile: string,
  key: { key: string; env: string },
  env: NodeJS.ProcessEnv,
): ProfileValue | undefined {
  const field = profileField(key.key);
  const configured = table[profile]?.[field] || undefined;
  if (configured !== undefined) return { value: configured, source: `stack config ${profileKey(profile, field)}` };
  const variable = profileEnv(profile, key.env);
  const fromEnv = env[variable] || undefined;
  return fromEnv === undefined ? undefined : { value: fromEnv, source: `environment variable ${variable}` };
}

/** `cloudfn:functiongraphRegion` → `functiongraphRegion`. */
export const profileField = (configKey: string): string => configKey.replace(/^cloudfn:/, "");
/** `cloudfn:profiles.south.functiongraphRegion`. */
export const profileKey = (profile: string, field: string): string => `${PROFILES_CONFIG_KEY}.${profile}.${field}`;
/** `HW_REGION_NAME_SOUTH`. */
export const profileEnv = (profile: string, variable: string): string => `${variable}_${envSuffix(profile)}`;
