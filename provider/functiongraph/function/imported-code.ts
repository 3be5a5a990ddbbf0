/**
 * After `pulumi import` (a read without prior state) the state knows the deployed code only by
 * the platform's digest (SHA-512 of the zip), not by our `codeHash`, and the engine sends Diff
 * archives without their contents, so diff cannot zip the program's code. So check, seeing old
 * inputs that came from such a read (a name but no codeHash), records the SHA-512 of the
 * program's zip as the hidden `__codeDigest`; diff then takes the program's codeHash as the old
 * one when that digest equals the live one, and the first preview after an import stays clean.
 */
import type { CheckResult } from "@pulumi/pulumi/dynamic";
import { sha512Hex } from "../../core/archive";
import { buildCode } from "./mapping";
import type { FunctionInputs, FunctionOutputs } from "./schema";

type WithDigest = FunctionInputs & { __codeDigest?: string };

/**
 * Old inputs written by an import-style read (they name the function but carry no code hash), or
 * by an `up` that found nothing to do after the import: such an up stores the program's inputs
 * (with this digest) but keeps the imported outputs, so the digest must be recorded again until
 * an update writes outputs with a codeHash.
 */
const fromImport = (olds: Partial<WithDigest>) =>
  olds.name !== undefined && (olds.codeHash === undefined || olds.__codeDigest !== undefined);

export async function withCodeDigest(
  olds: FunctionInputs,
  checked: CheckResult<FunctionInputs>,
): Promise<CheckResult<FunctionInputs>> {
  const inputs = checked.inputs;
  if (checked.failures?.length || inputs?.code === undefined || !fromImport(olds)) return checked;
  const code = await buildCode(inputs);
  return code ? { ...checked, inputs: { ...inputs, __codeDigest: sha512Hex(code.zip) } as WithDigest } : checked;
}

export function withImportedCodeHash(olds: FunctionOutputs, news: FunctionInputs): FunctionOutputs {
  const digest = (news as WithDigest).__codeDigest;
  if (olds.codeHash !== undefined || !olds.digest || digest !== olds.digest) return olds;
  return { ...olds, codeHash: news.codeHash };
}
