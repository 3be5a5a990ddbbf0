/**
 * Resource provider for `cloudfn:functiongraph:DependencyVersion` (one version of a FunctionGraph
 * dependency package; functions list version ids in `dependencyVersionIds`).
 *
 * Identifier: `<dependency id>/<version number>` (the path of D4/D5); `versionId` (the version's
 *   UUID) is what functions reference.
 * Replace on change: every input (name, runtime, description, code, codeUrl): versions are
 *   immutable, there is no update API. Replacement is create-before-delete (Pulumi's default):
 *   the new version exists, dependent functions are updated in place to it, then the old version
 *   is deleted (the platform refuses to delete a version a function still uses).
 * Computed outputs: versionId, dependencyId, version, etag, size, owner, fileName, lastModified,
 *   plus the hidden codeHash (SHA-256 of the deterministic zip of `code`).
 * API calls per step (docs/reference/functiongraph-api.md §5):
 *   check  — none (zod validation, deterministic zip and its hash).
 *   diff   — none (declared fields against the old outputs; code by codeHash).
 *   create — CreateDependencyVersion (D1), without transport retries: a repeated POST would add
 *            another version. After a lost or failed response it lists the versions of the name
 *            (ListDependencies D2 + ListDependencyVersion D3) and reconciles: takes the newest one whose
 *            etag (MD5 of our zip), runtime and description match; otherwise it posts again.
 *            With `adopt: true`: ListDependencies + ListDependencyVersion and record the version
 *            (adoptVersion, or the newest) if it matches the program; never a write
 *            (adopt.ts, docs/adopt.md).
 *   read   — ShowDependencyVersion (D4); 404 means gone. An import (no prior state) knows the code
 *            only by its etag; imported-code.ts makes the program's equal zip compare clean.
 *   update — never called (every change replaces).
 *   delete — DeleteDependencyVersion (D5); 404 is success; 412 FSS.1033 (still used) is reported.
 */
import { CheckResult, CreateResult, DiffResult, ReadResult, ResourceProvider } from "@pulumi/pulumi/dynamic";
import { NotFoundError, PlatformApiError, ServerError, ThrottledError, TransportError } from "../../core/errors";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { ClientOptions, FunctionGraphClient } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { CreateDependencyVersionBody, DependencyVersionInfo, dependencyApi } from "./api";
import { checkDependencyVersion } from "./check";
import {
  buildPackage,
  createBody,
  inputsFrom,
  matchesRequest,
  outputsFrom,
  parseResourceId,
  versionResourceId,
} from "./mapping";
import { adoptDependencyVersion, adoptionKey, describe, replacementKey } from "./adopt";
import { withCodeEtag, withImportedCodeHash } from "./imported-code";
import { noteManaged, noteReplacement } from "../../core/adoption";
import { DIFF_FIELDS, DependencyVersionInputs, DependencyVersionOutputs, REPLACE_ON_CHANGE } from "./schema";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions; createAttempts: number; createRetryDelayMs: number } = {
  client: {},
  createAttempts: 5,
  createRetryDelayMs: 1000,
};

function client(): FunctionGraphClient {
  return new FunctionGraphClient(resolveSettings(), tuning.client);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const transient = (e: unknown) =>
  e instanceof TransportError || e instanceof ServerError || e instanceof ThrottledError;

/** The version a lost create response may have made: the newest that matches our request. */
async function reconcileLostCreate(
  fg: FunctionGraphClient,
  body: CreateDependencyVersionBody,
  zip: Buffer | undefined,
): Promise<DependencyVersionInfo | undefined> {
  const versions = await dependencyApi.versionsByName(fg, body.name);
  return versions.filter((v) => matchesRequest(v, body, zip)).sort((a, b) => b.version - a.version)[0];
}

/** D1, made safe to repeat: after a failure whose effect is unknown, look before posting again. */
async function createOnce(
  fg: FunctionGraphClient,
  body: CreateDependencyVersionBody,
  zip: Buffer | undefined,
): Promise<DependencyVersionInfo> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dependencyApi.create(fg, body);
    } catch (e) {
      if (!transient(e) || attempt >= tuning.createAttempts) throw e;
      // A 429 was never applied; any other failure may have created the version.
      const created = e instanceof ThrottledError ? undefined : await reconcileLostCreate(fg, body, zip);
      if (created) return created;
      await sleep(tuning.createRetryDelayMs * attempt);
    }
  }
}

function idOf(id: string): { depId: string; version: number } {
  const parsed = parseResourceId(id);
  if (!parsed) throw new Error(`invalid DependencyVersion id "${id}": expected "<dependency id>/<version number>"`);
  return parsed;
}

export const provider: ResourceProvider<DependencyVersionInputs, DependencyVersionOutputs> = profiled({
  configure,

  async check(
    olds: DependencyVersionInputs,
    news: DependencyVersionInputs,
  ): Promise<CheckResult<DependencyVersionInputs>> {
    return withCodeEtag(olds, await checkDependencyVersion(news));
  },

  async diff(_id: string, olds: DependencyVersionOutputs, news: DependencyVersionInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(olds.name, olds.version), describe(olds.name, olds.version));
    const withHash =
      news.codeHash === undefined && news.code !== undefined
        ? { ...news, codeHash: (await buildPackage(news))?.hash }
        : news;
    const normalize = { description: (v: unknown) => v ?? "" };
    const changed = changedFields(withImportedCodeHash(olds, withHash), withHash, DIFF_FIELDS, normalize);
    // The archive is compared by hash; report the property the user wrote.
    const named = [...new Set(changed.map((f) => (f === "codeHash" ? "code" : f)))];
    // The replacement creates a version, never adopts, even if the program still says `adopt: true`.
    if (named.length > 0 && typeof news.name === "string" && !containsUnknown(news.name))
      noteReplacement(replacementKey(news.name), describe(news.name));
    return diffResult(named, REPLACE_ON_CHANGE);
  },

  async create(inputs: DependencyVersionInputs): Promise<CreateResult<DependencyVersionOutputs>> {
    const adopted = inputs.adopt ? await adoptDependencyVersion(client(), inputs) : undefined;
    if (adopted) return adopted;
    const pkg = await buildPackage(inputs, inputs.codeHash);
    const info = await createOnce(client(), createBody(inputs, pkg?.zip), pkg?.zip);
    const outs = outputsFrom({ ...inputs, codeHash: pkg?.hash ?? inputs.codeHash }, info, info.dep_id ?? "");
    return { id: versionResourceId(outs.dependencyId, outs.version), outs };
  },

  async read(id: string, props?: DependencyVersionOutputs): Promise<ReadResult<DependencyVersionOutputs>> {
    const { depId, version } = idOf(id);
    let info;
    try {
      info = await dependencyApi.show(client(), depId, version);
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const outs = outputsFrom(props ?? {}, info, depId);
    return { id, props: outs, inputs: inputsFrom(outs) as unknown as DependencyVersionOutputs };
  },

  async delete(id: string): Promise<void> {
    const { depId, version } = idOf(id);
    try {
      await dependencyApi.delete(client(), depId, version);
    } catch (e) {
      if (e instanceof NotFoundError) return;
      if (e instanceof PlatformApiError && e.code === "FSS.1033") {
        throw new Error(
          `dependency version ${id} is still used by a function; remove it from the function's dependencyVersionIds first (${e.message})`,
        );
      }
      throw e;
    }
  },
});
