/**
 * Resource provider for `cloudfn:functiongraph:Function` (a FunctionGraph function).
 *
 * Identifier: the function URN with the `:latest` qualifier
 *   (`urn:fss:{region}:{project}:function:{package}:{name}:latest`); calls that address the whole
 *   function strip the qualifier.
 * Replace on change: name, package (both part of the URN), runtime (immutable on the platform).
 * Computed outputs: funcUrn, funcId, digest, codeSize, lastModified, cpu, version, codeType, plus
 *   the hidden hashes codeHash and encryptedEnvironmentHash; every input is an output too, except
 *   the encryptedEnvironment values, which are never stored in outputs.
 * API calls per step (docs/reference/functiongraph-api.md §0):
 *   check  — none (zod validation, deterministic zip hash of the code archive).
 *   diff   — none (compares declared fields with the OLD OUTPUTS; code by codeHash).
 *   create — with `adopt: true`: ShowFunctionConfig (F3), then F4 / F6 only for what differs
 *            (adopt.ts, docs/adopt.md). Otherwise CreateFunction (F1); then UpdateFunctionCode (F6) only when dependencies are set.
 *            On 409 FSS.1061 (a lost response of our own earlier create) ShowFunctionConfig (F3)
 *            and reconcile (keep it) when its digest equals the SHA-512 of our zip, then F4 (+ F6 for deps).
 *   read   — ShowFunctionConfig (F3); 404 means gone.
 *   update — UpdateFunctionConfig (F4) only if config fields changed; UpdateFunctionCode (F6)
 *            only if code, codeUrl or dependencies changed.
 *   delete — DeleteFunction (F7) on the unqualified URN; 404 is success; FSS.0400 (seen right
 *            after a create) is retried for about 30 s.
 */
import { setTimeout as sleep } from "timers/promises";
import { manifestAfterRead } from "../../core/code-manifest";
import { legacyOutputs } from "../../core/legacy-state";
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { sha512Hex } from "../../core/archive";
import { ConflictError, NotFoundError, ValidationError } from "../../core/errors";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { ClientOptions, FunctionGraphClient, functionUrn, unqualifiedUrn } from "../client";
import { knownRegionAndProject, resolveSettings, configure } from "../config";
import { checkInputs } from "./check";
import {
  buildCode,
  codeBody,
  computedFrom,
  configBody,
  createBody,
  inputsFrom,
  liveOutputs,
  NORMALIZERS,
  outputsFrom,
} from "./mapping";
import { CODE_FIELDS, CONFIG_FIELDS, FunctionInputs, FunctionOutputs, REPLACE_ON_CHANGE } from "./schema";
import { adoptFunction, adoptionKey, describe } from "./adopt";
import { noteManaged, noteReplacement } from "../../core/adoption";

/** Knobs for tests: a fake transport, fast retries, a short delete back-off. */
export const tuning: { client: ClientOptions; deleteRetryDelayMs: number; deleteRetries: number } = {
  client: {},
  deleteRetryDelayMs: 2000,
  deleteRetries: 15,
};

/** Settings are resolved per call, so a changed stack config or environment is always honoured. */
function client(): FunctionGraphClient {
  return new FunctionGraphClient(resolveSettings(), tuning.client);
}

/** Finishes a create: dependencies go through the code API (as Huawei's Terraform provider does). */
async function finishCreate(
  fg: FunctionGraphClient,
  inputs: FunctionInputs,
  code: Awaited<ReturnType<typeof buildCode>>,
  urn: string,
) {
  if (!inputs.dependencyVersionIds?.length) return undefined;
  return fg.updateFunctionCode(urn, codeBody(inputs, code?.zip));
}

/** The function exists already: ours (lost create response) if its digest is our code's SHA-512. */
async function reconcileLostCreate(
  fg: FunctionGraphClient,
  inputs: FunctionInputs,
  code: Awaited<ReturnType<typeof buildCode>>,
  cause: ConflictError,
) {
  const urn = functionUrn(resolveSettings(), inputs.package, inputs.name);
  const live = await fg.getFunctionConfig(unqualifiedUrn(urn));
  if (!code || live.digest !== sha512Hex(code.zip)) {
    throw new Error(
      `function "${inputs.name}" already exists in package "${inputs.package}" with different code, so it was not created ` +
        `by this deployment; delete it, or choose another name (${cause.message})`,
    );
  }
  return fg.updateFunctionConfig(unqualifiedUrn(urn), configBody(inputs));
}

