/**
 * HTTP plumbing shared by the control plane and every platform: the request context, the reply
 * value handlers return (instead of writing to the socket, so a fault can still drop the
 * connection after the operation ran), wire errors and the middleware chain.
 */
import type { IncomingMessage } from "http";

export type Query = Record<string, string | string[]>;

/** Everything a middleware or handler may need about one request. */
export interface RequestContext {
  req: IncomingMessage;
  method: string;
  /** Path exactly as received on the wire (no query); signatures are computed over it. */
  rawPath: string;
  query: Query;
  headers: IncomingMessage["headers"];
  /** Raw body bytes, kept verbatim for signature verification. */
  body: Buffer;
  /** Route parameters (percent-decoded). */
  params: Record<string, string | undefined>;
  /** "functiongraph", "control" or "unknown". */
  platform: string;
  /** Official operation name, or "Unknown" when no route matched. */
  operation: string;
  /** Request id echoed in X-Request-Id and error bodies. */
  requestId: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; Buffers and strings as-is; undefined sends no body. */
  body?: unknown;
  /** Destroy the socket instead of answering (fault injection). */
  drop?: boolean;
}

/** An error that knows its own wire shape, so the chain can turn it into a Reply. */
export abstract class WireError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  abstract body(ctx: RequestContext): unknown;
}

/** The request body is over the limit of the platform it is addressed to. */
export class BodyTooLarge extends Error {}

export type Next = () => Promise<Reply>;
export type Middleware = (ctx: RequestContext, next: Next) => Promise<Reply>;
export type Handler = (ctx: RequestContext) => Promise<Reply>;

/**
 * Runs middlewares in order around a final handler. The implicit last link is error mapping: a
 * WireError thrown anywhere (auth, a fault, a handler) becomes its platform-shaped Reply at the
 * point where it was thrown, so outer links (the request log) still see a Reply with a status.
 */
export function compose(chain: Middleware[], handler: Handler): Handler {
  const guard = async (ctx: RequestContext, run: () => Promise<Reply>): Promise<Reply> => {
    try {
      return await run();
    } catch (err) {
      if (err instanceof WireError) return { status: err.status, body: err.body(ctx) };
      throw err;
    }
  };
  return (ctx) => {
    const dispatch = (i: number): Promise<Reply> =>
      guard(ctx, () => (i === chain.length ? handler(ctx) : chain[i](ctx, () => dispatch(i + 1))));
    return dispatch(0);
  };
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

/** Parses the request body as JSON; undefined for an empty body. Throws SyntaxError if malformed. */
export function parseJsonBody(ctx: RequestContext): unknown {
  if (ctx.body.length === 0) return undefined;
  return JSON.parse(ctx.body.toString("utf8"));
}

/** The first value of a header, or undefined. */
export function header(ctx: RequestContext, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Parses a raw query string into the signer's shape (repeated keys become arrays). */
export function parseQuery(search: string): Query {
  const out: Query = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** A single query value (the first if repeated). */
export function queryValue(q: Query, name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
}
