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
}

/** An error answered by a platform API (any non-2xx response). */
export class PlatformApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly platformMessage: string;
  readonly requestId?: string;

  constructor(fields: PlatformErrorFields) {
    super(formatMessage(fields));
    this.name = new.target.name;
    this.status = fields.status;
    this.code = fields.code;
    this.platformMessage = fields.message;
    this.requestId = fields.requestId;
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

function formatMessage(f: PlatformErrorFields): string {
  const code = f.code ? ` ${f.code}` : "";
  const rid = f.requestId ? ` (request id ${f.requestId})` : "";
  return `HTTP ${f.status}${code}: ${f.message || "no message"}${rid}`;
}

/** Builds the subclass that matches the status. */
export function platformError(status: number, code: string, message: string, requestId?: string): PlatformApiError {
  const fields = { status, code, message, requestId };
  if (status === 404) return new NotFoundError(fields);
  if (status === 409) return new ConflictError(fields);
  if (status === 429) return new ThrottledError(fields);
  if (status === 401 || status === 403) return new AuthError(fields);
  if (status >= 500) return new ServerError(fields);
  return new ValidationError(fields);
}