export const provider: ResourceProvider<FunctionInputs, FunctionOutputs> = {
  configure,

  async check(olds: FunctionInputs, news: FunctionInputs): Promise<CheckResult<FunctionInputs>> {
    return checkInputs(news);
  },

  async diff(id: string, olds: FunctionOutputs, news: FunctionInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe(olds));
    const fields = [...REPLACE_ON_CHANGE, ...CONFIG_FIELDS, ...CODE_FIELDS];
    const withHash =
      news.codeHash === undefined && news.code !== undefined
        ? { ...news, codeHash: (await buildCode(news))?.hash }
        : news;
    const changed = changedFields(olds, withHash, fields, NORMALIZERS);
    // Same name and package: the replacement would collide with the old function, so delete first.
    const collides = !changed.includes("name") && !changed.includes("package");
    // Outputs an earlier cloudfn wrote are rewritten by an update that makes no API call.
    const result = { ...diffResult(changed, REPLACE_ON_CHANGE, collides) };
    if (legacyOutputs(olds, news)) result.changes = true;
    // The replacement is created, never adopted, even if the program still says `adopt: true`.
    const where = knownRegionAndProject();
    const known = where && !containsUnknown(news.name) && !containsUnknown(news.package);
    if (result.replaces?.length && known)
      noteReplacement(adoptionKey(functionUrn(where, news.package, news.name)), describe(news));
    return result;
  },

  async create(inputs: FunctionInputs): Promise<CreateResult<FunctionOutputs>> {
    const fg = client();
    const adopted = inputs.adopt ? await adoptFunction(fg, inputs) : undefined;
    if (adopted) return adopted;
    const code = await buildCode(inputs);
    let info;
    try {
      info = await fg.createFunction(createBody(inputs, code?.zip));
    } catch (e) {
      if (!(e instanceof ConflictError && e.code === "FSS.1061")) throw e;
      info = await reconcileLostCreate(fg, inputs, code, e);
    }
    const codeInfo = await finishCreate(fg, inputs, code, unqualifiedUrn(info.func_urn));
    const outs = outputsFrom(inputs, code?.hash, computedFrom(info, codeInfo));
    return { id: outs.funcUrn, outs };
  },

  async read(id: string, props?: FunctionOutputs): Promise<ReadResult<FunctionOutputs>> {
    let info;
    try {
      info = await client().getFunctionConfig(unqualifiedUrn(id));
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const outs = liveOutputs(info, props ?? {});
    const unchanged = !(outs.codeHash ?? "").startsWith("drift:");
    const sameCode = async () => (await buildCode(props ?? {}))?.hash === props?.codeHash;
    const manifest = await manifestAfterRead(props as Record<string, unknown> | undefined, unchanged, sameCode);
    return {
      id: outs.funcUrn,
      props: outs,
      inputs: { ...inputsFrom(outs), ...manifest } as unknown as FunctionOutputs,
    };
  },

  async update(id: string, olds: FunctionOutputs, news: FunctionInputs): Promise<UpdateResult<FunctionOutputs>> {
    const fg = client();
    // `check` put the code's hash in `news`, so the archive is zipped again only when it changed.
    const changed = changedFields(olds, news, [...CONFIG_FIELDS, ...CODE_FIELDS], NORMALIZERS);
    const urn = unqualifiedUrn(id);
    const configChanged = changed.some((f) => (CONFIG_FIELDS as readonly string[]).includes(f));
    const codeChanged = changed.some((f) => (CODE_FIELDS as readonly string[]).includes(f));
    const code = codeChanged ? await buildCode(news) : undefined;
    const info = configChanged ? await fg.updateFunctionConfig(urn, configBody(news)) : undefined;
    const codeInfo = codeChanged ? await fg.updateFunctionCode(urn, codeBody(news, code?.zip)) : undefined;
    const base = computedFrom(info ?? { ...toInfo(olds), func_urn: olds.funcUrn ?? id }, codeInfo);
    return { outs: outputsFrom(news, code?.hash ?? news.codeHash, base) };
  },

  async delete(id: string): Promise<void> {
    const fg = client();
    for (let attempt = 0; ; attempt++) {
      try {
        await fg.deleteFunction(unqualifiedUrn(id));
        return;
      } catch (e) {
        if (e instanceof NotFoundError) return;
        const busy = e instanceof ValidationError && e.code === "FSS.0400" && attempt < tuning.deleteRetries;
        if (!busy) throw e;
        await sleep(tuning.deleteRetryDelayMs);
      }
    }
  },
};

/** Old outputs in the wire shape, so computed fields survive an update that skipped a call. */
function toInfo(o: FunctionOutputs) {
  return {
    func_urn: o.funcUrn,
    func_name: o.name,
    package: o.package,
    runtime: o.runtime,
    handler: o.handler,
    memory_size: o.memorySize,
    timeout: o.timeout,
    func_id: o.funcId,
    cpu: o.cpu,
    digest: o.digest,
    code_size: o.codeSize,
    last_modified: o.lastModified,
    version: o.version,
    code_type: o.codeType,
  };
}
