/** The recorded log of platform API calls (never control-plane calls) that tests assert on. */
import type { Middleware } from "./http";

export interface RequestLogEntry {
  /** 1-based, increasing for the life of the log (reset by clear()). */
  seq: number;
  method: string;
  /** Path as received, without the query string. */
  path: string;
  /** HTTP status sent; 0 when the connection was destroyed without a response (fault drop). */
  status: number;
  platform: string;
  /** Official SDK operation name, e.g. CreateFunction; "Unknown" for unmatched routes. */
  operation: string;
  durationMs: number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full = { seq: ++this.seq, ...entry };
    this.entries.push(full);
    return full;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
    this.seq = 0;
  }
}

/** First link of the chain: times and records every platform call (control calls are skipped). */
export function logMiddleware(log: RequestLog): Middleware {
  return async (ctx, next) => {
    if (ctx.platform === "control") return next();
    const started = process.hrtime.bigint();
    const reply = await next();
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    log.add({
      method: ctx.method,
      path: ctx.rawPath,
      status: reply.drop ? 0 : reply.status,
      platform: ctx.platform,
      operation: ctx.operation,
      durationMs,
    });
    return reply;
  };
}
