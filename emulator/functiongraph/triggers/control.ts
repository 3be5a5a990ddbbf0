/**
 * Control routes for timers (no auth, under /_emulator/): fire a trigger now, advance the
 * emulator's clock (firing every timer that becomes due, in order), read the clock.
 */
import { json, parseJsonBody, type Reply, type RequestContext } from "../../core/http";
import type { ControlRoute } from "../../core/platform";
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { triggersOf } from "../models/trigger";
import type { TimerScheduler } from "./scheduler";

const badRequest = (message: string): Reply => json(400, { error: message });

function body(ctx: RequestContext): Record<string, unknown> | undefined {
  try {
    const parsed = parseJsonBody(ctx);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `{key: "<function_urn>/<type>/<trigger_id>"}` or `{trigger_id}` → the trigger and its project. */
function findTrigger(env: FgEnv, b: Record<string, unknown>) {
  const key = typeof b.key === "string" ? b.key : undefined;
  const id = key ? key.split("/").pop() : typeof b.trigger_id === "string" ? b.trigger_id : undefined;
  if (!id) return undefined;
  for (const projectId of env.store.projects(PLATFORM)) {
    const trigger = triggersOf(env, projectId)[id];
    if (trigger && (!key || key.split("/").slice(-2)[0] === trigger.trigger_type_code)) return { projectId, trigger };
  }
  return undefined;
}

export function triggerControlRoutes(env: FgEnv, scheduler: TimerScheduler): ControlRoute[] {
  return [
    {
      method: "POST",
      path: "/_emulator/functiongraph/triggers/fire",
      handler: async (ctx) => {
        const b = body(ctx);
        if (!b || (typeof b.key !== "string" && typeof b.trigger_id !== "string"))
          return badRequest('body must be {"key": "<function_urn>/<type>/<trigger_id>"} or {"trigger_id": "..."}');
        const found = findTrigger(env, b);
        if (!found) return json(404, { error: `no trigger ${String(b.key ?? b.trigger_id)}` });
        if (found.trigger.trigger_type_code !== "TIMER")
          return badRequest(`only TIMER triggers can be fired; this one is ${found.trigger.trigger_type_code}`);
        return json(200, await scheduler.fireNow(found.projectId, found.trigger));
      },
    },
    {
      method: "POST",
      path: "/_emulator/clock/advance",
      handler: async (ctx) => {
        const seconds = body(ctx)?.seconds;
        if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)
          return badRequest('body must be {"seconds": <non-negative number>}');
        if (!env.clock.advance) return badRequest("this emulator's clock cannot be advanced");
        const result = await scheduler.advance(seconds * 1000);
        return json(200, { now: rfc3339(env.clock.now()), ...result });
      },
    },
    { method: "GET", path: "/_emulator/clock", handler: async () => json(200, { now: env.clock.now().toISOString() }) },
  ];
}
