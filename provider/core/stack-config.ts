/**
 * Stack config with environment fallback, the way every platform's settings are found: the
 * `cloudfn:*` keys handed to a provider's `configure()` first, then an environment variable.
 * Read at CALL time, so nothing is captured into `__provider`. Errors name the key and the
 * variable, never a value. Last comes the emulator switch: when `cloudfn:emulator` (or
 * CLOUDFN_EMULATOR) holds the emulator's URL, every setting nobody set explicitly takes the
 * value the platform derives from that URL and the emulator's default credentials.
 * Inside a call for a resource with a `profile` (provider/core/profile.ts), the profile's own
 * settings come first: `cloudfn:profiles.<profile>.<setting>`, then `<ENV>_<PROFILE>`, then
 * what the profile's own `emulator` implies; only then the default resolution above.
 */
import { EMULATOR_SWITCH } from "../../platform/common/emulator-defaults";
import { PROFILES_CONFIG_KEY, activeProfile } from "./profile";
import { didYouMean } from "./suggest";
import { profileEnv, profileField, profileKey, profileTable, profileValue } from "./profile-config";

/** Every provider's `configure`: hands the stack's `cloudfn:*` keys to its platform's config. */
export function configureWith(set: (config: ConfigSource) => void): (req: { config: ConfigSource }) => Promise<void> {
  return async (req) => set(req.config);
}

/** Retry tuning read from the environment (handy for tests and slow networks). */
export const RETRY_ENV = { retries: "CLOUDFN_MAX_RETRIES", baseDelayMs: "CLOUDFN_RETRY_BASE_DELAY_MS" } as const;

/** A minimal view of the `ConfigureRequest.config` object. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface ConfigKey {
  /** Stack config key, e.g. `cloudfn:functiongraphRegion`. */
  key: string;
  /** Environment variable used when the stack config does not set the key. */
  env: string;
  /** Set with `pulumi config set --secret`. */
  secret?: boolean;
}

/** The switch's own key; not tied to one platform, it is read by every platform's config. */
export const EMULATOR_CONFIG_KEY = {
  ...EMULATOR_SWITCH,
  description:
    "Base URL of the local emulator, e.g. http://127.0.0.1:8080: every platform's endpoints point at it and its default credentials apply, unless set explicitly",
} as const;

/** A platform's settings when pointed at the emulator at `url` (no trailing slash). */
export type EmulatorFallback<K extends string> = (url: string) => Partial<Record<K, string>>;

/** A non-negative number from an environment variable, or undefined. */
export function numberFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A setting's value and where it came from. */
interface Found {
  value: string;
  source: string;
}

/** One platform's keys; module-level in each platform so every call of this process sees them. */
export class PlatformConfig<K extends string> {
  private readonly stored = new Map<string, string>();

  /** @param platform the name errors start with, e.g. "FunctionGraph". */
  constructor(
    private readonly platform: string,
    readonly keys: Readonly<Record<K, ConfigKey>>,
    private readonly emulatorFallback: EmulatorFallback<K> = () => ({}),
  ) {}

  /** Keeps this platform's keys (and the switch) of a stack config; called from every `configure`. */
  set(config: ConfigSource): void {
    this.stored.clear();
    for (const key of [
      ...Object.values<ConfigKey>(this.keys).map((k) => k.key),
      EMULATOR_CONFIG_KEY.key,
      PROFILES_CONFIG_KEY,
    ]) {
      const value = config.get(key);
      if (value !== undefined && value !== "") this.stored.set(key, value);
    }
  }

  /** Forgets the stack config (tests). */
  clear(): void {
    this.stored.clear();
  }

  /**
   * The setting from `config` (default: the stored stack config), else from the environment,
   * else what the emulator switch implies.
   */
  lookup(setting: K, env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): string | undefined {
    return this.find(setting, env, config)?.value;
  }

  /**
   * Where `lookup` finds the setting, for messages (never the value): `stack config <key>`,
   * `environment variable <NAME>`, `the emulator switch (…)`, or `default` when nothing sets it.
   */
  source(setting: K, env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): string {
    return this.find(setting, env, config)?.source ?? "default";
  }

  /** Sources of several settings at once, for a client's error context. */
  sources<S extends K>(settings: readonly S[], env: NodeJS.ProcessEnv = process.env, config?: ConfigSource) {
    return Object.fromEntries(settings.map((s) => [s, this.source(s, env, config)])) as Record<S, string>;
  }

