/**
 * `adopt: true` for `cloudfn:minapp:CloudFunction`: the first `up` takes over the existing cloud
 * function of this name (in this environment) instead of creating it. API calls: GET
 * cloud-function/<name>/, then one PATCH with only the fields among function_code, remark and
 * plan_circle that differ from the program — the PATCH an update would send. Never POST.
 */
import { CreateResult } from "@pulumi/pulumi/dynamic";
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { changedFields } from "../../core/diff";
import { NotFoundError } from "../../core/errors";
import { FunctionObject } from "../api";
import { NORMALIZERS, liveOutputs, outputsFrom, patchBody } from "./mapping";
import { CloudFunctionInputs, CloudFunctionOutputs, PATCH_FIELDS } from "./schema";
import { MinAppClient } from "../client";
import { functionResourceId } from "../mapping-util";

/** Registry key of a cloud function (its resource id), shared by adopt and diff. */
export const adoptionKey = (resourceId: string): string => `minapp:cloud-function:${resourceId}`;
export const describe = (name: string, environmentId?: string): string =>
  `MinApp cloud function "${name}"${environmentId ? ` in environment ${environmentId}` : ""}`;

/** The fields among source, remark and planCircle where the live function differs from the program. */
export function adoptionChanges(live: FunctionObject, inputs: CloudFunctionInputs): string[] {
  const current = liveOutputs(live, { environmentId: inputs.environmentId }) as unknown as Record<string, unknown>;
  return changedFields(current, inputs, PATCH_FIELDS, NORMALIZERS);
}

async function readForAdoption(ma: MinAppClient, inputs: CloudFunctionInputs, key: string): Promise<FunctionObject> {
  try {
    return await ma.getFunction(inputs.name);
  } catch (e) {
    releaseAdoption(key);
    throw e instanceof NotFoundError ? adoptionNotFound(describe(inputs.name, inputs.environmentId), inputs.name) : e;
  }
}

/**
 * Create with `adopt: true`: adopts and patches what differs; undefined when this create replaces
 * a resource of the stack (the caller then creates normally).
 */
export async function adoptCloudFunction(
  ma: MinAppClient,
  inputs: CloudFunctionInputs,
): Promise<CreateResult<CloudFunctionOutputs> | undefined> {
  const id = functionResourceId(inputs.name, inputs.environmentId);
  const key = adoptionKey(id);
  if (!claimForAdoption(key, describe(inputs.name, inputs.environmentId))) return undefined;
  const live = await readForAdoption(ma, inputs, key);
  const changed = adoptionChanges(live, inputs);
  const obj = changed.length > 0 ? await ma.patchFunction(inputs.name, patchBody(inputs, changed)) : live;
  return { id, outs: outputsFrom(inputs, obj) };
}
