/**
 * Platform rules for trigger request bodies (docs/reference/functiongraph-api.md §4.2–§4.4, §4.6): type, status, the event_data
 * fields each type requires, TIMER names and schedules. The tables and schedule rules are the
 * ones the provider's `check` applies (platform/functiongraph/trigger-rules.ts, schedule.ts).
 */
import {
  NO_DISABLE_TYPES,
  TIMER_NAME_RE,
  TRIGGER_STATUSES,
  TRIGGER_TYPES,
  UPDATABLE_EVENT_DATA,
  missingEventData,
} from "../../../platform/functiongraph/trigger-rules";
import { parseSchedule, type NextFire } from "../../../platform/functiongraph/schedule";
import { fgErrors } from "../errors";
import { triggerErrors } from "./errors";

export type EventData = Record<string, unknown>;

const isObject = (v: unknown): v is EventData => typeof v === "object" && v !== null && !Array.isArray(v);

export function checkType(type: unknown): string {
  if (typeof type !== "string" || !(TRIGGER_TYPES as readonly string[]).includes(type))
    throw triggerErrors.badType(String(type));
  return type;
}

/** DDS and Kafka triggers start DISABLED, the others ACTIVE (§4.1). */
export function defaultStatus(type: string): string {
  return type === "DDS" || type === "KAFKA" ? "DISABLED" : "ACTIVE";
}

export function checkStatus(type: string, status: unknown): string {
  if (typeof status !== "string" || !(TRIGGER_STATUSES as readonly string[]).includes(status)) {
    throw fgErrors.invalid(`invalid trigger_status ${JSON.stringify(status)}; allowed: ${TRIGGER_STATUSES.join(", ")}`);
  }
  if (status === "DISABLED" && NO_DISABLE_TYPES.includes(type))
    throw fgErrors.invalid(`${type} triggers cannot be disabled`);
  return status;
}

/** The next-firing function of a TIMER's event_data (already validated). */
export function timerSchedule(eventData: EventData): NextFire {
  const parsed = parseSchedule(String(eventData.schedule_type), String(eventData.schedule));
  if (!parsed.ok) throw triggerErrors.badParams("TIMER", parsed.reason);
  return parsed.next;
}

function checkTimer(eventData: EventData): void {
  const name = eventData.name;
  if (typeof name === "string" && name.length > 64) throw triggerErrors.nameTooLong(name);
  if (typeof name !== "string" || !TIMER_NAME_RE.test(name)) {
    throw triggerErrors.badParams(
      "TIMER",
      `invalid timer name ${JSON.stringify(name)}: 1-64 letters, digits, "-" and "_", starting with a letter`,
    );
  }
  if (eventData.user_event !== undefined && typeof eventData.user_event !== "string")
    throw triggerErrors.badParams("TIMER", "user_event must be a string");
  timerSchedule(eventData);
}

/** Validates a create body's event_data for its type. */
export function checkEventData(type: string, eventData: unknown): EventData {
  if (!isObject(eventData)) throw fgErrors.invalid("event_data must be an object");
  const missing = missingEventData(type, eventData);
  if (missing.length > 0)
    throw triggerErrors.badParams(type, `event_data.${missing[0]} is required for ${type} triggers`);
  if (type === "TIMER") checkTimer(eventData);
  return eventData;
}

/**
 * UpdateTrigger's event_data: the API reference and SDK declare an array of pull-trigger tuning
 * objects, Huawei's Terraform sends the whole event_data object ([conflict], §4.6). Both are
 * accepted: an object replaces event_data (validated like a create, the type cannot change),
 * an array merges its tuning fields into the current event_data.
 */
export function updatedEventData(type: string, current: EventData, update: unknown): EventData {
  if (update === undefined) return current;
  if (isObject(update)) return checkEventData(type, update);
  if (!Array.isArray(update)) throw fgErrors.invalid("event_data must be an object or an array of tuning fields");
  const merged = { ...current };
  for (const item of update) {
    if (!isObject(item)) throw fgErrors.invalid("event_data items must be objects");
    for (const k of UPDATABLE_EVENT_DATA) if (item[k] !== undefined) merged[k] = item[k];
  }
  return merged;
}