  private find(setting: K, env: NodeJS.ProcessEnv, config?: ConfigSource): Found | undefined {
    const profile = activeProfile();
    const own = profile === undefined ? undefined : this.fromProfile(profile, setting, env, config);
    if (own !== undefined) return own;
    const explicit = this.explicit(this.keys[setting], env, config);
    return explicit ?? this.derived(setting, this.explicit(EMULATOR_CONFIG_KEY, env, config));
  }

  /** What the emulator switch found at `emulator` implies for the setting. */
  private derived(setting: K, emulator: Found | undefined): Found | undefined {
    const url = emulator?.value.replace(/\/+$/, "");
    const value = url ? this.emulatorFallback(url)[setting] : undefined;
    return value === undefined || !emulator ? undefined : { value, source: `the emulator switch (${emulator.source})` };
  }

  /** The profile's own value, else what the profile's own emulator URL implies. */
  private fromProfile(profile: string, setting: K, env: NodeJS.ProcessEnv, config?: ConfigSource): Found | undefined {
    const table = this.profiles(config);
    const explicit = profileValue(table, profile, this.keys[setting], env);
    return explicit ?? this.derived(setting, profileValue(table, profile, EMULATOR_CONFIG_KEY, env));
  }

  /** The parsed `cloudfn:profiles`; a malformed value fails every profile lookup with its rule. */
  private profiles(config?: ConfigSource) {
    const table = profileTable(config ? config.get(PROFILES_CONFIG_KEY) : this.stored.get(PROFILES_CONFIG_KEY));
    if (table instanceof Error) throw table;
    return table;
  }

  /**
   * Why `profile` cannot serve this platform, or undefined: the profile sets nothing at all
   * (a typo of its name would otherwise silently deploy with the default configuration), or it
   * names a setting of this platform that does not exist (a typo there would fall back silently).
   */
  profileProblem(profile: string, env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): string | undefined {
    const table = profileTable(config ? config.get(PROFILES_CONFIG_KEY) : this.stored.get(PROFILES_CONFIG_KEY));
    if (table instanceof Error) return table.message;
    const keys = [...Object.values<ConfigKey>(this.keys), EMULATOR_CONFIG_KEY];
    const unknown = this.unknownSetting(Object.keys(table[profile] ?? {}), keys);
    if (unknown) return `${profileKey(profile, unknown.field)} is not a ${this.platform} setting${unknown.hint}`;
    if (keys.some((k) => profileValue(table, profile, k, env) !== undefined)) return undefined;
    const fields = keys.map((k) => profileField(k.key)).join(", ");
    const variables = keys.map((k) => profileEnv(profile, k.env)).join(", ");
    return (
      `profile "${profile}" has no ${this.platform} settings: looked for stack config ${profileKey(profile, "<setting>")} ` +
      `(settings: ${fields}; pulumi config set --path ${profileKey(profile, "<setting>")} <value>) and the environment variables ${variables}`
    );
  }

  /** The first field with this platform's prefix (`functiongraph…`) that is not one of its settings. */
  private unknownSetting(fields: readonly string[], keys: readonly ConfigKey[]) {
    const known = keys.map((k) => profileField(k.key));
    const prefix = /^[a-z]+/.exec(known[0])?.[0] ?? "";
    const field = fields.find((f) => f.startsWith(prefix) && !known.includes(f));
    return field === undefined ? undefined : { field, hint: didYouMean(field, known) };
  }

  private explicit({ key, env: name }: ConfigKey, env: NodeJS.ProcessEnv, config?: ConfigSource): Found | undefined {
    const configured = (config ? config.get(key) : this.stored.get(key)) || undefined;
    if (configured !== undefined) return { value: configured, source: `stack config ${key}` };
    const fromEnv = env[name] || undefined;
    return fromEnv === undefined ? undefined : { value: fromEnv, source: `environment variable ${name}` };
  }

  /** An error saying where to set the setting, e.g. "LeanCloud app id is not set: set …". */
  missing(setting: K, why: string): Error {
    const { key, env, secret } = this.keys[setting];
    const profile = activeProfile();
    const flag = secret ? "--secret " : "";
    if (profile === undefined)
      return new Error(
        `${this.platform} ${why}: set stack config "${key}" (pulumi config set ${flag}${key} ...) or the environment variable ${env}`,
      );
    const own = profileKey(profile, profileField(key));
    return new Error(
      `${this.platform} ${why} for profile "${profile}": set stack config "${own}" (pulumi config set ${flag}--path ${own} ...) or the environment variable ${profileEnv(profile, env)}, or the default "${key}" or ${env}`,
    );
  }

  required(setting: K, why: string, env: NodeJS.ProcessEnv = process.env, config?: ConfigSource): string {
    const value = this.lookup(setting, env, config);
    if (value === undefined) throw this.missing(setting, why);
    return value;
  }
}
