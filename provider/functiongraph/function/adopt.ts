/**
 * `adopt: true` for `cloudfn:functiongraph:Function`: the first `up` takes over the existing
 * function named by package + name (its URN) instead of creating it. API calls: ShowFunctionConfig
 * (F3) and, for declared tags / reserved instances / LTS names, their reads; then the live state
 * (only the declared properties, code compared by SHA-512 digest) is updated to the program with
 * the same calls an update makes (apply.ts): F4 carrying forward everything undeclared, F6, F10,
 * F18, reserved instances, each only for what differs. Never CreateFunction.
 */
import { CreateResult } from "@pulumi/pulumi/dynamic";
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { NotFoundError } from "../../core/errors";
import { FunctionInfo } from "../api";
import { FunctionGraphClient, functionUrn, unqualifiedUrn } from "../client";
import { resolveSettings } from "../config";
import { applyChanges } from "./apply";
import { codeTypeOf, prepareCode, uploadDigest, type Upload } from "./code-upload";
import { readAll } from "./create-read";
import { FunctionInputs, FunctionOutputs } from "./schema";

/** Registry key of a function (unqualified URN), shared by adopt and diff. */
export const adoptionKey = (urn: string): string => `functiongraph:function:${unqualifiedUrn(urn)}`;
export const describe = (inputs: Pick<FunctionInputs, "package" | "name">): string =>
  `FunctionGraph function "${inputs.name}" in package "${inputs.package}"`;

/**
 * The live function as a recorded state: the declared properties only (so nothing undeclared is
 * compared), the code hash ours when the live digest is our upload's, and no encrypted-environment
 * hash (it is never read back, so declaring one always re-applies the config).
 */
export async function liveState(
  fg: FunctionGraphClient,
  live: FunctionInfo,
  inputs: FunctionInputs,
  upload: Upload | undefined,
): Promise<FunctionOutputs> {
  const declared = { ...inputs, codeHash: undefined, encryptedEnvironmentHash: undefined };
  const state = await readAll(fg, live, declared);
  const sameCode = upload && live.code_type === codeTypeOf(inputs) && live.digest === uploadDigest(upload);
  return { ...state, codeHash: sameCode ? upload.hash : upload ? `adopt:${live.digest ?? ""}` : undefined };
}

function runtimeMismatch(what: string, live: FunctionInfo, inputs: FunctionInputs): Error {
  return new Error(
    `cannot adopt ${what}: its runtime is "${live.runtime}" but the program declares "${inputs.runtime}", ` +
      `and the runtime cannot change in place; declare runtime "${live.runtime}" (then change it in a later update to replace the function)`,
  );
}

/** Reads the live function, failing clearly when it is missing or claimed twice. */
async function readForAdoption(
  fg: FunctionGraphClient,
  inputs: FunctionInputs,
  urn: string,
): Promise<FunctionInfo | undefined> {
  const what = describe(inputs);
  if (!claimForAdoption(adoptionKey(urn), what)) return undefined;
  try {
    const live = await fg.getFunctionConfig(unqualifiedUrn(urn));
    if (live.runtime !== inputs.runtime) throw runtimeMismatch(what, live, inputs);
    return live;
  } catch (e) {
    releaseAdoption(adoptionKey(urn));
    throw e instanceof NotFoundError ? adoptionNotFound(what, urn) : e;
  }
}

/**
 * Create with `adopt: true`: adopts and updates what differs; undefined when this create replaces
 * a resource of the stack (the caller then creates normally).
 */
export async function adoptFunction(
  fg: FunctionGraphClient,
  inputs: FunctionInputs,
): Promise<CreateResult<FunctionOutputs> | undefined> {
  const urn = functionUrn(resolveSettings(), inputs.package, inputs.name);
  const live = await readForAdoption(fg, inputs, urn);
  if (!live) return undefined;
  const upload = await prepareCode(inputs);
  const current = await liveState(fg, live, inputs, upload);
  const outs = await applyChanges(fg, urn, current, inputs, live);
  return { id: outs.funcUrn, outs };
}
