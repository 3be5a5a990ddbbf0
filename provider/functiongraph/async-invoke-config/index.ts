/**
 * Resource provider for `cloudfn:functiongraph:AsyncInvokeConfig` (the async-invoke configuration
 * of one function: event age, retries, on_success / on_failure destinations).
 *
 * Identifier: the function URN as given (usually with `:latest`), as Huawei's Terraform provider;
 *   with a `qualifier`, the URN qualified with it (`...:hello:!live`), which is what every call
 *   addresses. Ids made before qualifiers existed are unchanged.
 * Replace on change: functionUrn, qualifier. Everything else updates in place.
 * Computed outputs: createdTime, lastModified.
 * API calls per step (docs/reference/functiongraph-api.md §7):
 *   check  — none (zod validation: ranges, destination types and their params).
 *   diff   — none (compares with the old outputs; destinations as typed objects).
 *   create — with `adopt: true`: ShowFunctionAsyncInvokeConfig (A2), then A1 only if a field
 *            differs (adopt.ts, docs/adopt.md). Otherwise
 *            UpdateFunctionAsyncInvokeConfig (A1, PUT, create-or-replace: a create whose
 *            response was lost is simply repeated, never duplicated).
 *   read   — ShowFunctionAsyncInvokeConfig (A2); 404 (no config, or no function) means gone.
 *   update — UpdateFunctionAsyncInvokeConfig (A1) with the whole desired config.
 *   delete — DeleteFunctionAsyncInvokeConfig (A3); 404 is success. The function stays.
 */
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { NotFoundError } from "../../core/errors";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { checkInputs } from "./check";
import { configBody, inputsFrom, NORMALIZERS, outputsFrom } from "./mapping";
import { AsyncInvokeConfigInputs, AsyncInvokeConfigOutputs, REPLACE_ON_CHANGE, UPDATE_FIELDS } from "./schema";
import { ClientOptions, FunctionGraphClient } from "../client";
import { adoptAsyncInvokeConfig, adoptionKey, describe } from "./adopt";
import { noteManaged, noteReplacement } from "../../core/adoption";
import { resolveSettings, configure, profiled } from "../config";
import { targetUrn } from "../qualifier";

/**
 * functionUrn and qualifier matter only through the URN they address: `...:hello:!live` alone and
 * `...:hello:latest` with qualifier `!live` are the same config (an import reads the former).
 */
function sameTargetAsWritten(olds: AsyncInvokeConfigOutputs, news: AsyncInvokeConfigInputs, changed: string[]) {
  const address = (p: { functionUrn: string; qualifier?: string }) => targetUrn(p.functionUrn, p.qualifier);
  if (containsUnknown([news.functionUrn, news.qualifier]) || address(olds) !== address(news)) return changed;
  return changed.filter((f) => f !== "functionUrn" && f !== "qualifier");
}

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

const client = () => new FunctionGraphClient(resolveSettings(), tuning.client);

export const provider: ResourceProvider<AsyncInvokeConfigInputs, AsyncInvokeConfigOutputs> = profiled({
  configure,

  async check(
    _olds: AsyncInvokeConfigInputs,
    news: AsyncInvokeConfigInputs,
  ): Promise<CheckResult<AsyncInvokeConfigInputs>> {
    return checkInputs(news);
  },

  async diff(id: string, olds: AsyncInvokeConfigOutputs, news: AsyncInvokeConfigInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe(id));
    const changed = sameTargetAsWritten(
      olds,
      news,
      changedFields(olds, news, [...REPLACE_ON_CHANGE, ...UPDATE_FIELDS], NORMALIZERS),
    );
    // A dynamic Function being updated has unknown outputs in preview, so its funcUrn is unknown
    // here although it almost never changes. Reporting a replace would show a spurious
    // replacement on every code change; the engine diffs again with the real value during `up`
    // (and then replaces if the URN really changed), so preview reports a possible update only.
    if (containsUnknown(news.functionUrn) || containsUnknown(news.qualifier)) return { changes: true, replaces: [] };
    // The replacement targets another function's config, so the old one can go afterwards.
    const result = diffResult(changed, REPLACE_ON_CHANGE);
    // The replacement is created, never adopted, even if the program still says `adopt: true`.
    const target = targetUrn(news.functionUrn, news.qualifier);
    if (result.replaces?.length) noteReplacement(adoptionKey(target), describe(target));
    return result;
  },

  async create(declared: AsyncInvokeConfigInputs): Promise<CreateResult<AsyncInvokeConfigOutputs>> {
    const fg = client();
    const target = targetUrn(declared.functionUrn, declared.qualifier);
    const inputs = { ...declared, functionUrn: target };
    const adopted = inputs.adopt ? await adoptAsyncInvokeConfig(fg, inputs) : undefined;
    const info = adopted ?? (await fg.putAsyncInvokeConfig(target, configBody(inputs)));
    return { id: target, outs: outputsFrom(target, info, declared) };
  },

  async read(id: string, props?: AsyncInvokeConfigOutputs): Promise<ReadResult<AsyncInvokeConfigOutputs>> {
    let info;
    try {
      info = await client().getAsyncInvokeConfig(id);
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const outs = outputsFrom(id, info, props);
    return { id, props: outs, inputs: inputsFrom(outs) as unknown as AsyncInvokeConfigOutputs };
  },

  async update(
    id: string,
    _olds: AsyncInvokeConfigOutputs,
    news: AsyncInvokeConfigInputs,
  ): Promise<UpdateResult<AsyncInvokeConfigOutputs>> {
    const info = await client().putAsyncInvokeConfig(id, configBody(news));
    return { outs: outputsFrom(id, info, news) };
  },

  async delete(id: string): Promise<void> {
    try {
      await client().deleteAsyncInvokeConfig(id);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  },
});
