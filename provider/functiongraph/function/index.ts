/**
 * Resource provider for `cloudfn:functiongraph:Function` (a FunctionGraph function).
 *
 * Identifier: the function URN with the `:latest` qualifier
 *   (`urn:fss:{region}:{project}:function:{package}:{name}:latest`); calls that address the whole
 *   function strip the qualifier.
 * Replace on change: name, package (both part of the URN), runtime (immutable on the platform).
 * Computed outputs: funcUrn, funcId, digest, codeSize, lastModified, cpu, version, codeType (also an
 *   input), plus
 *   the hidden hashes codeHash and encryptedEnvironmentHash; every input is an output too, except
 *   the encryptedEnvironment values, which are never stored in outputs.
 * API calls per step (docs/reference/functiongraph-api.md §0):
 *   check  — none (zod validation, deterministic zip hash of the code archive).
 *   diff   — none (compares declared fields with the OLD OUTPUTS; code by codeHash).
 *   create — with `adopt: true`: ShowFunctionConfig (F3), plus the tag / reserved-instance reads
 *            of declared properties, then only the calls an update would make (adopt.ts).
 *            Otherwise (EnableLtsLogs first for `log: {}`) CreateFunction (F1, with the whole
 *            configuration); then UpdateFunctionCode
 *            (F6) when dependencies are set, F10 when maxInstances is, F18 create when tags are,
 *            one reserved-instances PUT per declared qualifier (create-read.ts).
 *            On 409 FSS.1061 (a lost response of our own earlier create) ShowFunctionConfig (F3)
 *            and reconcile (keep it) when its digest equals the SHA-512 of our upload, then F4.
 *   read   — ShowFunctionConfig (F3); 404 means gone. Only when the state declares them: the
 *            tag list (F18), the reserved-instance configs, the LTS log detail (names).
 *   update — apply.ts: F3 then UpdateFunctionConfig (F4, carrying forward every unmanaged field)
 *            only if config fields changed; F6 only if code, codeUrl, code type or dependencies
 *            changed; F10, F18 and reserved instances only for their own changes. A failure
 *            part-way records what was applied (partial.ts).
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
import { ConflictError, NotFoundError, ValidationError } from "../../core/errors";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { ClientOptions, FunctionGraphClient, functionUrn, unqualifiedUrn } from "../client";
import { knownRegionAndProject, resolveSettings, configure, profiled } from "../config";
import { checkInputs } from "./check";
import { buildCode, createBody, inputsFrom, NORMALIZERS } from "./mapping";
import { FunctionInputs, FunctionOutputs, REPLACE_ON_CHANGE } from "./schema";
import { applyChanges, changedOf, fullConfigBody } from "./apply";
import { prepareCode, uploadDigest, type Upload } from "./code-upload";
import { finishCreate, readAll } from "./create-read";
import { enableLtsLogs, needsLtsEnable } from "./api-extras";
import { adoptFunction, adoptionKey, describe } from "./adopt";
import { withCodeDigest, withImportedCodeHash } from "./imported-code";
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

/** The function exists already: ours (lost create response) if its digest is our upload's SHA-512. */
async function reconcileLostCreate(
  fg: FunctionGraphClient,
  inputs: FunctionInputs,
  code: Upload | undefined,
  cause: ConflictError,
) {
  const urn = functionUrn(resolveSettings(), inputs.package, inputs.name);
  const live = await fg.getFunctionConfig(unqualifiedUrn(urn));
  if (!code || live.digest !== uploadDigest(code)) {
    throw new Error(
      `function "${inputs.name}" already exists in package "${inputs.package}" with different code, so it was not created ` +
        `by this deployment; delete it, or choose another name (${cause.message})`,
    );
  }
  return fg.updateFunctionConfig(unqualifiedUrn(urn), fullConfigBody(live, {}, inputs));
}

export const provider: ResourceProvider<FunctionInputs, FunctionOutputs> = profiled({
  configure,

  async check(olds: FunctionInputs, news: FunctionInputs): Promise<CheckResult<FunctionInputs>> {
    return withCodeDigest(olds, await checkInputs(news));
  },

  async diff(id: string, olds: FunctionOutputs, news: FunctionInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe(olds));
    const withHash =
      news.codeHash === undefined && news.code !== undefined
        ? { ...news, codeHash: (await buildCode(news))?.hash }
        : news;
    const base = withImportedCodeHash(olds, withHash);
    const changed = [...changedFields(base, withHash, REPLACE_ON_CHANGE, NORMALIZERS), ...changedOf(base, withHash)];
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
    const code = await prepareCode(inputs);
    if (needsLtsEnable({}, inputs)) await enableLtsLogs(fg);
    let info;
    try {
      info = await fg.createFunction(createBody(inputs, code));
    } catch (e) {
      if (!(e instanceof ConflictError && e.code === "FSS.1061")) throw e;
      info = await reconcileLostCreate(fg, inputs, code, e);
    }
    return finishCreate(fg, inputs, code, info);
  },

  async read(id: string, props?: FunctionOutputs): Promise<ReadResult<FunctionOutputs>> {
    const fg = client();
    let info;
    try {
      info = await fg.getFunctionConfig(unqualifiedUrn(id));
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const outs = await readAll(fg, info, props ?? {});
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
    return { outs: await applyChanges(client(), id, olds, news) };
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
});
