/**
 * `adopt: true` for `cloudfn:functiongraph:AsyncInvokeConfig`: the first `up` takes over the
 * existing async-invoke configuration of the function instead of overwriting it blindly. API
 * calls: ShowFunctionAsyncInvokeConfig (A2), then UpdateFunctionAsyncInvokeConfig (A1, PUT) only
 * if a field differs from the program. A function without a configuration cannot be adopted.
 */
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { changedFields } from "../../core/diff";
import { NotFoundError } from "../../core/errors";
import { AsyncConfigInfo } from "../api-async";
import { configBody, NORMALIZERS, outputsFrom } from "./mapping";
import { AsyncInvokeConfigInputs, UPDATE_FIELDS } from "./schema";
import { FunctionGraphClient } from "../client";

/** Registry key of a function's config (the function URN as written), shared by adopt and diff. */
export const adoptionKey = (functionUrn: string): string => `functiongraph:async-invoke-config:${functionUrn}`;
export const describe = (functionUrn: string): string => `the async-invoke configuration of ${functionUrn}`;

async function readForAdoption(fg: FunctionGraphClient, functionUrn: string): Promise<AsyncConfigInfo> {
  try {
    return await fg.getAsyncInvokeConfig(functionUrn);
  } catch (e) {
    releaseAdoption(adoptionKey(functionUrn));
    throw e instanceof NotFoundError ? adoptionNotFound(describe(functionUrn), functionUrn) : e;
  }
}

/** The fields where the live configuration differs from the program. */
export function adoptionChanges(live: AsyncConfigInfo, inputs: AsyncInvokeConfigInputs): string[] {
  const current = outputsFrom(inputs.functionUrn, live) as unknown as Record<string, unknown>;
  return changedFields(current, inputs, UPDATE_FIELDS, NORMALIZERS);
}

/**
 * Create with `adopt: true` (`inputs.functionUrn` is the address, qualified if need be): adopts
 * and PUTs only when something differs; undefined when this create replaces a resource of the
 * stack (the caller then creates normally).
 */
export async function adoptAsyncInvokeConfig(
  fg: FunctionGraphClient,
  inputs: AsyncInvokeConfigInputs,
): Promise<AsyncConfigInfo | undefined> {
  if (!claimForAdoption(adoptionKey(inputs.functionUrn), describe(inputs.functionUrn))) return undefined;
  const live = await readForAdoption(fg, inputs.functionUrn);
  return adoptionChanges(live, inputs).length > 0
    ? await fg.putAsyncInvokeConfig(inputs.functionUrn, configBody(inputs))
    : live;
}
