/**
 * A minimal `_User` store: enough for the session flow of cloud functions (sign up or log in →
 * sessionToken → `X-LC-Session` → the engine fetches `GET /1.1/users/me`). Passwords are kept
 * only as salted scrypt hashes, so a state dump never shows them.
 */
import { randomBytes, scryptSync, timingSafeEqual } from "crypto";
import { randomString } from "../../core/ids";
import { PLATFORM, type LcEnv } from "../env";

export interface UserRecord {
  objectId: string;
  username: string;
  passwordHash: string;
  salt: string;
  sessionToken: string;
  createdAt: string;
  updatedAt: string;
  /** Other fields given at sign-up (email, nickname…). */
  fields: Record<string, unknown>;
}

type Users = Record<string, UserRecord>;

export const usersOf = (env: LcEnv): Users => env.store.bucket<Users>(PLATFORM, env.creds.appId, "users", () => ({}));

const hash = (password: string, salt: string) => scryptSync(password, salt, 32, { N: 1024 }).toString("hex");

export const findByName = (env: LcEnv, username: string) =>
  Object.values(usersOf(env)).find((u) => u.username === username);
export const findBySession = (env: LcEnv, token: string) =>
  Object.values(usersOf(env)).find((u) => u.sessionToken === token);

export function createUser(
  env: LcEnv,
  username: string,
  password: string,
  fields: Record<string, unknown>,
): UserRecord {
  const now = env.clock.now().toISOString();
  const salt = randomBytes(16).toString("hex");
  const user: UserRecord = {
    objectId: randomString(env.ids, 24, "0123456789abcdef"),
    username,
    salt,
    passwordHash: hash(password, salt),
    sessionToken: randomString(env.ids, 25),
    createdAt: now,
    updatedAt: now,
    fields,
  };
  usersOf(env)[user.objectId] = user;
  env.store.commit();
  return user;
}

export function passwordMatches(user: UserRecord, password: string): boolean {
  const a = Buffer.from(hash(password, user.salt), "hex");
  return timingSafeEqual(a, Buffer.from(user.passwordHash, "hex"));
}

/** The user as the storage API returns it (with its session token: only to its owner). */
export const userView = (u: UserRecord) => ({
  ...u.fields,
  objectId: u.objectId,
  username: u.username,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
  sessionToken: u.sessionToken,
});
