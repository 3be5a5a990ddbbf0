/**
 * What a state file must hold for LeanCloud (core/state-file.ts checks it on load): one schema
 * per bucket the models keep in the Store, matching what they write. Unknown keys pass.
 */
import { z } from "zod";

const str = z.string();
const prod = z.union([z.literal(0), z.literal(1)]);

const version = z
  .object({
    versionTag: str,
    digest: str,
    entry: str.optional(),
    comment: str.optional(),
    source: str,
    deployedAt: str,
    functions: z.array(str),
  })
  .passthrough();

const envState = z
  .object({ deployable: z.boolean(), version: version.optional(), history: z.array(version) })
  .passthrough();

const group = z
  .object({
    groupName: str,
    createdAt: str,
    // The group's environment variables, name → value.
    environments: z.record(str),
    staging: envState,
    production: envState,
  })
  .passthrough();

const user = z
  .object({
    objectId: str,
    username: str,
    passwordHash: str,
    salt: str,
    sessionToken: str,
    createdAt: str,
    updatedAt: str,
    fields: z.record(z.unknown()),
  })
  .passthrough();

const deployEvent = z
  .object({ content: str, level: z.enum(["info", "error"]), production: prod, time: str })
  .passthrough();

const eventLog = z.object({ group: str, prod, done: z.boolean(), events: z.array(deployEvent) }).passthrough();

export const LC_STATE_SCHEMAS = {
  groups: z.record(group),
  functionRoutes: z.object({ "0": z.record(str), "1": z.record(str) }).passthrough(),
  code: z.record(str),
  users: z.record(user),
  events: z.record(eventLog),
};
