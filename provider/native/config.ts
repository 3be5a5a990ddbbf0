/**
 * Provider configuration: the inputs of a `pulumi:providers:cloudfn` resource (the default one
 * takes the stack's `cloudfn:*` config; an explicit one takes its own properties). They reach the
 * implementations through their `configure`, exactly as the dynamic host's stack config does,
 * and live only in this process: the engine starts one plugin process per provider instance, so
 * two explicit providers never share credentials, and nothing here is written to resource state.
 */
import type { ConfigSource } from "../core/stack-config";
import { CONFIG_KEYS, RESOURCES } from "../registry";
import { implementationOf } from "./resources";
import type { Props } from "./values";

/** Provider inputs are named without the `cloudfn:` namespace (`functiongraphRegion`). */
export const CONFIG_NAMES: readonly string[] = CONFIG_KEYS.map((c) => c.key.replace(/^cloudfn:/, ""));

const asText = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === "string" ? value : JSON.stringify(value);

/** A `ConfigSource` over provider inputs; accepts both `functiongraphRegion` and `cloudfn:functiongraphRegion` keys. */
export function configSource(inputs: Props): ConfigSource {
  return {
    get: (key) => asText(inputs[key] ?? inputs[key.replace(/^cloudfn:/, "")]),
  };
}

/** Provider inputs from a Configure request: the args struct, else the older `variables` map. */
export function configInputs(args: Props | undefined, variables: ReadonlyMap<string, string>): Props {
  if (args && Object.keys(args).length > 0) return args;
  return Object.fromEntries([...variables].map(([k, v]) => [k.replace(/^cloudfn:/, ""), v]));
}

/** Hands the configuration to every implementation (each platform keeps its own copy). */
export async function configureAll(config: ConfigSource): Promise<void> {
  const seen = new Set<unknown>();
  for (const def of RESOURCES) {
    const configure = implementationOf(def).configure;
    if (!configure || seen.has(configure)) continue;
    seen.add(configure);
    await configure({ config: { get: (k: string) => config.get(k), require: (k: string) => required(config, k) } });
  }
}

function required(config: ConfigSource, key: string): string {
  const value = config.get(key);
  if (value === undefined) throw new Error(`provider configuration ${key} is not set`);
  return value;
}

/** CheckConfig: unknown keys fail (a typo would otherwise silently fall back to the environment). */
export function checkConfig(news: Props): { property: string; reason: string }[] {
  const known = new Set([...CONFIG_NAMES, "version"]);
  return Object.keys(news)
    .filter((k) => !known.has(k) && !k.startsWith("__") && !k.startsWith("pluginDownloadURL"))
    .map((k) => ({
      property: k,
      reason: `unknown cloudfn provider setting "${k}"; known: ${CONFIG_NAMES.join(", ")}`,
    }));
}
