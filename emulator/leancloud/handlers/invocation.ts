/**
 * Function calls (docs/reference/leancloud-api.md §4): the platform's part only — find the group that serves the name in
 * the caller's environment (`X-LC-Prod`), then forward the request unchanged to that group's
 * instance, where the real engine SDK answers (host.ts). So the body, status and error rules of
 * §5.2 are the SDK's own; only "no group serves this name" is answered here, in the SDK's words.
 */
import { json, type Reply, type RequestContext } from "../../core/http";
import { callerOf } from "../auth";
import { instanceFor } from "../deploy";
import { forward } from "../engine/instances";
import type { LcEnv, Prod } from "../env";
import { lcErrors } from "../errors";
import { functionRoutesOf } from "../models/groups";

/** The platform gateway gives up after 60 s (§4: load balancer cap). */
const GATEWAY_TIMEOUT_MS = 60_000;
const HOP_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

function forwardedHeaders(ctx: RequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  // The platform tells the engine who called (the SDK's request.meta.remoteAddress).
  out["x-real-ip"] ??= ctx.req.socket.remoteAddress ?? "127.0.0.1";
  return out;
}

async function forwardTo(env: LcEnv, ctx: RequestContext, group: string, prod: Prod): Promise<Reply> {
  const instance = await instanceFor(env, group, prod);
  try {
    const res = await forward(
      instance,
      ctx.method,
      ctx.req.url ?? ctx.rawPath,
      forwardedHeaders(ctx),
      ctx.body,
      Math.max(GATEWAY_TIMEOUT_MS, env.options.functionTimeoutMs + 5_000),
    );
    return { status: res.status, headers: res.headers, body: res.body };
  } catch (err) {
    if ((err as { code?: string }).code === "GATEWAY_TIMEOUT") throw lcErrors.gatewayTimeout();
    throw lcErrors.engineDown(`The instance of group ${group} did not answer: ${(err as Error).message}`);
  }
}

/** POST /1.1/functions/<name> and /1.1/call/<name>. */
export async function callFunction(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const name = ctx.params.name ?? "";
  const { prod } = callerOf(ctx);
  const group = functionRoutesOf(env)[String(prod) as "0" | "1"][name];
  if (!group) throw lcErrors.noSuchFunction(name);
  return forwardTo(env, ctx, group, prod);
}

/** POST /1.1/functions/ (no name). */
export async function noFunctionName(_env: LcEnv, ctx: RequestContext): Promise<Reply> {
  throw lcErrors.noFunctionName(ctx.rawPath);
}

/** GET /1.1/functions/_ops/metadatas: every name served in the caller's environment (master only). */
export async function functionMetadatas(env: LcEnv, ctx: RequestContext): Promise<Reply> {
  const { prod, master } = callerOf(ctx);
  if (!master) throw lcErrors.unauthorized();
  return json(200, { result: Object.keys(functionRoutesOf(env)[String(prod) as "0" | "1"]) });
}

/** GET /__engine/1/ping: the instance health check (answered by the emulator itself). */
export async function ping(): Promise<Reply> {
  return json(200, { runtime: `nodejs-${process.version}`, version: "cloudfn-emulator" });
}
