/**
 * Users, the storage API's `_User` class reduced to the session flow (sign up, log in, who am
 * I), with the storage API's status codes and error codes (200/201/202/210/211).
 */
import { json, type Reply, type RequestContext } from "../../core/http";
import { callerOf } from "../auth";
import type { LcEnv } from "../env";
import { lcErrors } from "../errors";
import { createUser, findByName, findBySession, passwordMatches, userView } from "../models/users";

function bodyOf(ctx: RequestContext): Record<string, unknown> {
  try {
    const parsed = ctx.body.length ? (JSON.parse(ctx.body.toString("utf8")) as unknown) : {};
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (err) {
    throw lcErrors.badJson((err as Error).message);
  }
  throw lcErrors.badJson("The body must be a JSON object.");
}

/** Keys a client may not set on its own user; storage-internal or computed. */
const RESERVED = new Set([
  "objectId",
  "createdAt",
  "updatedAt",
  "sessionToken",
  "password",
  "username",
  "ACL",
  "authData",
]);

export async function signUpUser(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const body = bodyOf(ctx);
  const { username, password } = body;
  if (typeof username !== "string" || username === "") throw lcErrors.usernameMissing();
  if (typeof password !== "string" || password === "") throw lcErrors.passwordMissing();
  if (findByName(env, username)) throw lcErrors.usernameTaken();
  const fields = Object.fromEntries(Object.entries(body).filter(([k]) => !RESERVED.has(k) && !k.startsWith("_")));
  const user = createUser(env, username, password, fields);
  return json(
    201,
    { objectId: user.objectId, createdAt: user.createdAt, sessionToken: user.sessionToken },
    { Location: `/1.1/users/${user.objectId}` },
  );
}

export async function loginUser(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const { username, password } = bodyOf(ctx);
  if (typeof username !== "string" || username === "") throw lcErrors.usernameMissing();
  if (typeof password !== "string" || password === "") throw lcErrors.passwordMissing();
  const user = findByName(env, username);
  if (!user) throw lcErrors.userNotFound();
  if (!passwordMatches(user, password)) throw lcErrors.passwordMismatch();
  return json(200, userView(user));
}

export async function getCurrentUser(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const token = callerOf(ctx).sessionToken;
  const user = token ? findBySession(env, token) : undefined;
  if (!user) throw lcErrors.invalidSession();
  return json(200, userView(user));
}
