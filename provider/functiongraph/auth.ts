/**
 * Request authentication for FunctionGraph: AK/SK `SDK-HMAC-SHA256` signing (default) or an IAM
 * token. Both run as the HTTP client's per-attempt hook, so every retry is freshly signed.
 */
import { AxiosAdapter, InternalAxiosRequestConfig } from "axios";
import { AuthError, describeCredentials } from "../core/errors";
import { createHttpClient } from "../core/http";
import { parseFunctionGraphError, tokenSchema, validate } from "./api";
import { FunctionGraphSettings } from "./config";
import { sign } from "../../platform/functiongraph/signer";

/** Refresh a token this long before it expires (IAM tokens live 24 h). */
const TOKEN_REFRESH_MARGIN_MS = 10 * 60 * 1000;

/** Serializes the body once, so the bytes we hash are the bytes axios sends. */
function prepare(config: InternalAxiosRequestConfig): { url: URL; body?: string } {
  const data: unknown = config.data;
  const body = data === undefined || typeof data === "string" ? data : JSON.stringify(data);
  config.data = body;
  config.headers.set("Content-Type", "application/json");
  const url = config.url ?? "";
  return { url: new URL(/^https?:/.test(url) ? url : `${(config.baseURL ?? "").replace(/\/+$/, "")}${url}`), body };
}

/** Signs every header present (plus host), as the official Node SDK does (docs/reference/functiongraph-api.md §9.2). */
export function akskHook(accessKey: string, secretKey: string, projectId: string, now: () => Date = () => new Date()) {
  return (config: InternalAxiosRequestConfig): InternalAxiosRequestConfig => {
    const { url, body } = prepare(config);
    // A retry re-enters with the previous attempt's signature; it must not be signed itself.
    config.headers.delete("Authorization");
    config.headers.delete("X-Sdk-Date");
    config.headers.set("Host", url.host);
    config.headers.set("X-Project-Id", projectId);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
    const headers = config.headers.toJSON(true);
    const added = sign(
      { method: config.method ?? "GET", path: url.pathname, query, headers, body },
      { accessKey, secretKey, now: now() },
    );
    for (const [k, v] of Object.entries(added)) config.headers.set(k, v);
    return config;
  };
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * Per-process token cache, keyed by profile + IAM endpoint + user + domain + project (two
 * profiles never share a token). Holds promises so parallel resources share one fetch.
 */
const tokens = new Map<string, Promise<CachedToken>>();

function cacheKey(s: FunctionGraphSettings): string {
  return [s.profile ?? "", s.iamEndpoint, s.domainName, s.userName, s.projectId].join("|");
}

/** The IAM user, password and domain, by where they came from (never their values). */
export function iamCredentials(s: FunctionGraphSettings): string {
  const from = s.sources ?? {};
  return describeCredentials([
    ["IAM user name", from.userName],
    ["password", from.password],
    ["domain name", from.domainName],
  ]);
}

async function fetchToken(s: FunctionGraphSettings, adapter?: AxiosAdapter): Promise<CachedToken> {
  const http = createHttpClient({
    baseURL: s.iamEndpoint,
    parseError: parseFunctionGraphError,
    adapter,
    retries: s.retries,
    baseDelayMs: s.retryBaseDelayMs,
    context: {
      platform: "FunctionGraph IAM",
      urlSource: s.sources?.iamEndpoint,
      credentials: s.sources && iamCredentials(s),
    },
  });
  const body = {
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: s.userName, password: s.password, domain: { name: s.domainName } } },
      },
      scope: { project: { id: s.projectId } },
    },
  };
  const res = await http.request({
    method: "POST",
    url: "/v3/auth/tokens?nocatalog=true",
    data: body,
    headers: { "Content-Type": "application/json;charset=utf8" },
  });
  const token: unknown = res.headers["x-subject-token"];
  if (typeof token !== "string" || !token) throw new Error("IAM answered without an X-Subject-Token header");
  const expiresAt = Date.parse(validate(tokenSchema, res.data, "IAM token").token.expires_at);
  return { token, expiresAt: Number.isNaN(expiresAt) ? Date.now() + 60 * 60 * 1000 : expiresAt };
}

/** A valid token for these settings: cached until near expiry, fetched once per process otherwise. */
export async function getToken(s: FunctionGraphSettings, adapter?: AxiosAdapter): Promise<string> {
  const key = cacheKey(s);
  const cached = tokens.get(key);
  if (cached) {
    const t = await cached.catch(() => undefined);
    if (t && t.expiresAt - TOKEN_REFRESH_MARGIN_MS > Date.now()) return t.token;
    if (tokens.get(key) === cached) tokens.delete(key);
  }
  const pending = tokens.get(key) ?? fetchToken(s, adapter);
  tokens.set(key, pending);
  pending.catch(() => tokens.get(key) === pending && tokens.delete(key));
  return (await pending).token;
}

/** Drops the cached token (after a 401 the platform no longer accepts it). */
export function invalidateToken(s: FunctionGraphSettings): void {
  tokens.delete(cacheKey(s));
}

/** IAM refused to issue a token: retrying with a new token cannot help (and repeated failures lock the user). */
export class IamAuthError extends AuthError {}

export function tokenHook(s: FunctionGraphSettings, adapter?: AxiosAdapter) {
  return async (config: InternalAxiosRequestConfig): Promise<InternalAxiosRequestConfig> => {
    prepare(config);
    const token = await getToken(s, adapter).catch((e: unknown) => {
      if (!(e instanceof AuthError)) throw e;
      throw new IamAuthError({
        status: e.status,
        code: e.code,
        message: `IAM token request failed: ${e.platformMessage}`,
        requestId: e.requestId,
        hint: e.hint,
      });
    });
    config.headers.set("X-Auth-Token", token);
    return config;
  };
}
