/**
 * LeanCloud authentication, read and checked exactly as the engine SDK does it
 * (leanengine 3.8 middleware/leancloud-headers.js, docs/reference/leancloud-api.md §3):
 * - credentials come from `X-LC-*`, the legacy `X-AVOSCloud-*` / `X-Uluru-*` names, or, for a
 *   `text/plain` body, from the body keys `_ApplicationId`, `_ApplicationKey`, `_MasterKey`,
 *   `_ApplicationProduction`, `_SessionToken`;
 * - `X-LC-Key: <masterKey>,master` (or `X-AVOSCloud-Master-Key`) is a master call; the raw
 *   master key in `X-LC-Key` authenticates as a plain app-key call;
 * - `X-LC-Sign: md5(timestamp + key)[,<ts>][,master]`, compared case-insensitively (the SDK
 *   lowercases the received hex) with no freshness window (the SDK checks none);
 * - anything else: 401 `{"code":401,"error":"Unauthorized."}`.
 * One deliberate difference: the SDK does not compare the app id when a signature is used; the
 * platform routes by app id, so here a foreign app id is always unauthorized.
 *
 * The console API subset authenticates with `Authorization: Token <consoleToken>` + `X-LC-Id`.
 */
import { timingSafeEqual } from "crypto";
import { signDigest } from "../../platform/leancloud/sign";
import { header, type Middleware, type RequestContext } from "../core/http";
import { PLATFORM, type LcEnv, type Prod } from "./env";
import { consoleErrors, isConsoleOperation, lcErrors } from "./errors";

export interface LcRequestAuth {
  id?: string;
  key?: string;
  masterKey?: string;
  prod: Prod;
  sessionToken?: string;
  sign?: string;
}

export interface LcCaller {
  prod: Prod;
  master: boolean;
  sessionToken?: string;
}

const first = (ctx: RequestContext, ...names: string[]) =>
  names.map((n) => header(ctx, n)).find((v) => v !== undefined && v !== "");

export const isTextPlain = (ctx: RequestContext) => /^text\/plain.*/i.test(header(ctx, "content-type") ?? "");

/** The credentials of a request, from headers or (text/plain) from the body. */
export function readRequestAuth(ctx: RequestContext): LcRequestAuth {
  if (isTextPlain(ctx)) {
    let body: Record<string, unknown> = {};
    try {
      body = ctx.body.length ? (JSON.parse(ctx.body.toString("utf8")) as Record<string, unknown>) : {};
    } catch (err) {
      throw lcErrors.badJson((err as Error).message);
    }
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    const prodValue = body._ApplicationProduction;
    return {
      id: str(body._ApplicationId),
      key: str(body._ApplicationKey),
      masterKey: str(body._MasterKey),
      prod: prodValue === 0 || prodValue === false ? 0 : 1,
      sessionToken: str(body._SessionToken),
      sign: first(ctx, "x-lc-sign", "x-avoscloud-request-sign"),
    };
  }
  let key = first(ctx, "x-lc-key", "x-avoscloud-application-key", "x-uluru-application-key");
  let masterKey = first(ctx, "x-avoscloud-master-key", "x-uluru-master-key");
  const prodHeader = first(ctx, "x-lc-prod", "x-avoscloud-application-production", "x-uluru-application-production");
  if (key && key.indexOf(",master") > 0) {
    masterKey = key.slice(0, key.indexOf(","));
    key = undefined;
  }
  return {
    id: first(ctx, "x-lc-id", "x-avoscloud-application-id", "x-uluru-application-id"),
    key,
    masterKey,
    prod: prodHeader === "0" || prodHeader === "false" ? 0 : 1,
    sessionToken: first(ctx, "x-lc-session", "x-uluru-session-token", "x-avoscloud-session-token"),
    sign: first(ctx, "x-lc-sign", "x-avoscloud-request-sign"),
  };
}

const same = (a: string | undefined, b: string) =>
  a?.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The expected `X-LC-Sign` digest; the same function the provider signs with. */
export const signFor = signDigest;

/** Checks app credentials; returns who is calling or throws the 401. */
export function authenticate(env: LcEnv, auth: LcRequestAuth): LcCaller {
  const { appId, appKey, masterKey } = env.creds;
  if (!auth.id || auth.id !== appId) throw lcErrors.unauthorized();
  const caller = (master: boolean): LcCaller => ({ prod: auth.prod, master, sessionToken: auth.sessionToken });
  if (same(auth.masterKey, masterKey)) return caller(true);
  if (same(auth.key, appKey) || same(auth.key, masterKey)) return caller(false);
  if (auth.sign) {
    const [sign, timestamp, kind] = auth.sign.split(",");
    const isMaster = kind === "master";
    if (timestamp !== undefined && same(sign.toLowerCase(), signFor(timestamp, isMaster ? masterKey : appKey)))
      return caller(isMaster);
  }
  throw lcErrors.unauthorized();
}

const callers = new WeakMap<RequestContext, LcCaller>();

/** The authenticated caller of a request that went through the middleware. */
export function callerOf(ctx: RequestContext): LcCaller {
  const c = callers.get(ctx);
  if (!c) throw new Error(`no authenticated LeanCloud caller for ${ctx.operation}`);
  return c;
}

/** Operations that need no credentials: the instance health check and CORS preflights. */
const OPEN_OPERATIONS = new Set(["Ping", "Preflight", "Unknown"]);

function checkConsole(env: LcEnv, ctx: RequestContext): void {
  const authorization = header(ctx, "authorization") ?? "";
  const token = /^Token\s+(.+)$/i.exec(authorization)?.[1];
  if (!same(token, env.creds.consoleToken)) throw consoleErrors.unauthorized();
  // Account-level calls (client-center) carry no app id; app-scoped ones must name this app.
  const appId = header(ctx, "x-lc-id");
  if (!ctx.operation.startsWith("GetClient") && appId !== env.creds.appId) throw consoleErrors.unauthorized();
}

export function lcAuthMiddleware(env: LcEnv): Middleware {
  return async (ctx, next) => {
    if (ctx.platform !== PLATFORM || OPEN_OPERATIONS.has(ctx.operation)) return next();
    if (isConsoleOperation(ctx.operation)) checkConsole(env, ctx);
    else callers.set(ctx, authenticate(env, readRequestAuth(ctx)));
    return next();
  };
}
