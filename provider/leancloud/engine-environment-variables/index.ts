/**
 * Resource provider for `cloudfn:leancloud:EngineEnvironmentVariables`: the variables this stack
 * owns in one LeanEngine group. The API only replaces a group's whole map, so every write reads
 * the live map, changes only the names this resource owns, and writes the result back (other
 * people's variables survive; a concurrent writer between our read and write can still lose).
 *
 * Identifier: `<appId>:<group>`.
 * Replace on change: group.
 * Computed outputs: secretVariableHashes (secret; name → scrypt hash). secretVariables values
 *   are write-only: never outputs, compared by hash.
 * API calls per step (docs/reference/leancloud-api.md §8):
 *   check  — none (zod; hashes of the secret values).
 *   diff   — none.
 *   create — GET /1.1/engine/groups?all=true; PATCH /1.1/engine/groups/<g> {environments}.
 *            With `adopt: true` the PATCH is sent only if a declared value differs
 *            (adopt.ts, docs/adopt.md).
 *   read   — GET groups: owned plain names report their live values (a removed name drops out);
 *            an owned secret whose live value hashes differently, or is gone, becomes `drift:`.
 *            An import (no prior state) takes every live variable of the group as plain `variables`.
 *   update — GET groups; PATCH (names dropped from the declaration are removed).
 *   delete — GET groups; PATCH without the owned names. A missing group is success.
 */
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { Normalizers, UNKNOWN, changedFields, containsUnknown, diffResult } from "../../core/diff";
import { Group } from "../api";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { ClientOptions, LeanCloudClient } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { slowHash } from "../../core/slow-hash";
import { adoptVariables, adoptionKey, describe } from "./adopt";
import { noteManaged, noteReplacement } from "../../core/adoption";
import { engineEnvironmentVariablesDefinition } from "./definition";
import { COMPARED_FIELDS, EnvVarsInputs, EnvVarsOutputs, REPLACE_ON_CHANGE, overlapIssue } from "./schema";

export const tuning: { client: ClientOptions } = { client: {} };

const client = () => new LeanCloudClient(resolveSettings(), tuning.client);

/**
 * Slow on purpose: the hashes land in the state's inputs, which the engine does not mark secret.
 * Computed off the event loop and once per value per process (core/slow-hash.ts).
 */
export function secretHash(name: string, value: string): Promise<string> {
  return slowHash(value, `cloudfn:leancloud:env:${name}`);
}

async function hashes(secrets: Record<string, string> | undefined): Promise<Record<string, string> | undefined> {
  if (secrets === undefined) return undefined;
  if (containsUnknown(secrets)) return UNKNOWN as unknown as Record<string, string>;
  const names = Object.keys(secrets).sort();
  const values = await Promise.all(names.map((k) => secretHash(k, secrets[k])));
  return Object.fromEntries(names.map((k, i) => [k, values[i]]));
}

const owned = (o: Partial<EnvVarsOutputs>) => [
  ...Object.keys(o.variables ?? {}),
  ...Object.keys(o.secretVariableHashes ?? {}),
];

function liveMap(g: Group | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(g?.environments ?? {}).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}

async function groupOrFail(lc: LeanCloudClient, name: string): Promise<Group> {
  const g = await lc.getGroup(name);
  if (!g) throw new Error(`LeanEngine group "${name}" does not exist in this app; create it in the console first`);
  return g;
}

/** Read the live map, drop `release`, set `set`, write the whole map back. */
async function write(
  lc: LeanCloudClient,
  group: string,
  release: string[],
  set: Record<string, string>,
): Promise<void> {
  const live = liveMap(await groupOrFail(lc, group));
  for (const k of release) delete live[k];
  await lc.putEnvironments(group, { ...live, ...set });
}

async function outputsFrom(inputs: EnvVarsInputs): Promise<EnvVarsOutputs> {
  return dropUndefined({
    group: inputs.group,
    variables: inputs.variables,
    secretVariableHashes: inputs.secretVariableHashes ?? (await hashes(inputs.secretVariables)),
  });
}

const canonical = (v: unknown) =>
  JSON.stringify(Object.entries((v as Record<string, string>) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)));
const NORMALIZERS: Normalizers = { group: (v) => v ?? "web", variables: canonical, secretVariableHashes: canonical };

/**
 * `pulumi import` (no prior state): the resource takes every variable the group has now, under
 * `variables` (the platform does not say which ones are secret; the native plugin stores them
 * encrypted, as the definition's `secretOnImport` says).
 */
