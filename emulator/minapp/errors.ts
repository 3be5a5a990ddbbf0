/**
 * MinApp wire errors. /oserve error bodies are undocumented (docs/reference/minapp-api.md §6); the only documented
 * body is the Web API's `{"status": "error", "error_msg": "..."}`, and the official JS SDK reads
 * `error_msg` first, so every emulated MinApp error uses that one shape.
 */
import { WireError } from "../core/http";

export class MinAppError extends WireError {
  body(): unknown {
    return { status: "error", error_msg: this.message };
  }
}

/** Constructors for the errors the emulator sends, so handlers never spell a status twice. */
export const minappErrors = {
  invalid: (detail: string) => new MinAppError(400, detail),
  unauthorized: (detail: string) => new MinAppError(401, detail),
  notFound: (detail = "cloud function not found") => new MinAppError(404, detail),
  noRoute: () => new MinAppError(404, "not found"),
  internal: (detail: string) => new MinAppError(500, detail),
  bodyTooLarge: () => new MinAppError(413, "request entity too large"),
} as const;

export function faultError(_ctx: unknown, status: number, _code?: string, msg?: string): WireError {
  return new MinAppError(status, msg ?? (status === 429 ? "too many requests" : "injected fault"));
}
