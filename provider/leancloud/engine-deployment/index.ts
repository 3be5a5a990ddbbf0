/**
 * Resource provider for `cloudfn:leancloud:EngineDeployment`: a LeanEngine project deployed to
 * one environment of one group, through the console API subset lean-cli uses.
 *
 * Identifier: `<appId>:<group>:<environment>`.
 * Replace on change: group, environment.
 * Computed outputs: version (the environment's `versionTag`), functions (what the engine serves,
 *   from `_ops/metadatas`), codeHash (hidden: SHA-256 of the deterministic zip).
 * API calls per step (docs/reference/leancloud-api.md §8, §4):
 *   check  — none (zod; deterministic zip → codeHash, so previews never upload).
 *   diff   — none (codeHash decides a redeploy; comment and options are recorded only).
 *   create — GET /1.1/engine/groups?all=true (group exists, env deployable);
 *            POST /1.1/engine/groups/<g>/envs/<0|1>/version (multipart zip);
 *            GET /1.1/engine/events/poll/<token> until done; GET groups again (versionTag);
 *            GET /1.1/functions/_ops/metadatas (master key, X-LC-Prod).
 *            With `adopt: true`: GET groups, then either record the live version (adoptVersion
 *            equals its versionTag; + metadatas) or deploy as above (adopt.ts).
 *   read   — GET groups (+ metadatas); no group or no version → gone; another version →
 *            codeHash becomes `drift:<version>` so the next `up` redeploys the declared code.
 *            An import (no prior state) records the live version and its comment (imported.ts).
 *   update — as create when codeHash changed; otherwise no call.
 *   Lost deploy answers (reconcile.ts): every deploy comment carries a content marker; a deploy
 *   first looks at the live version (GET groups) and records it when it already has our content,
 *   and after a lost answer (the upload is never retried) watches GET groups for it.
 *   delete — none: LeanCloud cannot undeploy; the last version keeps serving (see the docs).
 */
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { archiveToZip, zipSha256 } from "../../core/archive";
import { manifestInput } from "../../core/code-manifest";
import { UNKNOWN, changedFields, containsUnknown, diffResult } from "../../core/diff";
import { Group } from "../api";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { ClientOptions, LeanCloudClient } from "../client";
import { LeanCloudSettings, resolveSettings, configure, profiled } from "../config";
import { tail, waitForDeploy } from "./events";
import { answerLost, awaitLostDeploy, liveVersionWithContent, markedComment } from "./reconcile";
import { adoptionKey, describe, planAdoption } from "./adopt";
import { readImported, withImportedCodeHash } from "./imported";
import { noteManaged, noteReplacement } from "../../core/adoption";
import {
  ADOPTION_INPUTS,
  DEFAULTS,
  DEPLOY_FIELDS,
  DeploymentInputs,
  DeploymentOutputs,
  HIDDEN_INPUTS,
  INPUT_PROPERTIES,
  OPTION_FIELDS,
  REPLACE_ON_CHANGE,
} from "./schema";
import { engineDeploymentDefinition } from "./definition";
import { Environment } from "../../../platform/leancloud/sign";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

function connect(): { s: LeanCloudSettings; lc: LeanCloudClient } {
  const s = resolveSettings();
  return { s, lc: new LeanCloudClient(s, tuning.client) };
}

async function codeHashOf(code: unknown): Promise<{ hash?: string; failure?: { property: string; reason: string } }> {
  if (code === undefined) return {};
  if (containsUnknown(code)) return { hash: UNKNOWN };
  try {
    return { hash: zipSha256(await archiveToZip(code)) };
  } catch (e) {
    return { failure: { property: "code", reason: `code: cannot build the archive: ${(e as Error).message}` } };
  }
}

const versionOf = (g: Group | undefined, env: Environment) => g?.[env]?.version?.versionTag ?? undefined;

/** Names the engine serves now; an engine that cannot answer (metadatas failed) serves none we know of. */
async function functionsOf(lc: LeanCloudClient, env: Environment): Promise<string[]> {
  return [...(await lc.metadatas(env))].sort();
}

/** The inputs that are properties of the deployment (adoption instructions are not). */
function declared(inputs: DeploymentInputs): Omit<DeploymentInputs, "adopt" | "adoptVersion"> {
  return Object.fromEntries(Object.entries(inputs).filter(([k]) => !ADOPTION_INPUTS.includes(k))) as DeploymentInputs;
}

