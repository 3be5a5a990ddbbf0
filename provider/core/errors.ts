/**
 * The one error hierarchy of every platform client. Providers branch on these classes, never on
 * message text. Messages carry the platform's code, message and request id so a user can quote
 * them to support; they never carry request headers or bodies, so credentials cannot leak.
 */

/** Fields every platform error carries. */
export interface PlatformErrorFields {
  /** HTTP status of the response. */
  status: number;
  /** Platform error code, e.g. `FSS.1051` or `APIG.0301`; empty when the body had none. */
  code: string;
  /** Platform error message, as returned. */
  message: string;
  /** Request id from the response (`X-Request-Id`), when present. */
  requestId?: string;
  /** What to check, e.g. which key a 401 rejected and where it came from; never a value. */
  hint?: string;
}

/**
 * What a platform client tells the HTTP layer so its errors say what to do: the platform, where
 * the base URL came from and which credentials sign the requests. Names and sources only.
 */
export interface ErrorContext {
  /** The name messages start with, e.g. "FunctionGraph". */
  platform: string;
  /** Where the base URL came from, e.g. `stack config cloudfn:minappEndpoint` or `default`. */
  urlSource?: string;
  /** The credentials a 401/403 is about, e.g. `ClientSecret (from environment variable MINAPP_CLIENT_SECRET)`. */
  credentials?: string;
}

/** An error answered by a platform API (any non-2xx response). */
export class PlatformApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly platformMessage: string;
  readonly requestId?: string;
  readonly hint?: string;

  constructor(fields: PlatformErrorFields) {
    super(formatMessage(fields));
    this.name = new.target.name;
    this.status = fields.status;
    this.code = fields.code;
    this.platformMessage = fields.message;
    this.requestId = fields.requestId;
    this.hint = fields.hint;
  }
}

/** 404: the addressed object does not exist. `read` and `delete` treat it as "gone". */
export class NotFoundError extends PlatformApiError {}
/** 409: the object already exists (or is in a conflicting state). */
export class ConflictError extends PlatformApiError {}
/** 429: the platform throttled us; retried by the HTTP layer before it surfaces. */
export class ThrottledError extends PlatformApiError {}
/** 401/403: credentials missing, wrong or not allowed. */
export class AuthError extends PlatformApiError {}
/** Other 4xx: the request was rejected as invalid. */
export class ValidationError extends PlatformApiError {}
/** 5xx: the platform failed; retried by the HTTP layer before it surfaces. */
export class ServerError extends PlatformApiError {}

/** The request never got an HTTP answer (connection reset, timeout, DNS...). */
export class TransportError extends Error {
  /** Node/axios error code such as `ECONNRESET`, when known. */
  readonly code?: string;
  constructor(message: string, code?: string) {
    super(code ? `${message} (${code})` : message);
    this.name = "TransportError";
    this.code = code;
  }
}

/** What happened to a request that never got an answer, for a message a user can act on. */
export interface Unreachable {
  context: ErrorContext;
  /** Base URL the client was pointed at. */
  url: string;
  attempts: number;
  elapsedMs: number;
  code?: string;
  /** The network layer's own words, e.g. `connect ECONNREFUSED 127.0.0.1:9`. */
  detail: string;
}

/** Codes of a connection that was never made, as opposed to one that broke or timed out. */
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** e.g. `FunctionGraph: cannot reach http://127.0.0.1:9 (from stack config cloudfn:functiongraphEndpoint) after 5 attempts over 11.2 s: connect ECONNREFUSED 127.0.0.1:9`. */
export function unreachableError(u: Unreachable): TransportError {
  const from = u.context.urlSource ? ` (from ${u.context.urlSource})` : "";
  const attempts = `${u.attempts} attempt${u.attempts === 1 ? "" : "s"}`;
  const seconds = (u.elapsedMs / 1000).toFixed(1);
  const detail = u.detail.includes(u.code ?? "\0") || !u.code ? u.detail : `${u.detail} (${u.code})`;
  const err = new TransportError(
    `${u.context.platform}: ${NEVER_CONNECTED.has(u.code ?? "") ? "cannot reach" : "no answer from"} ${u.url}${from} after ${attempts} over ${seconds} s: ${detail}`,
  );
  return Object.assign(err, { code: u.code });
}

function formatMessage(f: PlatformErrorFields): string {
  const code = f.code ? ` ${f.code}` : "";
  const rid = f.requestId ? ` (request id ${f.requestId})` : "";
  const said = `HTTP ${f.status}${code}: ${f.message || "no message"}${rid}`;
  if (!f.hint) return said;
  return `${said}${/[.!?]$/.test(said) ? "" : "."} ${f.hint}`;
}

/** The hint of a 401/403: which credentials were refused, and where they came from. */
export function authHint(context: ErrorContext | undefined): string | undefined {
  if (!context?.credentials) return undefined;
  return `${context.platform} rejected the ${context.credentials}`;
}

/** Builds the subclass that matches the status. */
export function platformError(
  status: number,
  code: string,
  message: string,
  requestId?: string,
  hint?: string,
): PlatformApiError {
  const fields = { status, code, message, requestId, hint };
  if (status === 404) return new NotFoundError(fields);
  if (status === 409) return new ConflictError(fields);
  if (status === 429) return new ThrottledError(fields);
  if (status === 401 || status === 403) return new AuthError(fields);
  if (status >= 500) return new ServerError(fields);
  return new ValidationError(fields);
}

/** e.g. `access key (from stack config …) and secret key (from environment variable …)`; names only. */
export function describeCredentials(parts: readonly (readonly [label: string, source: string | undefined])[]): string {
  const named = parts.map(([label, source]) => (source ? `${label} (from ${source})` : label));
  return named.length < 2 ? named.join("") : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
}
