/**
 * Resource provider for `cloudfn:minapp:CloudFunction` (a 知晓云 MinApp cloud function).
 *
 * Identifier: the function name, prefixed by the environment id when one is set
 *   (`<envId>/<name>`), so the same name in two environments is two resources.
 * Replace on change: name (the platform's key), environmentId (another namespace).
 * Computed outputs: functionId (the platform's numeric id), auditStatus, createdAt, updatedAt,
 *   createdBy, updatedBy, codeHash (SHA-256 of the deployed source); every input is an output
 *   too, including `source`, the exact JavaScript deployed.
 * API calls per step (docs/reference/minapp-api.md §3.2; the token flow of §2 runs once per process):
 *   check  — none (zod validation; bundles archives with esbuild; parses the source).
 *   diff   — none (compares name, environmentId, source, remark, planCircle with old outputs).
 *   create — with `adopt: true`: GET, then one PATCH only for what differs (adopt.ts,
 *            docs/adopt.md). Otherwise POST cloud-function/; then one PATCH only when planCircle is not P_FREE (create
 *            does not take it). If the POST fails because the name exists, GET it and reconcile:
 *            take it when its code is exactly ours (our own create whose response was lost); otherwise
 *            fail naming the conflict. If the PATCH fails, the new function is deleted again.
 *   read   — GET cloud-function/<name>/; 404 means gone. The live function_code becomes
 *            `source`, so dashboard edits are reported as drift.
 *   update — one PATCH with only the changed fields among function_code, remark, plan_circle;
 *            no call when only `code`'s form changed but the built source did not.
 *   delete — DELETE cloud-function/<name>/; 404 is success.
 */
import { carriedManifest } from "../../core/code-manifest";
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { changedFields, diffResult } from "../../core/diff";
import { NotFoundError, PlatformApiError, ValidationError, ConflictError } from "../../core/errors";
import { FunctionObject } from "../api";
import { checkInputs } from "./check";
import { NORMALIZERS, createBody, inputsFrom, liveOutputs, outputsFrom, patchBody } from "./mapping";
import { CloudFunctionInputs, CloudFunctionOutputs, DEFAULTS, PATCH_FIELDS, REPLACE_ON_CHANGE } from "./schema";
import { ClientOptions, MinAppClient } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { functionResourceId, parseFunctionResourceId } from "../mapping-util";
import { adoptCloudFunction, adoptionKey, describe } from "./adopt";
import { containsUnknown } from "../../core/diff";
import { noteManaged, noteReplacement } from "../../core/adoption";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

/** Settings are resolved per call, so a changed stack config or environment is always honoured. */
export function minappClient(environmentId?: string): MinAppClient {
  return new MinAppClient(resolveSettings(), environmentId, tuning.client);
}

const asRecord = (v: object) => v as unknown as Record<string, unknown>;

/** The name is taken: ours (a create whose response was lost) only if the live code is exactly ours. */
async function reconcileLostCreate(
  ma: MinAppClient,
  inputs: CloudFunctionInputs,
  cause: PlatformApiError,
): Promise<FunctionObject> {
  let live: FunctionObject;
  try {
    live = await ma.getFunction(inputs.name);
  } catch (e) {
    if (e instanceof NotFoundError) throw cause;
    throw e;
  }
  if (live.function_code !== inputs.source) {
    throw new Error(
      `cloud function "${inputs.name}" already exists${inputs.environmentId ? ` in environment ${inputs.environmentId}` : ""} with different code, ` +
        `so it was not created by this deployment; delete it or choose another name (${cause.message})`,
    );
  }
  return live;
}

/** Brings a just-created function to the desired remark and plan; deletes it if that fails. */
async function finishCreate(
  ma: MinAppClient,
  inputs: CloudFunctionInputs,
  created: FunctionObject,
): Promise<FunctionObject> {
  const live = { remark: created.remark ?? "", planCircle: created.plan_circle ?? DEFAULTS.planCircle };
  const changed = changedFields(live, asRecord(inputs), ["remark", "planCircle"], NORMALIZERS);
  if (changed.length === 0) return created;
  try {
    return await ma.patchFunction(inputs.name, patchBody(inputs, changed));
  } catch (e) {
    // Nothing half-created: the failed resource is not in state, so it must not exist remotely.
    await ma.deleteFunction(inputs.name).catch(() => undefined);
    throw new Error(
      `cloud function "${inputs.name}" was created but setting ${changed.join(" and ")} failed, so it was deleted again: ${(e as Error).message}`,
    );
  }
}

export const provider: ResourceProvider<CloudFunctionInputs, CloudFunctionOutputs> = profiled({
  configure,

  async check(_olds: CloudFunctionInputs, news: CloudFunctionInputs): Promise<CheckResult<CloudFunctionInputs>> {
    return checkInputs(news);
  },

  async diff(id: string, olds: CloudFunctionOutputs, news: CloudFunctionInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe(olds.name, olds.environmentId));
    const changed = changedFields(asRecord(olds), asRecord(news), [...REPLACE_ON_CHANGE, ...PATCH_FIELDS], NORMALIZERS);
    const result = diffResult(changed, REPLACE_ON_CHANGE);
    // The replacement is created, never adopted, even if the program still says `adopt: true`.
    if (result.replaces?.length && !containsUnknown(news.name) && !containsUnknown(news.environmentId)) {
      noteReplacement(
        adoptionKey(functionResourceId(news.name, news.environmentId)),
        describe(news.name, news.environmentId),
      );
    }
    return result;
  },

  async create(inputs: CloudFunctionInputs): Promise<CreateResult<CloudFunctionOutputs>> {
    const ma = minappClient(inputs.environmentId);
    const adopted = inputs.adopt ? await adoptCloudFunction(ma, inputs) : undefined;
    if (adopted) return adopted;
    let created: FunctionObject;
    try {
      created = await ma.createFunction(createBody(inputs));
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof ConflictError)) throw e;
      created = await reconcileLostCreate(ma, inputs, e);
    }
    const obj = await finishCreate(ma, inputs, created);
    return { id: functionResourceId(inputs.name, inputs.environmentId), outs: outputsFrom(inputs, obj) };
  },

  async read(id: string, props?: CloudFunctionOutputs): Promise<ReadResult<CloudFunctionOutputs>> {
    const { name, environmentId } = parseFunctionResourceId(id);
    let obj: FunctionObject;
    try {
      obj = await minappClient(environmentId).getFunction(name);
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const live = liveOutputs(obj, { ...props, environmentId });
    const outs = { ...live, ...carriedManifest(props, props?.codeHash === live.codeHash) };
    return {
      id,
      props: outs,
      inputs: { ...inputsFrom(outs), ...carriedManifest(outs, true) } as unknown as CloudFunctionOutputs,
    };
  },

  async update(
    id: string,
    olds: CloudFunctionOutputs,
    news: CloudFunctionInputs,
  ): Promise<UpdateResult<CloudFunctionOutputs>> {
    const changed = changedFields(asRecord(olds), asRecord(news), PATCH_FIELDS, NORMALIZERS);
    const { adopt: _adopt, ...declared } = news;
    if (changed.length === 0) return { outs: { ...olds, ...declared } };
    const { name, environmentId } = parseFunctionResourceId(id);
    const obj = await minappClient(environmentId).patchFunction(name, patchBody(news, changed));
    return { outs: outputsFrom(news, obj) };
  },

  async delete(id: string): Promise<void> {
    const { name, environmentId } = parseFunctionResourceId(id);
    try {
      await minappClient(environmentId).deleteFunction(name);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  },
});
