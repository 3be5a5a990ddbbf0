/**
 * `adopt: true` for `cloudfn:functiongraph:Function`: the first `up` takes over the existing
 * function named by package + name (its URN) instead of creating it. API calls: ShowFunctionConfig
 * (F3), then UpdateFunctionConfig (F4) only if a config field differs from the program and
 * UpdateFunctionCode (F6) only if the code (by SHA-512 digest), codeUrl or dependencies differ —
 * the same calls an update would make. Never CreateFunction.
 */
import { CreateResult } from "@pulumi/pulumi/dynamic";
import { sha512Hex } from "../../core/archive";
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { changedFields } from "../../core/diff";
import { NotFoundError } from "../../core/errors";
import { FunctionInfo } from "../api";
import { FunctionGraphClient, functionUrn, unqualifiedUrn } from "../client";
import { resolveSettings } from "../config";
import { buildCode, codeBody, computedFrom, configBody, liveOutputs, NORMALIZERS, outputsFrom } from "./mapping";
import { FunctionInputs, FunctionOutputs } from "./schema";

/** Registry key of a function (unqualified URN), shared by adopt and diff. */
export const adoptionKey = (urn: string): string => `functiongraph:function:${unqualifiedUrn(urn)}`;
export const describe = (inputs: Pick<FunctionInputs, "package" | "name">): string =>
  `FunctionGraph function "${inputs.name}" in package "${inputs.package}"`;

const COMPARED_CONFIG = ["handler", "memorySize", "timeout", "description", "environment"] as const;

/**
 * What an adopting create must apply: `config` and `code` name the differing fields. The
 * encrypted environment is never read back, so declaring one always re-applies the config.
 */
export function adoptionChanges(
  live: FunctionInfo,
  inputs: FunctionInputs,
  zip?: Buffer,
): { config: string[]; code: string[] } {
  const current = liveOutputs(live, {}) as unknown as Record<string, unknown>;
  const config = changedFields(current, inputs, COMPARED_CONFIG, NORMALIZERS);
  if (inputs.encryptedEnvironment !== undefined) config.push("encryptedEnvironment");
  const code = changedFields(current, inputs, ["codeUrl", "dependencyVersionIds"], NORMALIZERS);
  if (zip && (live.code_type !== "zip" || live.digest !== sha512Hex(zip))) code.push("code");
  return { config, code };
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
  const built = await buildCode(inputs);
  const changes = adoptionChanges(live, inputs, built?.zip);
  const info =
    changes.config.length > 0 ? await fg.updateFunctionConfig(unqualifiedUrn(urn), configBody(inputs)) : live;
  const codeInfo =
    changes.code.length > 0
      ? await fg.updateFunctionCode(unqualifiedUrn(urn), codeBody(inputs, built?.zip))
      : undefined;
  const outs = outputsFrom(inputs, built?.hash, computedFrom(info, codeInfo));
  return { id: outs.funcUrn, outs };
}
