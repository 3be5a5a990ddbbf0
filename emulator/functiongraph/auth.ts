/**
 * FunctionGraph authentication as the API gateway does it (docs/reference/functiongraph-api.md §9): an IAM token in
 * X-Auth-Token, or an SDK-HMAC-SHA256 signature verified with the project's signer (the same
 * code the provider signs with, so the two cannot drift apart).
 */
import { createHash, timingSafeEqual } from "crypto";
import {
  canonicalRequest,
  parseAuthorization,
  type ParsedAuthorization,
  parseSdkDate,
  signature,
  stringToSign,
} from "../../platform/functiongraph/signer";
import { header, type Middleware, type RequestContext } from "../core/http";
import { PLATFORM, rfc3339, type FgEnv } from "./env";
import { fgErrors } from "./errors";

export interface TokenRecord {
  expires_at: string;
  issued_at: string;
  project_id: string;
  user_name: string;
}

type Tokens = Record<string, TokenRecord>;

export const tokensOf = (env: FgEnv): Tokens =>
  env.store.bucket<Tokens>(PLATFORM, env.creds.projectId, "tokens", () => ({}));

function checkToken(env: FgEnv, token: string): void {
  const record = tokensOf(env)[token];
  if (!record) throw fgErrors.auth("decrypt token fail");
  if (new Date(record.expires_at).getTime() <= env.clock.now().getTime()) {
    throw fgErrors.auth(`token expires, expires_at: ${record.expires_at}`);
  }
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

function verifySignature(
  env: FgEnv,
  ctx: RequestContext,
  parsed: ParsedAuthorization,
  secretKey = env.creds.secretKey,
): void {
  const dateHeader = header(ctx, "x-sdk-date");
  const date = dateHeader === undefined ? undefined : parseSdkDate(dateHeader);
  if (!date || !parsed.signedHeaders.includes("x-sdk-date")) throw fgErrors.auth("x-sdk-date missing or malformed");
  if (env.signatureSkewSeconds > 0) {
    // Against the callers' clock: advancing the emulator's time must not invalidate signatures.
    const skew = Math.abs((env.clock.callerNow?.() ?? env.clock.now()).getTime() - date.getTime()) / 1000;
    if (skew > env.signatureSkewSeconds)
      throw fgErrors.auth(`x-sdk-date ${dateHeader} is outside the allowed ${env.signatureSkewSeconds}s window`);
  }
  const canonical = canonicalRequest(
    { method: ctx.method, path: ctx.rawPath, query: ctx.query, headers: ctx.headers, body: ctx.body },
    parsed.signedHeaders,
  );
  // A declared payload hash is signed, so it must also be true: otherwise the body could be
  // swapped after signing. UNSIGNED-PAYLOAD is the documented opt-out (§9.2 step 7).
  const declared = header(ctx, "x-sdk-content-sha256");
  if (declared && declared !== "UNSIGNED-PAYLOAD" && declared !== createHash("sha256").update(ctx.body).digest("hex")) {
    throw fgErrors.auth("verify aksk signature fail");
  }
  const expected = signature(secretKey, stringToSign(canonical, dateHeader as string));
  if (!safeEqualHex(expected, parsed.signature)) throw fgErrors.auth("verify aksk signature fail");
}

/** Verifies an AK/SK signature, counting failures per AK for the gateway's lockout. */
function checkSignature(env: FgEnv, ctx: RequestContext, authorization: string): void {
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw fgErrors.auth("malformed Authorization header");
  if (parsed.accessKey !== env.creds.accessKey) {
    throw fgErrors.auth(`Get secretKey failed,ak:${parsed.accessKey},err:ak not exist`);
  }
  const nowMs = env.clock.now().getTime();
  env.akLockout.assertNotLocked(parsed.accessKey, nowMs);
  try {
    verifySignature(env, ctx, parsed);
  } catch (err) {
    env.akLockout.recordFailure(parsed.accessKey, nowMs);
    throw err;
  }
  env.akLockout.recordSuccess(parsed.accessKey);
}

/** Every FunctionGraph operation except the IAM token endpoint needs a token or a signature. */
export function fgAuthMiddleware(env: FgEnv): Middleware {
  return async (ctx, next) => {
    if (
      ctx.platform !== PLATFORM ||
      ctx.operation === "Unknown" ||
      ctx.operation === "KeystoneCreateUserTokenByPassword"
    )
      return next();
    checkIamCredentials(env, ctx);
    return next();
  };
}

/** A token or an AK/SK signature of the emulated account; throws 401 APIG.0301 otherwise. */
export function checkIamCredentials(env: FgEnv, ctx: RequestContext): void {
  const token = header(ctx, "x-auth-token");
  const authorization = header(ctx, "authorization");
  if (token) checkToken(env, token);
  else if (authorization) checkSignature(env, ctx, authorization);
  else throw fgErrors.auth("x-auth-token not found");
}

/**
 * An SDK-HMAC-SHA256 signature made with another key pair (an APIG app's key and secret sign
 * the same way, §9.2); throws the FunctionGraph auth error, which the caller re-labels.
 */
export function checkSignedWith(env: FgEnv, ctx: RequestContext, key: string, secret: string): void {
  const parsed = parseAuthorization(header(ctx, "authorization") ?? "");
  if (!parsed) throw fgErrors.auth("malformed Authorization header");
  if (parsed.accessKey !== key) throw fgErrors.auth(`app not found, appkey ${parsed.accessKey}`);
  verifySignature(env, ctx, parsed, secret);
}

/** Issues a 24 h token (the record lives in the store, so it survives a restart with stateFile). */
export function issueToken(env: FgEnv, userName: string, ttlMs: number): { token: string; record: TokenRecord } {
  const now = env.clock.now();
  const token = `MIIcloudfn${env.ids.uuid().replace(/-/g, "")}${env.ids.uuid().replace(/-/g, "")}`;
  const record: TokenRecord = {
    issued_at: rfc3339(now),
    expires_at: rfc3339(new Date(now.getTime() + ttlMs)),
    project_id: env.creds.projectId,
    user_name: userName,
  };
  tokensOf(env)[token] = record;
  env.store.commit();
  return { token, record };
}
