/**
 * MinApp Open API authentication (docs/reference/minapp-api.md §2): the two-step ClientID/ClientSecret flow issues
 * authorization codes (600 s) and access tokens (31535999 s); every /oserve/ call needs
 * `Authorization: Bearer <token>`. /userve/ (the user-dash API, cookie-based in reality) accepts
 * the console session cookie the authorize step sets, or a Bearer token.
 * State lives in the store (kind "auth"), so it survives a restart with a state file.
 */
import { randomString } from "../core/ids";
import { header, type Middleware, type RequestContext } from "../core/http";
import { PLATFORM, type MinAppEnv } from "./env";
import { minappErrors } from "./errors";

export const SESSION_COOKIE = "sessionid";
export const CODE_TTL_S = 600;
/** The documented example value (≈ 365 days). */
export const TOKEN_TTL_S = 31_535_999;

interface AuthState {
  /** Console sessions opened by the authorize step: sid → client. */
  sessions: Record<string, { client_id: string }>;
  codes: Record<string, { client_id: string; expires_at: number }>;
  tokens: Record<string, { client_id: string; expires_at: number }>;
  refresh_tokens: Record<string, { client_id: string }>;
}

export const authOf = (env: MinAppEnv): AuthState =>
  env.store.bucket<AuthState>(PLATFORM, env.creds.clientId, "auth", () => ({
    sessions: {},
    codes: {},
    tokens: {},
    refresh_tokens: {},
  }));

const hex = (env: MinAppEnv, n: number) => randomString(env.ids, n, "0123456789abcdef");
const nowMs = (env: MinAppEnv) => env.clock.now().getTime();

/** 401 unless the pair is the emulated app's (the real platform knows one app per ClientID). */
export function checkClient(env: MinAppEnv, clientId: unknown, clientSecret: unknown): string {
  if (typeof clientId !== "string" || clientId === "" || typeof clientSecret !== "string" || clientSecret === "") {
    throw minappErrors.invalid("client_id and client_secret are required");
  }
  if (clientId !== env.creds.clientId || clientSecret !== env.creds.clientSecret)
    throw minappErrors.unauthorized("invalid client_id or client_secret");
  return clientId;
}

export function openSession(env: MinAppEnv, clientId: string): string {
  const sid = hex(env, 32);
  authOf(env).sessions[sid] = { client_id: clientId };
  env.store.commit();
  return sid;
}

/** The client of the session cookie on this request, or undefined. */
export function sessionClient(env: MinAppEnv, ctx: RequestContext): string | undefined {
  const cookies = header(ctx, "cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [k, v] = part.trim().split(/=(.*)/s, 2);
    if (k === SESSION_COOKIE && v) return authOf(env).sessions[v]?.client_id;
  }
  return undefined;
}

export function issueCode(env: MinAppEnv, clientId: string): string {
  const code = hex(env, 40);
  authOf(env).codes[code] = { client_id: clientId, expires_at: nowMs(env) + CODE_TTL_S * 1000 };
  env.store.commit();
  return code;
}

/** Seconds left on a code of this client; 400 when unknown, used or expired. */
export function codeSecondsLeft(env: MinAppEnv, code: unknown, clientId: string): number {
  const record = typeof code === "string" ? authOf(env).codes[code] : undefined;
  const left = record ? Math.ceil((record.expires_at - nowMs(env)) / 1000) : 0;
  if (record?.client_id !== clientId || left <= 0)
    throw minappErrors.invalid("invalid_grant: the authorization code is invalid or expired");
  return left;
}

export function consumeCode(env: MinAppEnv, code: string, clientId: string): void {
  codeSecondsLeft(env, code, clientId);
  delete authOf(env).codes[code];
}

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export function issueTokens(env: MinAppEnv, clientId: string): TokenResponse {
  const auth = authOf(env);
  const access = hex(env, 40);
  const refresh = hex(env, 40);
  auth.tokens[access] = { client_id: clientId, expires_at: nowMs(env) + TOKEN_TTL_S * 1000 };
  auth.refresh_tokens[refresh] = { client_id: clientId };
  env.store.commit();
  return {
    access_token: access,
    token_type: "Bearer",
    expires_in: TOKEN_TTL_S,
    refresh_token: refresh,
    scope: "write",
  };
}

/** The refresh grant revokes every earlier access and refresh token of the client (§2). */
export function refreshTokens(env: MinAppEnv, refreshToken: unknown, clientId: string): TokenResponse {
  const auth = authOf(env);
  const record = typeof refreshToken === "string" ? auth.refresh_tokens[refreshToken] : undefined;
  if (record?.client_id !== clientId) throw minappErrors.invalid("invalid_grant: the refresh token is invalid");
  for (const [t, r] of Object.entries(auth.tokens)) if (r.client_id === clientId) delete auth.tokens[t];
  for (const [t, r] of Object.entries(auth.refresh_tokens)) if (r.client_id === clientId) delete auth.refresh_tokens[t];
  return issueTokens(env, clientId);
}

function bearerClient(env: MinAppEnv, ctx: RequestContext): string | undefined {
  const authorization = header(ctx, "authorization");
  if (!authorization) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) throw minappErrors.unauthorized("Authorization must be 'Bearer <access_token>'");
  const record = authOf(env).tokens[m[1]];
  if (!record || record.expires_at <= nowMs(env)) throw minappErrors.unauthorized("invalid or expired access token");
  return record.client_id;
}

/** Bearer on /oserve/; session cookie or Bearer on /userve/; nothing on /api/oauth2/. */
export function minappAuthMiddleware(env: MinAppEnv): Middleware {
  return async (ctx, next) => {
    if (ctx.platform !== PLATFORM || ctx.operation === "Unknown") return next();
    const path = ctx.rawPath;
    if (path.startsWith("/oserve/")) {
      if (!bearerClient(env, ctx)) throw minappErrors.unauthorized("authentication credentials were not provided");
    } else if (path.startsWith("/userve/")) {
      if (!sessionClient(env, ctx) && !bearerClient(env, ctx))
        throw minappErrors.unauthorized("login required: no console session cookie or Bearer token");
    }
    return next();
  };
}
