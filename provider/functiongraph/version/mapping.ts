/**
 * Pure mappings between Version properties and the wire (docs/reference/functiongraph-api.md
 * §0, §2.1): the publish body, outputs from a version object, the id, and which listed version a
 * lost publish made.
 */
import { dropUndefined } from "../../core/check";
import type { Normalizers } from "../../core/diff";
import { unqualifiedUrn } from "../client";
import type { PublishVersionBody, VersionInfo } from "./api";
import type { VersionInputs, VersionOutputs } from "./schema";

/** The id: the function URN qualified with the version name (§2.1). */
export const qualifiedUrnOf = (functionUrn: string, version: string) => `${unqualifiedUrn(functionUrn)}:${version}`;

export function parseQualifiedUrn(id: string): { functionUrn: string; version: string } {
  const parts = id.split(":");
  if (parts.length !== 8 || !parts[7])
    throw new Error(`invalid Version id "${id}": expected a version-qualified function URN (8 fields)`);
  return { functionUrn: unqualifiedUrn(id), version: parts[7] };
}

export function publishBody(inputs: VersionInputs): PublishVersionBody {
  return dropUndefined({ version: inputs.name, description: inputs.description, digest: inputs.digest });
}

/** The version's description: `version_description` in lists, `description` in the publish answer. */
export const descriptionOf = (v: VersionInfo) => v.version_description ?? v.description ?? "";

/** Outputs: functionUrn and digest as the program wrote them (the id and a guard), the rest live. */
export function outputsFrom(inputs: Partial<VersionInputs>, info: VersionInfo, functionUrn: string): VersionOutputs {
  return dropUndefined({
    functionUrn: inputs.functionUrn ?? functionUrn,
    name: inputs.name,
    version: info.version,
    description: descriptionOf(info),
    digest: inputs.digest,
    qualifiedUrn: qualifiedUrnOf(functionUrn, info.version),
    codeDigest: info.digest ?? "",
    codeSize: info.code_size ?? 0,
    lastModified: String(info.last_modified ?? ""),
  });
}

/**
 * Outputs of an import (a read with no prior state): the version's name is the `name` a program
 * declaring it writes (for a version the platform named, the name it gave).
 */
export function importedOutputs(info: VersionInfo, functionUrn: string): VersionOutputs {
  return outputsFrom({ name: info.version }, info, functionUrn);
}

/**
 * `functionUrn` with `:latest` and without a qualifier name the same function (and give the
 * same id), so switching between them, or an import's unqualified form, is no change.
 */
export const NORMALIZERS: Normalizers = {
  functionUrn: (v) => (typeof v === "string" ? unqualifiedUrn(v) : v),
  description: (v) => v ?? "",
};

/** The inputs `read` reports, so that refresh followed by preview is clean. */
export function inputsFrom(outs: VersionOutputs): VersionInputs {
  return dropUndefined({
    functionUrn: outs.functionUrn,
    name: outs.name,
    description: outs.description,
    digest: outs.digest,
  });
}

/** True when a listed version is what this publish would have made (reconciling a lost answer). */
export function matchesPublish(v: VersionInfo, inputs: VersionInputs): boolean {
  if (inputs.name !== undefined && v.version !== inputs.name) return false;
  if (descriptionOf(v) !== inputs.description) return false;
  return inputs.digest === undefined || !v.digest || v.digest === inputs.digest;
}
