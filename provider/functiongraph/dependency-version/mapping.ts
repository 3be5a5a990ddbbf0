/**
 * Pure mappings between DependencyVersion properties and the wire format (docs/reference/functiongraph-api.md §5), plus the
 * deterministic packaging of `code`. No I/O except building zips.
 */
import { createHash } from "crypto";
import { archiveToZip, zipBase64, zipSha256 } from "../../core/archive";
import { dropUndefined } from "../../core/check";
import type { CreateDependencyVersionBody, DependencyVersionInfo } from "./api";
import { DependencyVersionInputs, DependencyVersionOutputs, HIDDEN_INPUTS, INPUT_PROPERTIES } from "./schema";

/**
 * Deterministic zip of `code` and its SHA-256; undefined for codeUrl packages. `checkedHash` (the
 * codeHash check recorded; create passes it) reuses the zip check built (archive.ts).
 */
export async function buildPackage(
  inputs: Pick<DependencyVersionInputs, "code">,
  checkedHash?: string,
): Promise<{ zip: Buffer; hash: string } | undefined> {
  if (inputs.code === undefined) return undefined;
  const zip = await archiveToZip(inputs.code, checkedHash);
  return { zip, hash: zipSha256(zip) };
}

/** The `etag` FunctionGraph reports for a zip: its MD5 (§5.1). */
export const md5Hex = (data: Buffer) => createHash("md5").update(data).digest("hex");

export function createBody(inputs: DependencyVersionInputs, zip: Buffer | undefined): CreateDependencyVersionBody {
  const common = { runtime: inputs.runtime, name: inputs.name, description: inputs.description };
  return zip
    ? { ...common, depend_type: "zip", depend_file: zipBase64(zip) }
    : { ...common, depend_type: "obs", depend_link: inputs.codeUrl };
}

/** The resource id: `<dependency id>/<version number>`, as Huawei's Terraform provider keys it. */
export const versionResourceId = (depId: string, version: number) => `${depId}/${version}`;

export function parseResourceId(id: string): { depId: string; version: number } | undefined {
  const m = /^([^/]+)\/(\d+)$/.exec(id);
  return m ? { depId: m[1], version: Number(m[2]) } : undefined;
}

/**
 * Outputs from a version object. The archive and the user's OBS link are kept from `inputs`:
 * the platform never returns code, and the `link` it returns points at its own bucket, so
 * reading it back would replace the version forever (the Terraform provider skips it too).
 */
export function outputsFrom(
  inputs: Partial<DependencyVersionInputs>,
  info: DependencyVersionInfo,
  depId: string,
): DependencyVersionOutputs {
  return dropUndefined({
    name: info.name,
    runtime: info.runtime,
    description: info.description ?? "",
    code: inputs.code,
    codeUrl: inputs.codeUrl,
    codeHash: inputs.codeHash,
    versionId: info.id,
    dependencyId: info.dep_id ?? depId,
    version: info.version,
    etag: info.etag ?? "",
    size: info.size ?? 0,
    owner: info.owner ?? "",
    fileName: info.file_name ?? "",
    lastModified: Number(info.last_modified ?? 0),
  });
}

/** The inputs `read` reports, so that refresh followed by preview is clean. */
export function inputsFrom(outs: DependencyVersionOutputs): DependencyVersionInputs {
  const keys = [...INPUT_PROPERTIES, ...HIDDEN_INPUTS] as string[];
  return dropUndefined(
    Object.fromEntries(Object.entries(outs).filter(([k]) => keys.includes(k))),
  ) as unknown as DependencyVersionInputs;
}

/** True when a listed version is what our create would have made (used only after a lost response). */
export function matchesRequest(
  v: DependencyVersionInfo,
  body: CreateDependencyVersionBody,
  zip: Buffer | undefined,
): boolean {
  if (v.runtime !== body.runtime || (v.description ?? "") !== body.description) return false;
  return zip ? v.etag === md5Hex(zip) : true;
}
