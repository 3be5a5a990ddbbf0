/**
 * POST /_emulator/functiongraph/events/<type>: an event from a cloud service the emulator does
 * not run (an OBS upload, an SMN message...) delivered to every ACTIVE trigger of that type whose
 * event_data matches, each as an async invocation (triggers/fire.ts), so async-invoke config,
 * retries and destinations apply as for timers. Answers at once with the invocations started;
 * `?wait=true` waits for them and adds each one's status.
 */
import { json, parseJsonBody, queryValue, type Reply, type RequestContext } from "../../core/http";
import type { ControlRoute } from "../../core/platform";
import { PLATFORM, type FgEnv } from "../env";
import { functionsOf } from "../models/function";
import { allTriggers, type TriggerRecord } from "../models/trigger";
import { finished, startForTrigger } from "../triggers/fire";
import { latestUrn } from "../urn";
import { disSource, dmsSource, kafkaSource, rabbitSource, smnSource } from "./messaging";
import { obsSource } from "./obs";
import { ctsSource, ddsSource, ltsSource } from "./records";
import { isObject, type EventInput, type EventSource } from "./source";

export const EVENT_SOURCES: Readonly<Record<string, EventSource>> = {
  OBS: obsSource,
  SMN: smnSource,
  DIS: disSource,
  DMS: dmsSource,
  KAFKA: kafkaSource("KAFKA"),
  OPENSOURCEKAFKA: kafkaSource("OPENSOURCEKAFKA"),
  RABBITMQ: rabbitSource,
  LTS: ltsSource,
  CTS: ctsSource,
  DDS: ddsSource,
  GAUSSMONGO: ddsSource,
};

const badRequest = (error: string): Reply => json(400, { error });

interface Target {
  projectId: string;
  trigger: TriggerRecord;
  funcUrn: string;
}

/** ACTIVE triggers of `type` (SMN has no status: never DISABLED) whose function exists and that match. */
function targets(env: FgEnv, type: string, source: EventSource, input: EventInput): Target[] {
  const out: Target[] = [];
  for (const projectId of env.store.projects(PLATFORM)) {
    for (const trigger of allTriggers(env, projectId)) {
      if (trigger.trigger_type_code !== type || trigger.trigger_status === "DISABLED") continue;
      const fn = functionsOf(env, projectId)[trigger.func_key];
      if (fn && source.matches(trigger.event_data, input))
        out.push({ projectId, trigger, funcUrn: latestUrn(env.creds.region, projectId, fn.package, fn.func_name) });
    }
  }
  return out;
}

async function deliver(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const type = (ctx.params.type ?? "").toUpperCase();
  const source = EVENT_SOURCES[type];
  if (!source) return badRequest(`no event source ${type}; one of ${Object.keys(EVENT_SOURCES).join(", ")}`);
  let input: unknown;
  try {
    input = parseJsonBody(ctx);
  } catch {
    return badRequest("body is not valid JSON");
  }
  if (!isObject(input)) return badRequest(`body must be a JSON object describing the ${type} event`);
  const problem = source.check(input);
  if (problem) return badRequest(`${type} event: ${problem}`);
  const now = env.clock.now();
  const fired = targets(env, type, source, input).map((t) => {
    const uuid = () => env.ids.uuid();
    const event = source.build(input, { ...t, region: env.creds.region, now, uuid });
    return { target: t, event, started: startForTrigger(env, t.projectId, t.trigger, event, now) };
  });
  const wait = queryValue(ctx.query, "wait") === "true";
  const items = await Promise.all(
    fired.map(async ({ target, event, started }) => {
      const record =
        started && (wait || "refused" in started) ? await finished(env, target.projectId, started) : undefined;
      return {
        trigger_id: target.trigger.trigger_id,
        func_urn: target.funcUrn,
        request_id: started && ("requestId" in started ? started.requestId : started.refused.request_id),
        event,
        ...(record ? { status: record.status, result: record.result } : {}),
      };
    }),
  );
  return json(200, { type, fired: items });
}

export function eventRoutes(env: FgEnv): ControlRoute[] {
  return [{ method: "POST", path: "/_emulator/functiongraph/events/:type", handler: (ctx) => deliver(env, ctx) }];
}
