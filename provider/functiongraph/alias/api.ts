/**
 * The alias wire contract (docs/reference/functiongraph-api.md §0 (F11–F17), §2.1, F13–F17): request bodies,
 * the alias object (zod, validated on every response) and one function per operation.
 */
import { z } from "zod";
import { FunctionGraphClient, unqualifiedUrn } from "../client";

export interface WireRule {
  rule_type: string;
  param: string;
  op: string;
  value: string;
}
export interface WireStrategy {
  rules: WireRule[];
  combine_type?: string;
}

/** F13 body; F16 takes the same without `name`. */
export interface AliasBody {
  name?: string;
  version: string;
  description: string;
  additional_version_weights?: Record<string, number>;
  additional_version_strategy?: Record<string, WireStrategy>;
}

const ruleSchema = z.object({ rule_type: z.string(), param: z.string(), op: z.string(), value: z.string() });
const strategySchema = z
  .object({ rules: z.array(ruleSchema).optional().nullable(), combine_type: z.string().optional().nullable() })
  .passthrough();

export const aliasSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    description: z.string().optional().nullable(),
    last_modified: z.union([z.string(), z.number()]).optional().nullable(),
    alias_urn: z.string().optional().nullable(),
    additional_version_weights: z.record(z.number()).optional().nullable(),
    additional_version_strategy: z.record(strategySchema).optional().nullable(),
  })
  .passthrough();
export type AliasInfo = z.infer<typeof aliasSchema>;

const path = (fg: FunctionGraphClient, urn: string, name?: string) =>
  fg.fgsPath(`/functions/${unqualifiedUrn(urn)}/aliases${name === undefined ? "" : `/${name}`}`);

export const aliasApi = {
  create: (fg: FunctionGraphClient, urn: string, body: AliasBody) =>
    fg.call("POST", path(fg, urn), aliasSchema, "CreateVersionAlias", body),
  /** A bare array, unpaginated (§1.4). */
  list: (fg: FunctionGraphClient, urn: string) =>
    fg.call("GET", path(fg, urn), z.array(aliasSchema).nullable(), "ListVersionAliases").then((a) => a ?? []),
  get: (fg: FunctionGraphClient, urn: string, name: string) =>
    fg.call("GET", path(fg, urn, name), aliasSchema, "ShowVersionAlias"),
  update: (fg: FunctionGraphClient, urn: string, name: string, body: AliasBody) =>
    fg.call("PUT", path(fg, urn, name), aliasSchema, "UpdateVersionAlias", body),
  delete: (fg: FunctionGraphClient, urn: string, name: string) =>
    fg.call("DELETE", path(fg, urn, name), z.unknown(), "DeleteVersionAlias"),
};

/** Aliases that route any traffic to `version` (as main version, weight or rule). */
export function aliasesUsing(aliases: AliasInfo[], version: string): AliasInfo[] {
  return aliases.filter(
    (a) =>
      a.version === version ||
      version in (a.additional_version_weights ?? {}) ||
      version in (a.additional_version_strategy ?? {}),
  );
}