async function importGroup(id: string): Promise<ReadResult<EnvVarsOutputs>> {
  const group = id.slice(id.lastIndexOf(":") + 1);
  if (!id.includes(":") || !group)
    throw new Error(`invalid EngineEnvironmentVariables id "${id}": expected "<appId>:<group>"`);
  const g = await client().getGroup(group);
  if (!g) return {};
  const outs: EnvVarsOutputs = { group, variables: liveMap(g) };
  return { id, props: outs, inputs: outs };
}

export const provider: ResourceProvider<EnvVarsInputs, EnvVarsOutputs> = profiled({
  configure,

  async check(_olds: EnvVarsInputs, news: EnvVarsInputs): Promise<CheckResult<EnvVarsInputs>> {
    const { value, unknown, failures } = validateInputs<EnvVarsInputs>(engineEnvironmentVariablesDefinition, news);
    const overlap = overlapIssue(value);
    if (overlap) failures.push(overlap);
    const secrets = value.secretVariables ?? unknown.secretVariables;
    return checkResult(
      dropUndefined({ ...value, ...unknown, secretVariableHashes: await hashes(secrets) }) as EnvVarsInputs,
      failures,
    );
  },

  async diff(id: string, olds: EnvVarsOutputs, news: EnvVarsInputs): Promise<DiffResult> {
    const appId = id.slice(0, id.lastIndexOf(":"));
    for (const name of owned(olds)) noteManaged(adoptionKey(appId, olds.group, name), describe(olds.group, name));
    const changed = changedFields(olds, news, COMPARED_FIELDS, NORMALIZERS);
    const result = diffResult(changed, REPLACE_ON_CHANGE);
    // The replacement writes normally, never adopts, even if the program still says `adopt: true`.
    if (
      result.replaces?.length &&
      typeof news.group === "string" &&
      !containsUnknown(news.group) &&
      !containsUnknown(news.variables) &&
      !containsUnknown(news.secretVariables)
    ) {
      for (const name of [...Object.keys(news.variables ?? {}), ...Object.keys(news.secretVariables ?? {})])
        noteReplacement(adoptionKey(appId, news.group, name), describe(news.group, name));
    }
    return result;
  },

  async create(inputs: EnvVarsInputs): Promise<CreateResult<EnvVarsOutputs>> {
    const lc = client();
    const appId = resolveSettings().appId;
    const adopted = inputs.adopt ? await adoptVariables(lc, appId, inputs, liveMap) : false;
    if (!adopted) await write(lc, inputs.group, [], { ...inputs.variables, ...inputs.secretVariables });
    return { id: `${appId}:${inputs.group}`, outs: await outputsFrom(inputs) };
  },

  async read(id: string, props?: EnvVarsOutputs): Promise<ReadResult<EnvVarsOutputs>> {
    if (!props) return importGroup(id);
    const g = await client().getGroup(props.group);
    if (!g) return {};
    const live = liveMap(g);
    const variables = Object.fromEntries(
      Object.keys(props.variables ?? {})
        .filter((k) => k in live)
        .map((k) => [k, live[k]]),
    );
    const secretVariableHashes = Object.fromEntries(
      await Promise.all(
        Object.entries(props.secretVariableHashes ?? {}).map(async ([k, h]): Promise<[string, string]> => {
          const same = k in live && (await secretHash(k, live[k])) === h;
          return [k, same ? h : `drift:${k in live ? "changed" : "removed"}`];
        }),
      ),
    );
    const outs = dropUndefined({
      group: props.group,
      variables: props.variables ? variables : undefined,
      secretVariableHashes: props.secretVariableHashes ? secretVariableHashes : undefined,
    });
    return { id, props: outs };
  },

  async update(_id: string, olds: EnvVarsOutputs, news: EnvVarsInputs): Promise<UpdateResult<EnvVarsOutputs>> {
    await write(client(), news.group, owned(olds), { ...news.variables, ...news.secretVariables });
    return { outs: await outputsFrom(news) };
  },

  async delete(_id: string, props: EnvVarsOutputs): Promise<void> {
    const lc = client();
    const g = await lc.getGroup(props.group);
    if (!g) return;
    const live = liveMap(g);
    const mine = owned(props).filter((k) => k in live);
    if (mine.length === 0) return;
    for (const k of mine) delete live[k];
    await lc.putEnvironments(props.group, live);
  },
});
