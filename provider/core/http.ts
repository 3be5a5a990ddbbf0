/**
 * The one HTTP client factory and retry policy shared by every platform client.
 *
 * - Retries 429, 5xx and transient connection failures with exponential backoff, jitter and a
 *   cap, honouring `Retry-After`. POST is retried too: a create whose response was lost is made
 *   safe by the providers' adopt logic, and a throttled create was never applied.
 * - The base delay is injectable so unit tests run in milliseconds.
 * - `onRequest` runs before every attempt (retries included), so signatures and dates are fresh.
 * - Errors come out as the typed hierarchy of errors.ts, parsed by a per-platform parser. With a
 *   `context`, a request that never got an answer names the platform, the URL, where the URL was
 *   configured and the attempts made, and a 401/403 names the credentials that were refused.
 */
import axios, {
  AxiosAdapter,
  AxiosError,
  AxiosInstance,
  AxiosRequestConfig,
  AxiosResponse,
  InternalAxiosRequestConfig,
} from "axios";
import axiosRetry from "axios-retry";
import { ErrorContext, PlatformApiError, TransportError, authHint, platformError, unreachableError } from "./errors";

/** What a platform's error body says. */
export interface ParsedError {
  code: string;
  message: string;
  requestId?: string;
}

/** Reads a platform's error body and headers (headers are lower-case). */
export type ErrorParser = (status: number, data: unknown, headers: Record<string, unknown>) => ParsedError;

export interface RetryOptions {
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** Delay before the first retry, in ms; doubles each time. Default 500. */
  baseDelayMs?: number;
  /** Upper bound of any single delay, in ms (Retry-After included). Default 20000. */
  maxDelayMs?: number;
}

export interface HttpOptions extends RetryOptions {
  baseURL: string;
  /** Per-attempt timeout in ms. Default 60000. */
  timeoutMs?: number;
  parseError: ErrorParser;
  /** Adds auth headers; runs before every attempt. */
  onRequest?: (config: InternalAxiosRequestConfig) => InternalAxiosRequestConfig | Promise<InternalAxiosRequestConfig>;
  /** Replaces the network (tests). */
  adapter?: AxiosAdapter;
  /** Randomness for jitter (tests). */
  random?: () => number;
  /** Makes errors say which platform, URL and credentials they are about. */
  context?: ErrorContext;
}

/** How long one request took and how many attempts it made, for transport errors. */
interface Attempts {
  count: number;
  elapsedMs: number;
}

export interface HttpClient {
  /** Sends a request; resolves with 2xx responses, rejects with PlatformApiError/TransportError. */
  request<T = unknown>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  readonly axios: AxiosInstance;
}

/** Connection failures that are worth another attempt. */
const TRANSIENT_CODES = new Set(["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE", "EAI_AGAIN", "ERR_BAD_RESPONSE"]);

/** True for 429, 5xx, resets, timeouts and "socket hang up". */
export function isRetryable(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status !== undefined) return status === 429 || status >= 500;
  if (error.code && TRANSIENT_CODES.has(error.code)) return true;
  return /socket hang up/i.test(error.message);
}

/** Retry-After in ms (seconds or HTTP date); 0 when absent. */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now = Date.now()): number {
  const raw = headers?.["retry-after"];
  if (typeof raw !== "string" && typeof raw !== "number") return 0;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(raw));
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

/** "Equal jitter": half the exponential step is fixed, half random; Retry-After wins if longer. */
export function backoffDelay(
  attempt: number,
  opts: Required<RetryOptions>,
  retryAfter: number,
  random: () => number,
): number {
  const step = opts.baseDelayMs * 2 ** (attempt - 1);
  const jittered = step / 2 + random() * (step / 2);
  return Math.min(opts.maxDelayMs, Math.max(jittered, retryAfter));
}

function resolveRetry(opts: RetryOptions): Required<RetryOptions> {
  return { retries: opts.retries ?? 4, baseDelayMs: opts.baseDelayMs ?? 500, maxDelayMs: opts.maxDelayMs ?? 20000 };
}

/** Attempts axios-retry made for the request of `error` (it keeps its count on the config). */
function attemptsOf(error: AxiosError, startedAt: number): Attempts {
  const state = (error.config as { "axios-retry"?: { retryCount?: number } } | undefined)?.["axios-retry"];
  return { count: (state?.retryCount ?? 0) + 1, elapsedMs: Date.now() - startedAt };
}

function noAnswer(error: AxiosError, context?: ErrorContext, attempts?: Attempts): TransportError {
  if (!context || !attempts) return new TransportError(`request failed: ${error.message}`, error.code);
  const url = error.config?.baseURL ?? error.config?.url ?? "";
  return unreachableError({
    context,
    url,
    attempts: attempts.count,
    elapsedMs: attempts.elapsedMs,
    code: error.code,
    detail: error.message,
  });
}

/** Turns whatever axios threw into our typed errors. Never includes request headers. */
export function toTypedError(
  error: unknown,
  parseError: ErrorParser,
  context?: ErrorContext,
  attempts?: Attempts,
): Error {
  if (error instanceof PlatformApiError || error instanceof TransportError) return error;
  if (!axios.isAxiosError(error)) return error instanceof Error ? error : new Error(String(error));
  const res = error.response;
  if (!res) return noAnswer(error, context, attempts);
  const headers = Object.fromEntries(Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const parsed = parseError(res.status, res.data, headers);
  const hint = res.status === 401 || res.status === 403 ? authHint(context) : undefined;
  return platformError(res.status, parsed.code, parsed.message, parsed.requestId, hint);
}

export function createHttpClient(opts: HttpOptions): HttpClient {
  const retry = resolveRetry(opts);
  const random = opts.random ?? Math.random;
  const instance = axios.create({ baseURL: opts.baseURL, timeout: opts.timeoutMs ?? 60000, adapter: opts.adapter });
  if (opts.onRequest) instance.interceptors.request.use(opts.onRequest);
  axiosRetry(instance, {
    retries: retry.retries,
    shouldResetTimeout: true,
    retryCondition: isRetryable,
    retryDelay: (attempt, error) => backoffDelay(attempt, retry, retryAfterMs(error.response?.headers), random),
  });
  return {
    axios: instance,
    async request<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
      const startedAt = Date.now();
      try {
        return await instance.request<T>(config);
      } catch (e) {
        const attempts = axios.isAxiosError(e) ? attemptsOf(e, startedAt) : undefined;
        throw toTypedError(e, opts.parseError, opts.context, attempts);
      }
    },
  };
}
