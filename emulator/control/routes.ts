/**
 * The control plane under /_emulator/ (no auth): health, reset, state dump/load, the request log
 * and fault rules. Separate from the fake APIs so tests drive the emulator without touching
 * platform semantics (practice 13 of the style anchors).
 */
import { faultRuleSchema, type FaultRegistry } from "../core/faults";
import { json, parseJsonBody, type Reply, type RequestContext } from "../core/http";
import type { RequestLog } from "../core/request-log";
import type { Store } from "../core/store";

export interface ControlDeps {
  store: Store;
  log: RequestLog;
  faults: FaultRegistry;
  /** Called after the store is reset or loaded: platforms drop their processes (warm workers). */
  afterStoreChange: () => void;
}

export interface ControlRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  handler: (ctx: RequestContext) => Promise<Reply>;
}

const badRequest = (message: string): Reply => json(400, { error: message });

function body(ctx: RequestContext): unknown {
  try {
    return parseJsonBody(ctx);
  } catch {
    return Symbol.for("invalid");
  }
}

export function controlRoutes({ store, log, faults, afterStoreChange }: ControlDeps): ControlRoute[] {
  return [
    { method: "GET", path: "/_emulator/health", handler: async () => json(200, { status: "ok" }) },
    {
      method: "POST",
      path: "/_emulator/reset",
      handler: async () => {
        store.reset();
        afterStoreChange();
        log.clear();
        faults.clear();
        return json(200, { status: "ok" });
      },
    },
    { method: "GET", path: "/_emulator/state", handler: async () => json(200, store.snapshot()) },
    {
      method: "PUT",
      path: "/_emulator/state",
      handler: async (ctx) => {
        try {
          store.load(body(ctx));
        } catch (err) {
          return badRequest((err as Error).message);
        }
        store.commit();
        afterStoreChange();
        return json(200, { status: "ok" });
      },
    },
    { method: "GET", path: "/_emulator/requests", handler: async () => json(200, log.list()) },
    {
      method: "DELETE",
      path: "/_emulator/requests",
      handler: async () => {
        log.clear();
        return { status: 204 };
      },
    },
    {
      method: "POST",
      path: "/_emulator/faults",
      handler: async (ctx) => {
        const parsed = faultRuleSchema.safeParse(body(ctx));
        if (!parsed.success)
          return badRequest(parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
        return json(201, { id: faults.add(parsed.data).id });
      },
    },
    { method: "GET", path: "/_emulator/faults", handler: async () => json(200, faults.list()) },
    {
      method: "DELETE",
      path: "/_emulator/faults",
      handler: async () => {
        faults.clear();
        return { status: 204 };
      },
    },
  ];
}