async function deploy(inputs: DeploymentInputs): Promise<DeploymentOutputs> {
  const { s, lc } = connect();
  const where = `group "${inputs.group}" (${inputs.environment})`;
  const group = await lc.getGroup(inputs.group);
  if (!group) throw new Error(`LeanEngine ${where}: the app has no such group; create it in the console first`);
  if (group[inputs.environment]?.deployable === false)
    throw new Error(
      `LeanEngine ${where} is not deployable (no ${inputs.environment} instance; trial plans have no staging)`,
    );
  const zip = await archiveToZip(inputs.code, inputs.codeHash);
  const codeHash = zipSha256(zip);
  const record = async (version: string) =>
    dropUndefined({ ...declared(inputs), codeHash, version, functions: await functionsOf(lc, inputs.environment) });
  // A deploy of this very code whose answer an earlier run lost: reconcile instead of deploying again.
  const live = liveVersionWithContent(group, inputs.environment, codeHash);
  if (live) return record(live);
  const fields = {
    noDependenciesCache: inputs.noDependenciesCache,
    overwriteFunctions: inputs.overwriteFunctions,
    async: true,
    printBuildLogs: false,
    comment: markedComment(inputs.comment, codeHash),
  };
  const timeoutMs = inputs.timeoutSeconds * 1000;
  let token: string;
  try {
    token = await lc.deployZip(inputs.group, inputs.environment, zip, fields);
  } catch (e) {
    if (!answerLost(e)) throw e;
    const landed = await awaitLostDeploy(lc, inputs, codeHash, s.pollIntervalMs, timeoutMs);
    if (landed) return record(landed);
    throw new Error(
      `LeanEngine deploy to ${where}: the answer was lost (${(e as Error).message}) and no version with this code went live within ${inputs.timeoutSeconds} s; the next up records it if it lands, or deploys`,
    );
  }
  const outcome = await waitForDeploy(lc, token, s.pollIntervalMs, timeoutMs);
  if (!outcome.ok) throw new Error(`LeanEngine deploy to ${where} failed: ${tail(outcome.log)}`);
  const version = versionOf(await lc.getGroup(inputs.group), inputs.environment);
  if (!version) throw new Error(`LeanEngine deploy to ${where} finished but the environment reports no version`);
  return record(version);
}

export const provider: ResourceProvider<DeploymentInputs, DeploymentOutputs> = profiled({
  configure,

  async check(_olds: DeploymentInputs, news: DeploymentInputs): Promise<CheckResult<DeploymentInputs>> {
    const { value, unknown, failures } = validateInputs<DeploymentInputs>(engineDeploymentDefinition, news);
    const code = failures.some((f) => f.property === "code") ? {} : await codeHashOf(value.code ?? unknown.code);
    if (code.failure) failures.push(code.failure);
    if (value.adoptVersion !== undefined && value.adopt !== true)
      failures.push({ property: "adoptVersion", reason: "adoptVersion is only used with adopt: true" });
    const manifest = code.hash !== undefined && !code.failure ? await manifestInput(value.code) : {};
    return checkResult(
      dropUndefined({ ...value, ...unknown, codeHash: code.hash, ...manifest }) as DeploymentInputs,
      failures,
    );
  },

  async diff(id: string, olds: DeploymentOutputs, news: DeploymentInputs): Promise<DiffResult> {
    const appId = id.split(":").slice(0, -2).join(":");
    noteManaged(adoptionKey(appId, olds.group, olds.environment), describe(olds.group, olds.environment));
    const normalize = Object.fromEntries(Object.entries(DEFAULTS).map(([k, d]) => [k, (v: unknown) => v ?? d]));
    const fields = [...REPLACE_ON_CHANGE, ...DEPLOY_FIELDS, ...OPTION_FIELDS];
    const changed = changedFields(withImportedCodeHash(olds, news), news, fields, normalize);
    const result = diffResult(changed, REPLACE_ON_CHANGE);
    // The replacement deploys, never adopts, even if the program still says `adopt: true`.
    const where = [news.group ?? DEFAULTS.group, news.environment ?? DEFAULTS.environment];
    if (result.replaces?.length && !where.some(containsUnknown))
      noteReplacement(adoptionKey(appId, where[0], where[1]), describe(where[0], where[1]));
    return result;
  },

  async create(inputs: DeploymentInputs): Promise<CreateResult<DeploymentOutputs>> {
    const { s, lc } = connect();
    const id = `${s.appId}:${inputs.group}:${inputs.environment}`;
    const plan = inputs.adopt ? await planAdoption(lc, s.appId, inputs) : undefined;
    if (plan && !plan.deploy) {
      const functions = await functionsOf(lc, inputs.environment);
      return {
        id,
        outs: dropUndefined<DeploymentOutputs>({ ...declared(inputs), version: plan.version, functions }),
      };
    }
    return { id, outs: await deploy(inputs) };
  },

  async read(id: string, props?: DeploymentOutputs): Promise<ReadResult<DeploymentOutputs>> {
    const { lc } = connect();
    const known = props ?? (await readImported(lc, id, (env) => functionsOf(lc, env)));
    if (!known) return {};
    const live = props ? versionOf(await lc.getGroup(known.group), known.environment) : known.version;
    if (!live) return {};
    const drifted = live !== known.version;
    const functions = drifted ? await functionsOf(lc, known.environment).catch(() => known.functions) : known.functions;
    const outs = { ...known, version: live, functions, codeHash: drifted ? `drift:${live}` : known.codeHash };
    const keys = [...INPUT_PROPERTIES, ...HIDDEN_INPUTS] as string[];
    const inputs = dropUndefined(Object.fromEntries(Object.entries(outs).filter(([k]) => keys.includes(k))));
    return { id, props: outs, inputs: inputs as unknown as DeploymentOutputs };
  },

  async update(_id: string, olds: DeploymentOutputs, news: DeploymentInputs): Promise<UpdateResult<DeploymentOutputs>> {
    if (withImportedCodeHash(olds, news).codeHash === news.codeHash)
      return { outs: dropUndefined({ ...declared(news), version: olds.version, functions: olds.functions }) };
    return { outs: await deploy(news) };
  },

  async delete(): Promise<void> {
    // LeanCloud has no "undeploy": the environment keeps serving the last version.
  },
});
