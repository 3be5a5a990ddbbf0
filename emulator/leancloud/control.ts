/**
 * LeanCloud controls under /_emulator/leancloud/ (no auth), for tests and out-of-band changes:
 * - POST deploy {path | zipBase64, group?, prod? (1), entry?, comment?, overwriteFunctions?}
 *   deploys synchronously (same pipeline as the console API) → 200 {group, prod, versionTag,
 *   functions} or 400 {error} (with the instance's output when it failed to start);
 * - POST groups {groupName, stagingDeployable?} creates an engine group (the console does this
 *   on the real platform; the console API subset has no call for it).
 */
import { z } from "zod";
import { json, parseJsonBody, type Reply, type RequestContext } from "../core/http";
import type { ControlRoute } from "../core/platform";
import { deploy, DeployFailed } from "./deploy";
import { zipProject } from "./engine/project-zip";
import type { LcEnv, Prod } from "./env";
import { groupsOf, newGroup } from "./models/groups";

const deploySchema = z
  .object({
    path: z.string().min(1).optional(),
    zipBase64: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
    prod: z.union([z.literal(0), z.literal(1)]).optional(),
    entry: z.string().min(1).optional(),
    comment: z.string().optional(),
    overwriteFunctions: z.boolean().optional(),
  })
  .strict()
  .refine((b) => (b.path === undefined) !== (b.zipBase64 === undefined), {
    message: "give exactly one of path and zipBase64",
  });

const groupSchema = z
  .object({ groupName: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), stagingDeployable: z.boolean().optional() })
  .strict();

function parse<T>(schema: z.ZodType<T>, ctx: RequestContext): T | Reply {
  let body: unknown;
  try {
    body = parseJsonBody(ctx) ?? {};
  } catch {
    return json(400, { error: "the body is not valid JSON" });
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
}

const isReply = (v: unknown): v is Reply =>
  typeof v === "object" && v !== null && "status" in v && typeof (v as Reply).status === "number";

async function controlDeploy(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const b = parse(deploySchema, ctx);
  if (isReply(b)) return b;
  const group = b.group ?? env.creds.group;
  groupsOf(env)[group] ??= newGroup(env, group);
  const prod: Prod = b.prod ?? 1;
  try {
    const zip = b.path !== undefined ? await zipProject(b.path) : Buffer.from(b.zipBase64 as string, "base64");
    const version = await deploy(env, {
      group,
      prod,
      zip,
      entry: b.entry,
      comment: b.comment,
      overwriteFunctions: b.overwriteFunctions,
      source: b.path !== undefined ? "path" : "zip",
    });
    return json(200, { group, prod, versionTag: version.versionTag, functions: version.functions });
  } catch (err) {
    if (err instanceof DeployFailed || /not a folder|holds no files/.test((err as Error).message))
      return json(400, { error: (err as Error).message });
    throw err;
  }
}

async function createGroup(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const b = parse(groupSchema, ctx);
  if (isReply(b)) return b;
  const groups = groupsOf(env);
  if (groups[b.groupName]) return json(409, { error: `group ${b.groupName} already exists` });
  groups[b.groupName] = newGroup(env, b.groupName, b.stagingDeployable ?? true);
  env.store.commit();
  return json(201, { groupName: b.groupName });
}

export function lcControlRoutes(env: LcEnv): ControlRoute[] {
  return [
    { method: "POST", path: "/_emulator/leancloud/deploy", handler: (ctx) => controlDeploy(env, ctx) },
    { method: "POST", path: "/_emulator/leancloud/groups", handler: (ctx) => createGroup(env, ctx) },
  ];
}
