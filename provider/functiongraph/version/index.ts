/**
 * Resource provider for `cloudfn:functiongraph:Version` (a published version of a function).
 *
 * Identifier: the version-qualified function URN (`urn:fss:...:function:<package>:<name>:<version>`).
 * Replace on change: every input (versions are immutable; there is no update API). A named
 *   version is deleted before its replacement is published (names are unique per function); an
 *   unnamed one is published first, then the old one deleted.
 * Computed outputs: qualifiedUrn, version (`name`, or the platform's name when unset), codeDigest, codeSize,
 *   lastModified.
 * API calls per step (docs/reference/functiongraph-api.md §0 (F11–F17), §2.1):
 *   check  — none (zod validation with the platform's name rules).
 *   diff   — none (declared fields against the old outputs).
 *   create — with `adopt: true`: ListFunctionVersions (F12), record the named version if it
 *            matches the program (adopt.ts). Otherwise CreateFunctionVersion (F11) without
 *            transport retries, preceded by ListFunctionVersions for an unnamed version; after a
 *            lost answer F12 again and the version this publish made is taken, never a second
 *            one. 409 (name taken) takes the version if it matches; the quota refusal lists the
 *            versions (F12) in its error.
 *   read   — ListFunctionVersions (F12), the version by name; absent (or the function gone) means gone.
 *            An import (no prior state) takes the version's name as `name`.
 *   update — never called (every change replaces).
 *   delete — DeleteFunction (F7) on the qualified URN, which deletes that version only; 404 is
 *            success; refused because an alias routes to it → ListVersionAliases (F14) and an
 *            error naming the aliases.
 */
import { CheckResult, CreateResult, DiffResult, ReadResult, ResourceProvider } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { NotFoundError, PlatformApiError } from "../../core/errors";
import { ClientOptions, FunctionGraphClient } from "../client";
import { configure, resolveSettings, profiled } from "../config";
import { aliasApi, aliasesUsing } from "../alias/api";
import { versionApi } from "./api";
import { adoptVersion, adoptionKey, describe } from "./adopt";
import { noteManaged, noteReplacement } from "../../core/adoption";
import { versionDefinition } from "./definition";
import { NORMALIZERS, importedOutputs, inputsFrom, outputsFrom, parseQualifiedUrn, qualifiedUrnOf } from "./mapping";
import { publishOnce } from "./publish";
import { DIFF_FIELDS, REPLACE_ON_CHANGE, VersionInputs, VersionOutputs } from "./schema";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };
const client = () => new FunctionGraphClient(resolveSettings(), tuning.client);

export function checkVersion(news: VersionInputs): CheckResult<VersionInputs> {
  const { value, unknown, failures } = validateInputs<VersionInputs>(versionDefinition, news);
  if (value.adopt && value.name === undefined && !("name" in unknown))
    failures.push({
      property: "name",
      reason: "name (of the version to take over) is required with adopt: true",
    });
  return checkResult(dropUndefined({ ...value, ...unknown }) as VersionInputs, failures);
}

export function diffVersion(olds: VersionOutputs, news: VersionInputs): DiffResult {
  const changed = changedFields(olds, news, DIFF_FIELDS, NORMALIZERS);
  const result = diffResult(changed, REPLACE_ON_CHANGE);
  // The same name cannot exist twice, so the old version must go first.
  const sameName = news.name !== undefined && !containsUnknown(news.name) && news.name === olds.version;
  return result.replaces?.length ? { ...result, deleteBeforeReplace: sameName } : result;
}

/** The aliases that keep a version from being deleted, named in the error. */
async function inUseError(fg: FunctionGraphClient, id: string, cause: PlatformApiError): Promise<Error> {
  const { functionUrn, version } = parseQualifiedUrn(id);
  const users = aliasesUsing(await aliasApi.list(fg, functionUrn).catch(() => []), version);
  const names = users.map((a) => `"${a.name}"`).join(", ") || "an alias";
  return new Error(
    `cannot delete version "${version}" of ${functionUrn}: alias ${names} routes traffic to it; point the alias at another version (or delete it) first (${cause.message})`,
  );
}

export const provider: ResourceProvider<VersionInputs, VersionOutputs> = profiled({
  configure,

  async check(_olds: VersionInputs, news: VersionInputs): Promise<CheckResult<VersionInputs>> {
    return checkVersion(news);
  },

  async diff(id: string, olds: VersionOutputs, news: VersionInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe(id));
    const result = diffVersion(olds, news);
    // The replacement publishes, never adopts, even if the program still says `adopt: true`.
    if (result.replaces?.length && typeof news.name === "string" && !containsUnknown([news.name, news.functionUrn]))
      noteReplacement(adoptionKey(qualifiedUrnOf(news.functionUrn, news.name)), describe(id));
    return result;
  },

  async create(inputs: VersionInputs): Promise<CreateResult<VersionOutputs>> {
    const fg = client();
    const adopted = inputs.adopt ? await adoptVersion(fg, inputs) : undefined;
    const info = adopted ?? (await publishOnce(fg, inputs));
    const outs = outputsFrom(inputs, info, inputs.functionUrn);
    return { id: qualifiedUrnOf(inputs.functionUrn, info.version), outs };
  },

  async read(id: string, props?: VersionOutputs): Promise<ReadResult<VersionOutputs>> {
    const { functionUrn, version } = parseQualifiedUrn(id);
    let all;
    try {
      all = await versionApi.list(client(), functionUrn);
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const info = all.find((v) => v.version === version);
    if (!info) return {};
    const outs = props ? outputsFrom(props, info, functionUrn) : importedOutputs(info, functionUrn);
    return { id, props: outs, inputs: inputsFrom(outs) as unknown as VersionOutputs };
  },

  async delete(id: string): Promise<void> {
    const fg = client();
    try {
      await versionApi.delete(fg, id);
    } catch (e) {
      if (e instanceof NotFoundError) return;
      if (e instanceof PlatformApiError && (e.status === 403 || e.status === 409)) throw await inUseError(fg, id, e);
      throw e;
    }
  },
});
