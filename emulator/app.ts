/**
 * The emulator application: one router for the control plane and every platform, and the
 * explicit, ordered handler chain  log → faults → auth → route  (with error mapping at every
 * link, see core/http.ts compose). Platforms plug in through core/platform.ts; server.ts only
 * moves bytes in and out.
 */
import FindMyWay from "find-my-way";
import { controlRoutes } from "./control/routes";
import { faultMiddleware, FaultRegistry } from "./core/faults";
import {
  BodyTooLarge,
  compose,
  type Handler,
  type Middleware,
  type Query,
  type Reply,
  type RequestContext,
  WireError,
} from "./core/http";
import type { IdGenerator } from "./core/ids";
import type { EmulatedPlatform } from "./core/platform";
import { logMiddleware, RequestLog } from "./core/request-log";
import type { Store } from "./core/store";

interface RouteMeta {
  platform: string;
  operation: string;
  handler: Handler;
}

/** One request as the server sees it; the body is read once the addressed platform (and so its limit) is known. */
export type AppInput = Omit<RequestContext, "params" | "platform" | "operation" | "body"> & {
  /** Reads the body; rejects with BodyTooLarge past `limit` bytes. */
  readBody: (limit: number) => Promise<Buffer>;
};

export interface App {
  handle(input: AppInput): Promise<Reply>;
  log: RequestLog;
  faults: FaultRegistry;
}

/** Runs each platform's auth middleware on that platform's requests only. */
function authMiddleware(platforms: EmulatedPlatform[]): Middleware {
  return (ctx, next) => {
    const auth = platforms.find((p) => p.name === ctx.platform)?.auth;
    return auth ? auth(ctx, next) : next();
  };
}

/** Answers for requests no platform owns (control calls, unknown paths): no platform's shape to borrow. */
const neutral = {
  bodyTooLarge: (): Reply => ({ status: 413, body: { error: "request body too large" } }),
  internalError: (): Reply => ({ status: 500, body: { error: "internal emulator error" } }),
};

/**
 * @param onInternalError receives what broke inside the emulator (stack included); the client
 * only gets the platform's generic internal error.
 */
export function createApp(
  store: Store,
  ids: IdGenerator,
  platforms: EmulatedPlatform[],
  onInternalError: (err: unknown) => void = () => undefined,
): App {
  const log = new RequestLog();
  const faults = new FaultRegistry();
  const byName = new Map(platforms.map((p) => [p.name, p]));
  // URNs are long (package and name up to 64 + 60 chars): lift find-my-way's 100-char default.
  const router = FindMyWay({ maxParamLength: 1000 });
  const add = (method: string, path: string, meta: RouteMeta) =>
    router.on(method as "GET", path, () => undefined, meta);
  const afterStoreChange = () => platforms.forEach((p) => p.reset?.());
  const control = [
    ...controlRoutes({ store, log, faults, afterStoreChange }),
    ...platforms.flatMap((p) => p.controlRoutes ?? []),
  ];
  for (const r of control) add(r.method, r.path, { platform: "control", operation: r.path, handler: r.handler });
  for (const p of platforms)
    for (const r of p.routes) add(r.method, r.path, { platform: p.name, operation: r.operation, handler: r.handler });

  const injectFaults = faultMiddleware(faults, ids, (ctx, rule) => {
    // The chain below only routes requests of a known platform here.
    const owner = byName.get(ctx.platform);
    if (!owner) throw new Error(`fault injection reached for unowned platform ${ctx.platform}`);
    return owner.faultError(ctx, rule.status, rule.errorCode, rule.errorMsg);
  });
  const chain = compose(
    [
      logMiddleware(log),
      // Faults target platform calls; a path no platform owns has no error shape to fake.
      (ctx, next) => (byName.has(ctx.platform) ? injectFaults(ctx, next) : next()),
      authMiddleware(platforms),
    ],
    async (ctx) => {
      const meta = (ctx as RequestContext & { meta?: RouteMeta }).meta;
      if (meta) return meta.handler(ctx);
      const owner = byName.get(ctx.platform);
      if (owner) throw owner.noRoute(ctx);
      return { status: 404, body: { error: `no emulated platform serves ${ctx.method} ${ctx.rawPath}` } };
    },
  );

  const largestBody = Math.max(...platforms.map((p) => p.maxBodyBytes));
  const wire = (ctx: RequestContext, err: WireError): Reply => ({ status: err.status, body: err.body(ctx) });

  return {
    log,
    faults,
    async handle({ readBody, ...input }) {
      const found = router.find(input.method as "GET", input.rawPath);
      const meta = found?.store as RouteMeta | undefined;
      const ctx: RequestContext & { meta?: RouteMeta } = {
        ...input,
        body: Buffer.alloc(0),
        params: found?.params ?? {},
        platform: meta?.platform ?? platforms.find((p) => p.ownsPath(input.rawPath))?.name ?? "unknown",
        operation: meta?.operation ?? "Unknown",
        meta,
      };
      const owner = byName.get(ctx.platform);
      try {
        ctx.body = await readBody(owner?.maxBodyBytes ?? largestBody);
        return await chain(ctx);
      } catch (err) {
        if (err instanceof BodyTooLarge)
          return {
            ...(owner ? wire(ctx, owner.bodyTooLarge(ctx)) : neutral.bodyTooLarge()),
            headers: { Connection: "close" },
          };
        onInternalError(err);
        return owner ? wire(ctx, owner.internalError(ctx)) : neutral.internalError();
      }
    },
  };
}

export type { Query };
