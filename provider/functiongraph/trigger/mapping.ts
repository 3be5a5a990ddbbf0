/**
 * Pure mappings between `cloudfn:functiongraph:Trigger` properties and the wire format, and
 * the "declared keys only" rule: services add keys to event_data (APIG adds api_id and
 * invoke_url, EVENTGRID defaults...) and do not echo passwords, so outputs keep exactly the keys
 * the user declared — live values where the service returns them, declared values otherwise.
 */
import { deepEqual } from "../../core/diff";
import { dropUndefined } from "../../core/check";
import { asText } from "../../core/response";
import { CreateTriggerBody, TriggerInfo } from "./api";
import { UPDATABLE_EVENT_DATA } from "../../../platform/functiongraph/trigger-rules";
import { DEFAULTS, INPUT_PROPERTIES, TimerInputs, TriggerInputs, TriggerOutputs } from "./schema";

/** The provider's id: `<function_urn>/<type>/<trigger_id>` (URNs contain no "/"). */
export function triggerId(functionUrn: string, type: string, id: string): string {
  return `${functionUrn}/${type}/${id}`;
}

export function parseTriggerId(id: string): { functionUrn: string; type: string; triggerId: string } {
  const parts = id.split("/");
  if (parts.length !== 3 || parts.some((p) => p === ""))
    throw new Error(`invalid trigger id "${id}": expected <function_urn>/<type>/<trigger_id>`);
  return { functionUrn: parts[0], type: parts[1], triggerId: parts[2] };
}

/** The timer block of a TIMER trigger; check() already refuses a TIMER without one. */
export function timerOf(inputs: Pick<TriggerInputs, "timer">): TimerInputs {
  if (!inputs.timer) throw new Error("a TIMER trigger needs its timer settings");
  return inputs.timer;
}

/** The event_data a trigger sends: the TIMER block in wire names, or eventData as given. */
export function eventDataOf(inputs: Pick<TriggerInputs, "type" | "timer" | "eventData">): Record<string, unknown> {
  if (inputs.type !== "TIMER") return { ...(inputs.eventData ?? {}) };
  const t = timerOf(inputs);
  return dropUndefined({ name: t.name, schedule_type: t.scheduleType, schedule: t.schedule, user_event: t.userEvent });
}

export function createBody(inputs: TriggerInputs): CreateTriggerBody {
  return { trigger_type_code: inputs.type, trigger_status: inputs.status, event_data: eventDataOf(inputs) };
}

/** The TIMER block from live event_data; userEvent only when set (live or declared). */
function timerFrom(live: Record<string, unknown>, declared: TimerInputs | undefined): TimerInputs {
  const userEvent = typeof live.user_event === "string" ? live.user_event : undefined;
  return dropUndefined({
    name: asText(live.name ?? declared?.name ?? ""),
    scheduleType: asText(live.schedule_type ?? declared?.scheduleType ?? ""),
    schedule: asText(live.schedule ?? declared?.schedule ?? ""),
    userEvent: userEvent === "" && declared?.userEvent === undefined ? undefined : userEvent,
  });
}

/**
 * Live event_data restricted to the declared keys. A declared key the service does not echo
 * keeps its declared value (passwords). Without declared keys (import), every live key.
 */
export function declaredView(
  live: Record<string, unknown>,
  declared: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (declared === undefined) return { ...live };
  return Object.fromEntries(
    Object.keys(declared).map((k) => [k, k in live && live[k] !== null ? live[k] : declared[k]]),
  );
}

/** Outputs from a trigger object, with `declared` supplying what the service does not return. */
export function outputsFrom(functionUrn: string, info: TriggerInfo, declared: Partial<TriggerInputs>): TriggerOutputs {
  const live = info.event_data ?? {};
  const type = info.trigger_type_code;
  return dropUndefined({
    // As the program wrote it: with a qualifier, `functionUrn` (the address) is the qualified URN.
    functionUrn: declared.functionUrn ?? functionUrn,
    qualifier: declared.qualifier,
    type,
    status: info.trigger_status ?? DEFAULTS.status,
    timer: type === "TIMER" ? timerFrom(live, declared.timer) : undefined,
    eventData: type === "TIMER" ? undefined : declaredView(live, declared.eventData),
    triggerId: info.trigger_id,
    createdTime: String(info.created_time ?? ""),
    lastUpdatedTime: String(info.last_updated_time ?? ""),
    invokeUrl: typeof live.invoke_url === "string" ? live.invoke_url : undefined,
  });
}

/** The inputs `read` reports, so that refresh followed by preview is clean. */
export function inputsFrom(outs: TriggerOutputs): TriggerInputs {
  return dropUndefined(
    Object.fromEntries(Object.entries(outs).filter(([k]) => (INPUT_PROPERTIES as string[]).includes(k))),
  ) as unknown as TriggerInputs;
}

/** eventData keys whose declared value differs (keys only the old side has count too). */
export function changedEventDataKeys(
  olds: Record<string, unknown> | undefined,
  news: Record<string, unknown> | undefined,
): string[] {
  const a = olds ?? {};
  const b = news ?? {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !deepEqual(a[k], b[k]));
}

/** True when every changed eventData key is one UpdateTrigger can change in place (docs/reference/functiongraph-api.md §4.6). */
export function onlyTuningChanged(keys: string[]): boolean {
  return keys.every((k) => (UPDATABLE_EVENT_DATA as readonly string[]).includes(k));
}

/** The tuning fields of eventData, as UpdateTrigger's event_data array expects them. */
export function tuningOf(eventData: Record<string, unknown> | undefined): Record<string, unknown>[] {
  const fields = Object.fromEntries(
    Object.entries(eventData ?? {}).filter(([k]) => (UPDATABLE_EVENT_DATA as readonly string[]).includes(k)),
  );
  return Object.keys(fields).length > 0 ? [fields] : [];
}

/** True when a live trigger is the one these inputs describe (reconciling a lost create). */
export function matches(info: TriggerInfo, inputs: TriggerInputs): boolean {
  if (info.trigger_type_code !== inputs.type) return false;
  const live = info.event_data ?? {};
  const want = eventDataOf(inputs);
  const echoed = Object.keys(want).filter((k) => k in live);
  return echoed.length > 0 && echoed.every((k) => deepEqual(live[k], want[k]));
}
