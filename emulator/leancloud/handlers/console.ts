/**
 * The console API subset the lean CLI uses (docs/reference/leancloud-api.md §8). UNOFFICIAL: LeanCloud never documented
 * this API; paths and fields follow lean-cli's source, so deployments and variables can be
 * managed as code against the emulator. A deploy answers `{eventToken}` at once and runs in the
 * background; its progress is polled with `GET /1.1/engine/events/poll/<token>`.
 */
import { json, queryValue, type Reply, type RequestContext } from "../../core/http";
import { unsafeZipReason } from "../../core/zip-entries";
import { deploy, DeployFailed } from "../deploy";
import { envName, type LcEnv, type Prod } from "../env";
import { consoleErrors } from "../errors";
import { addEvent, openEventLog, pollEvents } from "../models/events";
import { envOf, functionRoutesOf, groupsOf, groupView, type GroupRecord, type VersionRecord } from "../models/groups";
import { parseDeployBody, type DeployBody } from "./deploy-body";
import { ENV_VAR_NAME_RE } from "../../../platform/leancloud/environment-variables";

/** The digest's 100 MB request cap of the platform is the practical limit of a zip download. */
const MAX_ZIP_BYTES = 100 * 1024 * 1024;

function groupOf(env: LcEnv, ctx: RequestContext): GroupRecord {
  const name = ctx.params.group ?? "";
  const group = groupsOf(env)[name];
  if (!group) throw consoleErrors.groupNotFound(name);
  return group;
}

/** `envs/<0|1>` or the older CLIs' `staging` / `production` path segment. */
function prodOf(ctx: RequestContext): Prod {
  const v = ctx.params.env ?? ctx.params.envName;
  if (v === "1" || v === "production") return 1;
  if (v === "0" || v === "staging") return 0;
  throw consoleErrors.invalid(`Unknown environment ${JSON.stringify(v)}: use 0 (staging) or 1 (production).`);
}

export async function getEngineInfo(env: LcEnv): Promise<Reply> {
  return json(200, { appId: env.creds.appId, mode: "prod" });
}

export async function getEngineGroups(env: LcEnv): Promise<Reply> {
  return json(
    200,
    Object.values(groupsOf(env)).map((g) => groupView(env, g)),
  );
}

export async function getEnvironmentVariables(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  return json(200, groupView(env, groupOf(env, ctx)));
}

/** PATCH replaces the whole map (the CLI always sends it complete: read-modify-write). */
export async function updateEnvironmentVariables(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const group = groupOf(env, ctx);
  let body: { environments?: unknown };
  try {
    body = JSON.parse(ctx.body.toString("utf8") || "{}") as { environments?: unknown };
  } catch (err) {
    throw consoleErrors.invalid((err as Error).message);
  }
  const vars = body.environments;
  if (!vars || typeof vars !== "object" || Array.isArray(vars))
    throw consoleErrors.invalid("environments must be an object of NAME: value strings.");
  for (const [name, value] of Object.entries(vars)) {
    // Only the platform's character set: the reserved prefixes are the CLI's check and the
    // provider's 128-character cap is our own (platform/leancloud/environment-variables.ts).
    if (!ENV_VAR_NAME_RE.test(name))
      throw consoleErrors.invalid(`Invalid environment variable name ${JSON.stringify(name)}.`);
    if (typeof value !== "string") throw consoleErrors.invalid(`The value of ${name} must be a string.`);
  }
  // The running instances pick the new map up on their next call (instances.ts restarts an
  // instance whose environment changed), like the console's "save and restart".
  group.environments = { ...(vars as Record<string, string>) };
  env.store.commit();
  return json(200, groupView(env, group));
}

async function download(url: string): Promise<Buffer> {
  if (!/^https?:\/\//i.test(url))
    throw consoleErrors.invalid(`zipUrl must be an http(s) URL, got ${JSON.stringify(url)}`);
  const res = await fetch(url).catch((err: unknown) => {
    throw consoleErrors.invalid(`Could not download zipUrl: ${err instanceof Error ? err.message : String(err)}`);
  });
  if (!res.ok) throw consoleErrors.invalid(`Could not download zipUrl: HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_ZIP_BYTES) throw consoleErrors.invalid("The zip exceeds 100 MB.");
  return bytes;
}

/** An archive the engine could not unpack safely is refused before a deploy starts. */
function refuseUnsafeZip(zip: Buffer): void {
  const unsafe = unsafeZipReason(zip);
  if (unsafe) throw consoleErrors.invalid(`The zip cannot be deployed: ${unsafe}.`);
}

function findVersion(group: GroupRecord, tag: string): VersionRecord {
  const found = [...group.staging.history, ...group.production.history].find((v) => v.versionTag === tag);
  if (!found) throw consoleErrors.invalid(`Version ${tag} not found in group ${group.groupName}.`);
  return found;
}

export async function deployEngine(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const group = groupOf(env, ctx);
  const prod = prodOf(ctx);
  if (!envOf(group, prod).deployable) throw consoleErrors.notDeployable(group.groupName, envName(prod));
  const body: DeployBody = await parseDeployBody(ctx);
  const reuse = body.versionTag !== undefined ? findVersion(group, body.versionTag) : undefined;
  const zip = body.zip ?? (body.zipUrl !== undefined ? await download(body.zipUrl) : Buffer.alloc(0));
  if (!reuse) refuseUnsafeZip(zip);
  const token = openEventLog(env, group.groupName, prod);
  const source = reuse ? "versionTag" : "zip";
  void deploy(
    env,
    {
      group: group.groupName,
      prod,
      zip,
      entry: body.entry,
      comment: body.comment,
      overwriteFunctions: body.overwriteFunctions,
      source,
      reuse,
    },
    token,
  ).catch((err: unknown) => {
    // deploy() already logged its own failures; anything else is an emulator bug worth showing.
    if (!(err instanceof DeployFailed))
      addEvent(env, token, "error", `Deploy failed: ${(err as Error)?.message ?? String(err)}`, true);
  });
  return json(200, { eventToken: token });
}

/** Removes an environment's deployment (the CLI uses it for preview environments). */
export async function deleteEngineEnvironment(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const group = groupOf(env, ctx);
  const prod = prodOf(ctx);
  envOf(group, prod).version = undefined;
  const routes = functionRoutesOf(env)[String(prod) as "0" | "1"];
  for (const [name, owner] of Object.entries(routes)) if (owner === group.groupName) delete routes[name];
  env.engines.stop(`${group.groupName}/${prod}`);
  env.store.commit();
  return json(200, {});
}

export async function getEngineEvents(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const page = pollEvents(env, ctx.params.token ?? "", queryValue(ctx.query, "from"));
  if (!page) throw consoleErrors.eventsNotFound();
  return json(200, page);
}

const appView = (env: LcEnv) => ({
  appId: env.creds.appId,
  appKey: env.creds.appKey,
  masterKey: env.creds.masterKey,
  hookKey: env.creds.hookKey,
  appName: "cloudfn-local",
  appDomain: null,
});

export async function getClientSelf(): Promise<Reply> {
  return json(200, { email: "cloudfn@localhost", username: "cloudfn" });
}

export async function getClientApps(env: LcEnv): Promise<Reply> {
  return json(200, [appView(env)]);
}

export async function getClientApp(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  if (ctx.params.appId !== env.creds.appId) throw consoleErrors.appNotFound(ctx.params.appId ?? "");
  return json(200, appView(env));
}
