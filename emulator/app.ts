/**
 * The emulator application: one router for the control plane and every platform, and the
 * explicit, ordered handler chain  log → faults → auth → route  (with error mapping at every
 * link, see core/http.ts compose). server.ts only moves bytes in and out.
 */
import FindMyWay from "find-my-way";
import { controlRoutes } from "./control/routes";
import { faultMiddleware, FaultRegistry } from "./core/faults";
import { compose, type Handler, type Query, type Reply, type RequestContext } from "./core/http";
import type { IdGenerator } from "./core/ids";
import { logMiddleware, RequestLog } from "./core/request-log";
import type { Store } from "./core/store";
import { fgAuthMiddleware } from "./functiongraph/auth";
import { PLATFORM as FG, type FgEnv } from "./functiongraph/env";
import { faultError, fgErrors } from "./functiongraph/errors";
import { FG_ROUTES, isFgPath } from "./functiongraph/routes";

interface RouteMeta {
  platform: string;
  operation: string;
  handler: Handler;
}

export interface App {
  /** Handles one request whose body has been read. */
  handle(input: Omit<RequestContext, "params" | "platform" | "operation">): Promise<Reply>;
  log: RequestLog;
  faults: FaultRegistry;
}

export function createApp(store: Store, ids: IdGenerator, fg: FgEnv): App {
  const log = new RequestLog();
  const faults = new FaultRegistry();
  // URNs are long (package and name up to 64 + 60 chars): lift find-my-way's 100-char default.
  const router = FindMyWay({ maxParamLength: 1000 });
  const add = (method: string, path: string, meta: RouteMeta) => router.on(method as "GET", path, () => undefined, meta);
  for (const r of controlRoutes({ store, log, faults })) add(r.method, r.path, { platform: "control", operation: r.path, handler: r.handler });
  for (const r of FG_ROUTES) add(r.method, r.path, { platform: FG, operation: r.operation, handler: (ctx) => r.handler(fg, ctx) });

  const chain = compose(
    [
      logMiddleware(log),
      faultMiddleware(faults, ids, (ctx, rule) => faultError(ctx, rule.status, rule.errorCode, rule.errorMsg)),
      fgAuthMiddleware(fg),
    ],
    async (ctx) => {
      const meta = (ctx as RequestContext & { meta?: RouteMeta }).meta;
      if (!meta) throw fgErrors.noRoute();
      return meta.handler(ctx);
    },
  );

  return {
    log,
    faults,
    async handle(input) {
      const found = router.find(input.method as "GET", input.rawPath);
      const meta = found?.store as RouteMeta | undefined;
      const ctx: RequestContext & { meta?: RouteMeta } = {
        ...input,
        params: (found?.params ?? {}) as Record<string, string | undefined>,
        platform: meta?.platform ?? (isFgPath(input.rawPath) ? FG : "unknown"),
        operation: meta?.operation ?? "Unknown",
        meta,
      };
      return chain(ctx);
    },
  };
}

export type { Query };
