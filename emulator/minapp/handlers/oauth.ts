/**
 * The token flow (docs/reference/minapp-api.md §2). Step 1 answers the way the real server does: two 302 redirects
 * that set and then require a session cookie before the final `{code, expires_in}`, so a client
 * must follow redirects with a cookie jar, as the official examples and the mincloud CLI do.
 *   POST /api/oauth2/hydrogen/openapi/authorize/ → 302 (Set-Cookie) → GET /api/oauth2/authorize/
 *   → 302 → GET /api/oauth2/hydrogen/openapi/authorize/?code=… → 200 {code, expires_in}
 * Step 2 (access_token) takes JSON, multipart/form-data or a urlencoded form.
 */
import { json, queryValue, type Reply, type RequestContext } from "../../core/http";
import * as A from "../auth";
import { formOrJson } from "../body";
import type { MinAppEnv } from "../env";
import { minappErrors } from "../errors";

import { AUTHORIZE_PATH, TOKEN_PATH } from "../../../platform/minapp/oauth";
export { AUTHORIZE_PATH, TOKEN_PATH };
/** The consent page the authorize step redirects through (the emulator's stand-in for the web login). */
export const CONSENT_PATH = "/api/oauth2/authorize/";

const redirect = (location: string, headers: Record<string, string> = {}): Reply => ({
  status: 302,
  headers: { Location: location, ...headers },
});

export async function authorize(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const body = await formOrJson(ctx);
  const clientId = A.checkClient(env, body.client_id, body.client_secret);
  if (!env.authorizeRedirects) return json(200, { code: A.issueCode(env, clientId), expires_in: A.CODE_TTL_S });
  const sid = A.openSession(env, clientId);
  const query = new URLSearchParams({ client_id: clientId, response_type: "code" });
  return redirect(`${CONSENT_PATH}?${query.toString()}`, {
    "Set-Cookie": `${A.SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`,
  });
}

/** The consent hop: only a request carrying the session cookie gets a code. */
export async function authorizeConsent(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const clientId = A.sessionClient(env, ctx);
  if (!clientId)
    throw minappErrors.unauthorized(
      "login required: the session cookie set by the authorize step is missing (follow redirects with a cookie jar)",
    );
  if (queryValue(ctx.query, "client_id") !== clientId)
    throw minappErrors.invalid("client_id does not match the session");
  const code = A.issueCode(env, clientId);
  return redirect(`${AUTHORIZE_PATH}?${new URLSearchParams({ code }).toString()}`);
}

export async function authorizeResult(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const clientId = A.sessionClient(env, ctx);
  if (!clientId)
    throw minappErrors.unauthorized(
      "login required: the session cookie set by the authorize step is missing (follow redirects with a cookie jar)",
    );
  const code = queryValue(ctx.query, "code");
  return json(200, { code, expires_in: A.codeSecondsLeft(env, code, clientId) });
}

export async function accessToken(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const body = await formOrJson(ctx);
  const clientId = A.checkClient(env, body.client_id, body.client_secret);
  if (body.grant_type === "authorization_code") {
    if (typeof body.code !== "string") throw minappErrors.invalid("code is required for grant_type authorization_code");
    A.consumeCode(env, body.code, clientId);
    return json(200, A.issueTokens(env, clientId));
  }
  if (body.grant_type === "refresh_token") return json(200, A.refreshTokens(env, body.refresh_token, clientId));
  throw minappErrors.invalid("unsupported_grant_type: grant_type must be authorization_code or refresh_token");
}
