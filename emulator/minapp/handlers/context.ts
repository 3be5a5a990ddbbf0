/** Per-request facts MinApp handlers share: the environment namespace, the name, the base URL. */
import { header, type RequestContext } from "../../core/http";
import type { MinAppEnv } from "../env";
import { envKeyOf } from "../models/state";

export interface Target {
  envKey: string;
  /** The function name from the URL (find-my-way has percent-decoded it). */
  name: string;
}

export function targetOf(env: MinAppEnv, ctx: RequestContext): Target {
  return { envKey: envKeyOf(env, ctx), name: ctx.params.name ?? "" };
}

/** The emulator's own base URL as the client reached it (for absolute links it hands out). */
export function baseUrlOf(ctx: RequestContext): string {
  return `http://${header(ctx, "host") ?? "127.0.0.1"}`;
}

/** Jobs started through the user-dash API are "user_dash" jobs; Open API ones "open_api". */
export function sourceOf(ctx: RequestContext): string {
  return ctx.rawPath.startsWith("/userve/") ? "user_dash" : "open_api";
}
