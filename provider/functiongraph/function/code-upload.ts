/**
 * What an upload sends: the deterministic zip of `code` (its hash is what diffs compare), and for
 * `codeType: "inline"` the single file's own text, which is what the platform stores and digests
 * (docs/reference/functiongraph-api.md §3.2).
 */
import { archiveEntries, sha512Hex } from "../../core/archive";
import { buildCode } from "./mapping";
import type { FunctionInputs } from "./schema";

export interface Upload {
  zip: Buffer;
  hash: string;
  inline?: { name: string; data: Buffer };
}

export async function prepareCode(
  inputs: Pick<FunctionInputs, "code" | "codeType" | "codeHash">,
): Promise<Upload | undefined> {
  const built = await buildCode(inputs, inputs.codeHash);
  if (!built || inputs.codeType !== "inline") return built;
  const [name, entry] = [...(await archiveEntries(inputs.code))][0];
  return { ...built, inline: { name, data: entry.data } };
}

/** The SHA-512 the platform reports as `digest` for this upload. */
export const uploadDigest = (upload: Upload): string => sha512Hex(upload.inline?.data ?? upload.zip);

/** The code type the platform reports for these inputs. */
export function codeTypeOf(inputs: Pick<FunctionInputs, "codeType" | "codeUrl" | "customImage">): string {
  if (inputs.customImage !== undefined) return "Custom-Image-Swr";
  if (inputs.codeUrl !== undefined) return "obs";
  return inputs.codeType ?? "zip";
}
