/**
 * Every resource definition and stack-config key of the package: what scripts/generate turns
 * into schema.json, the SDK and the docs tables, and what the `cloudfn` CLI reads at run time.
 * A new resource adds one line here.
 */
import type { ResourceDefinition } from "./core/definition";

/** A stack config key (`cloudfn:<name>`) with its environment fallback. */
export interface ConfigKeyDefinition {
  key: string;
  env: string;
  secret?: boolean;
  description: string;
}

export const RESOURCES: readonly ResourceDefinition[] = [];

export const CONFIG_KEYS: readonly ConfigKeyDefinition[] = [];
