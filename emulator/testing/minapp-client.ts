/**
 * A tiny raw HTTP client for tests of the MinApp emulator (and of anything deployed to it): the
 * two-step token flow with its cookie-carrying redirects done by hand, and Bearer calls. A
 * destroyed connection is reported as `dropped` instead of thrown.
 */
import { sendRaw, type RawResult } from "./raw-http";
import { EMULATOR_DEFAULTS } from "../../platform/common/emulator-defaults";

export interface MinAppCall {
  method: string;
  /** Path plus optional `?query`, exactly as it goes on the wire. */
  path: string;
  /** Objects are sent as JSON; strings and Buffers as-is (set content-type yourself). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Bearer token; omitted = no Authorization header. */
  token?: string;
  /** X-Hydrogen-Env-ID; omitted = production. */
  envId?: string;
}

export type MinAppResult = RawResult;

export function minappRequest(baseUrl: string, call: MinAppCall): Promise<MinAppResult> {
  const isRaw = typeof call.body === "string" || Buffer.isBuffer(call.body);
  const payload =
    call.body === undefined
      ? Buffer.alloc(0)
      : isRaw
        ? Buffer.from(call.body as string)
        : Buffer.from(JSON.stringify(call.body));
  const headers: Record<string, string> = {
    ...(call.body !== undefined && !isRaw ? { "content-type": "application/json" } : {}),
    ...call.headers,
  };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.envId) headers["x-hydrogen-env-id"] = call.envId;
  return sendRaw(baseUrl, call.method, call.path, headers, payload);
}

export interface MinAppClientCreds {
  clientId: string;
  clientSecret: string;
}

const DEFAULT_CREDS: MinAppClientCreds = EMULATOR_DEFAULTS.minapp;

/**
 * Step 1: POST authorize, then follow the redirects as GETs carrying the cookies set on the way
 * (at most 5 hops). Returns the final response (200 `{code, expires_in}` on success).
 */
export async function minappAuthorize(
  baseUrl: string,
  creds: MinAppClientCreds = DEFAULT_CREDS,
): Promise<MinAppResult> {
  const jar = new Map<string, string>();
  const remember = (res: MinAppResult) => {
    const set = res.headers["set-cookie"];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(";");
      const [k, v] = pair.split(/=(.*)/s, 2);
      jar.set(k.trim(), v ?? "");
    }
  };
  let res = await minappRequest(baseUrl, {
    method: "POST",
    path: "/api/oauth2/hydrogen/openapi/authorize/",
    body: { client_id: creds.clientId, client_secret: creds.clientSecret },
  });
  for (let hop = 0; hop < 5 && res.status >= 300 && res.status < 400; hop++) {
    remember(res);
    const next = new URL(String(res.headers.location), baseUrl);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    res = await minappRequest(baseUrl, {
      method: "GET",
      path: next.pathname + next.search,
      headers: cookie ? { cookie } : {},
    });
  }
  return res;
}

/** Both steps; returns the token response body (throws with the body when a step fails). */
export async function minappLogin(
  baseUrl: string,
  creds: MinAppClientCreds = DEFAULT_CREDS,
): Promise<{ access_token: string; refresh_token: string; expires_in: number; token_type: string; scope: string }> {
  const auth = await minappAuthorize(baseUrl, creds);
  if (auth.status !== 200) throw new Error(`authorize failed: ${auth.status} ${JSON.stringify(auth.body)}`);
  const token = await minappRequest(baseUrl, {
    method: "POST",
    path: "/api/oauth2/access_token/",
    body: {
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
      code: auth.body.code,
      grant_type: "authorization_code",
    },
  });
  if (token.status !== 200) throw new Error(`access_token failed: ${token.status} ${JSON.stringify(token.body)}`);
  return token.body;
}
