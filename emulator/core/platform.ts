/**
 * What one emulated platform plugs into the app: its routes (named by the official operation),
 * how it authenticates, and how its errors look on the wire. app.ts knows no platform by name,
 * so adding a platform is one entry in server.ts's list, never an edit of the request chain.
 */
import type { Handler, Middleware, Reply, RequestContext, WireError } from "./http";

export interface PlatformRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** find-my-way pattern, e.g. /v2/:project_id/fgs/functions. */
  path: string;
  /** Official operation name: what the request log and fault rules use. */
  operation: string;
  handler: Handler;
}

/** A route as a platform lists it: its handler takes the platform's environment, bound at start. */
export interface EnvRoute<Env, Operation extends string = string> extends Omit<PlatformRoute, "operation" | "handler"> {
  operation: Operation;
  handler: (env: Env, ctx: RequestContext) => Promise<Reply>;
}

/** The app's routes for one running platform; `nameOf` maps a listed operation to the logged name. */
export function bindRoutes<Env, Operation extends string>(
  routes: readonly EnvRoute<Env, Operation>[],
  env: Env,
  nameOf: (operation: Operation) => string = (operation) => operation,
): PlatformRoute[] {
  return routes.map((r) => ({
    method: r.method,
    path: r.path,
    operation: nameOf(r.operation),
    handler: (ctx) => r.handler(env, ctx),
  }));
}

/** A route under /_emulator/ (no auth): test and operator controls a platform adds. */
export interface ControlRoute {
  /** PATCH, HEAD and OPTIONS: APIG triggers serve every HTTP method under /_emulator/. */
  method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  path: string;
  handler: Handler;
}

export interface EmulatedPlatform {
  /** "functiongraph", "minapp", "leancloud": the request log's and fault rules' platform. */
  name: string;
  routes: PlatformRoute[];
  /** True when a path no route matched still belongs to this platform (404 in its shape). */
  ownsPath(path: string): boolean;
  /** Checks credentials; runs only for this platform's requests (matched or not). */
  auth?: Middleware;
  /** The platform-shaped error for an injected status fault. */
  faultError(ctx: RequestContext, status: number, code?: string, msg?: string): WireError;
  /** The platform-shaped error for a path of this platform that no route matches. */
  noRoute(ctx: RequestContext): WireError;
  /** Largest request body the platform accepts; a larger one is answered with `bodyTooLarge`. */
  maxBodyBytes: number;
  /** The platform-shaped 413 for a body over `maxBodyBytes`. */
  bodyTooLarge(ctx: RequestContext): WireError;
  /**
   * The platform-shaped 500 for a failure of the emulator itself. Its body names no file, path
   * or stack: those go to the operator's log, never onto the wire.
   */
  internalError(ctx: RequestContext): WireError;
  /** Extra control endpoints (timers, clock, dashboard-style edits...). */
  controlRoutes?: ControlRoute[];
  /**
   * Forgets what lives outside the store when the store is reset or replaced: processes that
   * would otherwise serve the new state with module state from the old one (warm workers).
   */
  reset?(): void;
  /** Stops timers and child processes. */
  close?(): Promise<void> | void;
}
