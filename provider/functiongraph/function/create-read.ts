/**
 * The steps of create and read beyond CreateFunction / ShowFunctionConfig: dependencies (F6),
 * max instances, tags and reserved instances after a create (each only when declared; a failure
 * part-way records what exists), and on read the extra reads the declared properties need.
 */
import type { CreateResult } from "@pulumi/pulumi/dynamic";
import type { CodeInfo, FunctionInfo } from "../api";
import { FunctionGraphClient, unqualifiedUrn } from "../client";
import type { Upload } from "./code-upload";
import { codeBody, computedFrom, liveOutputs, outputsFrom } from "./mapping";
import { partial } from "./partial";
import type { FunctionInputs, FunctionOutputs } from "./schema";
import { applyMaxInstances, applyReserved, applyTags, readLogNames, readSeparate } from "./separate-apis";

type Row = Record<string, unknown>;

/** After F1: the calls of the properties F1 cannot carry, recorded one by one. */
export async function finishCreate(
  fg: FunctionGraphClient,
  inputs: FunctionInputs,
  code: Upload | undefined,
  info: FunctionInfo,
): Promise<CreateResult<FunctionOutputs>> {
  const urn = unqualifiedUrn(info.func_urn);
  const deps = (inputs.dependencyVersionIds?.length ?? 0) > 0;
  const notYet = { maxInstances: undefined, tags: undefined, reservedInstances: undefined };
  const first = { ...inputs, ...notYet, ...(deps ? { dependencyVersionIds: undefined } : {}) };
  let state = outputsFrom(first, code?.hash, computedFrom(info)) as unknown as Row;
  const set = (field: string, value: unknown) => {
    if (value === undefined) delete state[field];
    else state[field] = value;
  };
  try {
    if (deps) {
      // Dependencies go through the code API, as Huawei's Terraform provider does.
      const codeInfo: CodeInfo = await fg.updateFunctionCode(urn, codeBody(inputs, code));
      state = { ...state, ...computedFrom(info, codeInfo), dependencyVersionIds: inputs.dependencyVersionIds };
    }
    if (inputs.maxInstances !== undefined) await applyMaxInstances(fg, urn, inputs.maxInstances, set);
    if (inputs.tags !== undefined) await applyTags(fg, urn, undefined, inputs.tags, set);
    if (inputs.reservedInstances !== undefined) await applyReserved(fg, urn, undefined, inputs.reservedInstances, set);
  } catch (e) {
    throw partial(state.funcUrn as string, state, inputs as unknown as Row, e);
  }
  return { id: state.funcUrn as string, outs: state as unknown as FunctionOutputs };
}

/** The live outputs: F3, plus tags, reserved instances and LTS names only where declared. */
export async function readAll(
  fg: FunctionGraphClient,
  info: FunctionInfo,
  old: Partial<FunctionOutputs>,
): Promise<FunctionOutputs> {
  const urn = unqualifiedUrn(info.func_urn);
  const live = liveOutputs(info, old);
  const log = await readLogNames(fg, urn, live.log, old.log);
  const separate = await readSeparate(fg, urn, old);
  const outs: Row = { ...live, ...separate, log };
  for (const k of Object.keys(outs)) if (outs[k] === undefined) delete outs[k];
  return outs as unknown as FunctionOutputs;
}
