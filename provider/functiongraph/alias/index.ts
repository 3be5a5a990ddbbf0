/**
 * Resource provider for `cloudfn:functiongraph:Alias` (a named route to one version, with
 * optional weighted or rule-based routing to another).
 *
 * Identifier: the alias URN (`urn:fss:...:function:<package>:<name>:!<alias>`).
 * Replace on change: functionUrn, name (the alias's address). version, description,
 *   additionalVersionWeights and additionalVersionStrategy update in place.
 * Computed outputs: aliasUrn, qualifier (`!<name>`), lastModified.
 * API calls per step (docs/reference/functiongraph-api.md §0 (F11–F17), §2.1):
 *   check  — none (zod validation; weights total, weights or rules, not the own version).
 *   diff   — none (declared fields against the old outputs; empty routing maps = none).
 *   create — with `adopt: true`: ShowVersionAlias (F15), then UpdateVersionAlias (F16) only if
 *            something differs. Otherwise CreateVersionAlias (F13); on 409 (the alias exists:
 *            a re-run after a lost answer) F15, and the alias is taken when it routes as the
 *            program says, else a clear error.
 *   read   — ShowVersionAlias (F15); 404 (alias or function gone) means gone.
 *   update — UpdateVersionAlias (F16) with version, description and routing.
 *   delete — DeleteVersionAlias (F17); 404 is success; refused while triggers are bound to it
 *            (FSS.1154) → an error saying so.
 */
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { adoptionNotFound, claimForAdoption, noteManaged, noteReplacement, releaseAdoption } from "../../core/adoption";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { ConflictError, NotFoundError, PlatformApiError } from "../../core/errors";
import { VERSION_ERRORS } from "../../../platform/functiongraph/versions";
import { ClientOptions, FunctionGraphClient } from "../client";
import { configure, resolveSettings, profiled } from "../config";
import { AliasInfo, aliasApi } from "./api";
import { checkAlias } from "./check";
import {
  NORMALIZERS,
  aliasBody,
  aliasUrnOf,
  inputsFrom,
  outputsFrom,
  parseAliasUrn,
  routingDifferences,
} from "./mapping";
import { AliasInputs, AliasOutputs, REPLACE_ON_CHANGE, UPDATE_FIELDS } from "./schema";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };
const client = () => new FunctionGraphClient(resolveSettings(), tuning.client);

const adoptionKey = (aliasUrn: string) => `functiongraph:alias:${aliasUrn}`;
const describe = (aliasUrn: string) => `FunctionGraph alias ${aliasUrn}`;

/** The live alias brought to the program: F16 only when something differs. */
async function converge(fg: FunctionGraphClient, inputs: AliasInputs, live: AliasInfo): Promise<AliasInfo> {
  const current = outputsFrom(inputs.functionUrn, live);
  if (routingDifferences(current, inputs).length === 0) return live;
  return aliasApi.update(fg, inputs.functionUrn, inputs.name, aliasBody(inputs, false));
}

async function adopt(fg: FunctionGraphClient, inputs: AliasInputs): Promise<AliasInfo | undefined> {
  const urn = aliasUrnOf(inputs.functionUrn, inputs.name);
  if (!claimForAdoption(adoptionKey(urn), describe(urn))) return undefined;
  try {
    return await converge(fg, inputs, await aliasApi.get(fg, inputs.functionUrn, inputs.name));
  } catch (e) {
    releaseAdoption(adoptionKey(urn));
    throw e instanceof NotFoundError ? adoptionNotFound(describe(urn), urn) : e;
  }
}

/** A 409 on create: the alias exists; ours if it routes as the program says (a lost answer). */
async function existing(fg: FunctionGraphClient, inputs: AliasInputs, cause: ConflictError): Promise<AliasInfo> {
  if (cause.code !== VERSION_ERRORS.aliasExists.code) throw cause;
  const live = await aliasApi.get(fg, inputs.functionUrn, inputs.name);
  const differ = routingDifferences(outputsFrom(inputs.functionUrn, live), inputs);
  if (differ.length === 0) return live;
  throw new Error(
    `alias "${inputs.name}" of ${inputs.functionUrn} already exists and differs in ${differ.join(", ")}; set adopt: true to take it over, or delete it (${cause.message})`,
  );
}

export const provider: ResourceProvider<AliasInputs, AliasOutputs> = profiled({
  configure,

  async check(_olds: AliasInputs, news: AliasInputs): Promise<CheckResult<AliasInputs>> {
    return checkAlias(news);
  },

  async diff(id: string, olds: AliasOutputs, news: AliasInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe(id));
    const changed = changedFields(olds, news, [...REPLACE_ON_CHANGE, ...UPDATE_FIELDS], NORMALIZERS);
    const result = diffResult(changed, REPLACE_ON_CHANGE);
    if (!result.replaces?.length) return result;
    // The replacement is created, never adopted, even if the program still says `adopt: true`.
    if (!containsUnknown([news.functionUrn, news.name]))
      noteReplacement(adoptionKey(aliasUrnOf(news.functionUrn, news.name)), describe(id));
    // Same name on the same function: the old alias must go first.
    return { ...result, deleteBeforeReplace: !changed.includes("name") };
  },

  async create(inputs: AliasInputs): Promise<CreateResult<AliasOutputs>> {
    const fg = client();
    let info = inputs.adopt ? await adopt(fg, inputs) : undefined;
    if (!info) {
      try {
        info = await aliasApi.create(fg, inputs.functionUrn, aliasBody(inputs, true));
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
        info = await existing(fg, inputs, e);
      }
    }
    const outs = outputsFrom(inputs.functionUrn, info);
    return { id: outs.aliasUrn, outs };
  },

  async read(id: string, props?: AliasOutputs): Promise<ReadResult<AliasOutputs>> {
    const ref = parseAliasUrn(id);
    let info;
    try {
      info = await aliasApi.get(client(), ref.functionUrn, ref.name);
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    const outs = outputsFrom(props?.functionUrn ?? ref.functionUrn, info);
    return { id, props: outs, inputs: inputsFrom(outs) as unknown as AliasOutputs };
  },

  async update(id: string, olds: AliasOutputs, news: AliasInputs): Promise<UpdateResult<AliasOutputs>> {
    const ref = parseAliasUrn(id);
    const info = await aliasApi.update(client(), ref.functionUrn, ref.name, aliasBody(news, false));
    return { outs: outputsFrom(olds.functionUrn, info) };
  },

  async delete(id: string): Promise<void> {
    const ref = parseAliasUrn(id);
    try {
      await aliasApi.delete(client(), ref.functionUrn, ref.name);
    } catch (e) {
      if (e instanceof NotFoundError) return;
      if (e instanceof PlatformApiError && e.code === VERSION_ERRORS.aliasHasTriggers.code)
        throw new Error(
          `cannot delete alias "${ref.name}" of ${ref.functionUrn}: triggers are bound to it; delete those triggers (or point them elsewhere) first (${e.message})`,
        );
      throw e;
    }
  },
});
