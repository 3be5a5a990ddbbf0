/**
 * Deploying a project zip as a new version of one group × environment, the way the platform
 * does it: unpack, start a new instance, ask it for `GET /1.1/functions/_ops/metadatas` (master
 * key), refuse names another group serves unless `overwriteFunctions`, then switch traffic to
 * the new instance and record the version. Progress goes to an event log (models/events.ts).
 */
import { sha256Hex } from "../../platform/common/hash";
import { codeDir } from "../functiongraph/runtime/code-cache";
import { envName, type LcEnv, type Prod } from "./env";
import { forward, type Instance, type InstanceSpec } from "./engine/instances";
import { instanceEnvironment } from "./engine/runtime-env";
import { lcErrors } from "./errors";
import { addEvent } from "./models/events";
import {
  codeOf,
  conflictingNames,
  envOf,
  groupsOf,
  nextVersionTag,
  routeFunctions,
  type VersionRecord,
} from "./models/groups";

export interface DeployRequest {
  group: string;
  prod: Prod;
  zip: Buffer;
  entry?: string;
  comment?: string;
  overwriteFunctions?: boolean;
  source: string;
  /** Redeploy this existing version (same tag and code), as `lean publish` does with versionTag. */
  reuse?: VersionRecord;
}

export class DeployFailed extends Error {}

/** The spec of the instance that serves a version. */
export async function specFor(env: LcEnv, group: string, prod: Prod, version: VersionRecord): Promise<InstanceSpec> {
  const code = codeOf(env)[version.digest];
  if (code === undefined)
    throw new DeployFailed(`the code of version ${version.versionTag} is missing from the emulator state`);
  return {
    key: `${group}/${prod}`,
    dir: await codeDir(version.digest, Buffer.from(code, "base64")),
    entry: version.entry,
    env: instanceEnvironment(env, group, prod, groupsOf(env)[group]?.environments ?? {}),
    timeoutMs: env.options.functionTimeoutMs,
    rpcPrimitiveQuirk: env.options.rpcPrimitiveQuirk,
    versionTag: version.versionTag,
  };
}

/** The instance serving a group × environment, (re)started if needed; 503 when nothing is deployed. */
export async function instanceFor(env: LcEnv, group: string, prod: Prod): Promise<Instance> {
  const version = groupsOf(env)[group] && envOf(groupsOf(env)[group], prod).version;
  if (!version) throw lcErrors.engineDown(`No ${envName(prod)} instance of group ${group} is deployed.`);
  try {
    return await env.engines.ensure(await specFor(env, group, prod, version));
  } catch (err) {
    throw lcErrors.engineDown(
      `The ${envName(prod)} instance of group ${group} failed to start: ${(err as Error).message}`,
    );
  }
}

/** Asks an instance which names it serves; [] when it has none (404) or cannot say. */
async function metadatas(env: LcEnv, instance: Instance): Promise<{ names: string[]; problem?: string }> {
  const headers = { "x-lc-id": env.creds.appId, "x-lc-key": `${env.creds.masterKey},master` };
  try {
    const res = await forward(instance, "GET", "/1.1/functions/_ops/metadatas", headers, Buffer.alloc(0), 30_000);
    if (res.status === 404) return { names: [] };
    const body = JSON.parse(res.body.toString("utf8")) as { result?: unknown };
    if (res.status !== 200 || !Array.isArray(body.result))
      return { names: [], problem: `metadatas answered ${res.status}` };
    return { names: body.result.map(String) };
  } catch (err) {
    return { names: [], problem: (err as Error).message };
  }
}

/** Runs a deploy to completion, logging to `eventToken` (if any); resolves with the new version. */
export async function deploy(env: LcEnv, req: DeployRequest, eventToken?: string): Promise<VersionRecord> {
  const log = (level: "info" | "error", content: string, done = false) =>
    eventToken && addEvent(env, eventToken, level, content, done);
  const group = groupsOf(env)[req.group];
  if (!group) throw new DeployFailed(`Group not found: ${req.group}`);
  const digest = req.reuse?.digest ?? sha256Hex(req.zip);
  const version: VersionRecord = {
    versionTag: req.reuse?.versionTag ?? nextVersionTag(env, group),
    digest,
    entry: req.reuse ? req.reuse.entry : req.entry,
    comment: req.comment ?? req.reuse?.comment,
    source: req.source,
    deployedAt: env.clock.now().toISOString(),
    functions: [],
  };
  log("info", `Deploying ${version.versionTag} to ${req.group} (${envName(req.prod)})`);
  if (!req.reuse) codeOf(env)[digest] ??= req.zip.toString("base64");
  let instance: Instance;
  try {
    log("info", "Starting a new instance");
    instance = await env.engines.launch(await specFor(env, req.group, req.prod, version));
  } catch (err) {
    const output = (err as { output?: string[] }).output ?? [];
    const message = `Instance failed to start: ${(err as Error).message}${output.length ? `\n${output.join("\n")}` : ""}`;
    log("error", message, true);
    throw new DeployFailed(message);
  }
  const { names, problem } = await metadatas(env, instance);
  if (problem)
    log("info", `Could not read the function list (${problem}); cloud functions of this version are unavailable`);
  const conflicts = conflictingNames(env, req.group, req.prod, names);
  if (conflicts.length > 0 && !req.overwriteFunctions) {
    env.engines.discard(instance);
    const message = `Cloud functions already defined in other groups: ${conflicts.join(", ")} (deploy with overwriteFunctions to move them)`;
    log("error", message, true);
    throw new DeployFailed(message);
  }
  version.functions = names;
  env.engines.promote(instance);
  routeFunctions(env, req.group, req.prod, names);
  const state = envOf(group, req.prod);
  state.version = version;
  state.history.push(version);
  env.store.commit();
  log("info", `Functions: ${names.length ? names.join(", ") : "(none)"}`);
  log("info", `Deployed version ${version.versionTag} to ${req.group} (${envName(req.prod)})`, true);
  return version;
}
