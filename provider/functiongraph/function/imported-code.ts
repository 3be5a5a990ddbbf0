/**
 * After `pulumi import` (or a read without prior state) the outputs know the deployed code only
 * by the platform's digest (SHA-512 of the zip), not by our `codeHash`. When the program's
 * deterministic zip has that digest, the code is the same, so the import takes the program's
 * hash and the first preview stays clean; otherwise `codeHash` stays unset and shows a change.
 */
import { sha512Hex } from "../../core/archive";
import { containsUnknown } from "../../core/diff";
import { buildCode } from "./mapping";
import type { FunctionInputs, FunctionOutputs } from "./schema";

export async function withImportedCodeHash(olds: FunctionOutputs, news: FunctionInputs): Promise<FunctionOutputs> {
  if (olds.codeHash !== undefined || !olds.digest || news.code === undefined || containsUnknown(news.code)) return olds;
  const code = await buildCode(news);
  return code && sha512Hex(code.zip) === olds.digest ? { ...olds, codeHash: code.hash } : olds;
}
