/**
 * The MinApp Open API token: the two-step flow of docs/reference/minapp-api.md §2 (authorize → code →
 * access_token), fetched once per process and shared by every resource. The refresh grant is
 * never used: it revokes every token of the client, including other sessions' (§2 Refreshing);
 * after a 401 the client simply runs the two steps again (what the official `mincloud` CLI does).
 *
 * Step 1 answers with redirects that set cookies the next hop needs, so redirects are followed
 * by hand with a small cookie jar (a 302/303 after a POST continues as a GET, as browsers and
 * the official examples do).
 */
import { AxiosAdapter, AxiosResponse } from "axios";
import { AuthError, ErrorContext, PlatformApiError, describeCredentials } from "../core/errors";
import { HttpClient, createHttpClient } from "../core/http";
import { authorizeSchema, parseMinAppError, tokenSchema, validate } from "./api";
import { MinAppSettings } from "./config";

import { AUTHORIZE_PATH, TOKEN_PATH } from "../../platform/minapp/oauth";
export { AUTHORIZE_PATH, TOKEN_PATH };
const MAX_REDIRECTS = 5;

/** The platform refused the ClientID/ClientSecret: a new token cannot help. */
export class CredentialsError extends AuthError {}

/**
 * Per-process token cache keyed by profile + endpoint + client id (two profiles never share a
 * token, even for the same app); promises so parallel resources share one fetch.
 */
const tokens = new Map<string, Promise<string>>();

const cacheKey = (s: MinAppSettings) => `${s.profile ?? ""}|${s.endpoint}|${s.clientId}`;

/** `name=value` of every Set-Cookie header, merged into the jar. */
function storeCookies(jar: Map<string, string>, res: AxiosResponse): void {
  const raw = res.headers["set-cookie"];
  for (const line of Array.isArray(raw) ? raw : raw ? [String(raw)] : []) {
    const pair = line.split(";")[0];
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

/** Same-origin hops stay relative to the endpoint (axios joins them with baseURL); others stay absolute. */
function sameOriginPath(next: URL, endpoint: string): string {
  return next.origin === new URL(endpoint).origin ? `${next.pathname}${next.search}` : next.toString();
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Step 1: POST the credentials, then follow the redirects with the cookies they set. */
async function authorize(http: HttpClient, s: MinAppSettings): Promise<string> {
  const jar = new Map<string, string>();
  let url = AUTHORIZE_PATH;
  let method = "POST";
  let data: unknown = { client_id: s.clientId, client_secret: s.clientSecret };
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = jar.size ? { Cookie: cookieHeader(jar) } : {};
    const res = await http.request({
      method,
      url,
      data,
      headers,
      maxRedirects: 0,
      validateStatus: (st) => st >= 200 && st < 400,
    });
    storeCookies(jar, res);
    if (res.status < 300) return validate(authorizeSchema, res.data, "authorize").code;
    const location: unknown = res.headers.location;
    if (typeof location !== "string" || !location)
      throw new Error(`MinApp authorize answered ${res.status} without a Location header`);
    url = sameOriginPath(new URL(location, new URL(url, s.endpoint)), s.endpoint);
    if (res.status !== 307 && res.status !== 308) [method, data] = ["GET", undefined];
  }
  throw new Error(`MinApp authorize redirected more than ${MAX_REDIRECTS} times`);
}

/** What errors name: where the endpoint, the ClientID and the ClientSecret came from. */
export function minAppContext(s: MinAppSettings): ErrorContext {
  const from = s.sources ?? {};
  const credentials = describeCredentials([
    ["ClientID", from.clientId],
    ["ClientSecret", from.clientSecret],
  ]);
  return { platform: "MinApp", urlSource: from.endpoint, credentials: s.sources && credentials };
}

async function fetchToken(s: MinAppSettings, adapter?: AxiosAdapter): Promise<string> {
  const http = createHttpClient({
    baseURL: s.endpoint,
    parseError: parseMinAppError,
    adapter,
    retries: s.retries,
    baseDelayMs: s.retryBaseDelayMs,
    context: minAppContext(s),
  });
  try {
    const code = await authorize(http, s);
    const body = { client_id: s.clientId, client_secret: s.clientSecret, code, grant_type: "authorization_code" };
    const res = await http.request({ method: "POST", url: TOKEN_PATH, data: body });
    return validate(tokenSchema, res.data, "access_token").access_token;
  } catch (e) {
    if (!(e instanceof PlatformApiError) || e.status >= 500) throw e;
    throw new CredentialsError({
      status: e.status,
      code: e.code,
      message: `MinApp refused the ClientID/ClientSecret: ${e.platformMessage}`,
      requestId: e.requestId,
      hint: e.hint,
    });
  }
}

/** The access token for these settings, fetched once per process. */
export async function getToken(s: MinAppSettings, adapter?: AxiosAdapter): Promise<string> {
  const key = cacheKey(s);
  let pending = tokens.get(key);
  if (!pending) {
    pending = fetchToken(s, adapter);
    tokens.set(key, pending);
    const mine = pending;
    mine.catch(() => tokens.get(key) === mine && tokens.delete(key));
  }
  return pending;
}

/** Drops the cached token if it is the one the platform just rejected (a parallel call may have renewed it). */
export async function invalidateToken(s: MinAppSettings, rejected?: string): Promise<void> {
  const key = cacheKey(s);
  const cached = tokens.get(key);
  if (!cached) return;
  const token = await cached.catch(() => undefined);
  if (tokens.get(key) === cached && (rejected === undefined || token === rejected)) tokens.delete(key);
}

/** Forgets every token (tests). */
export function clearTokens(): void {
  tokens.clear();
}
