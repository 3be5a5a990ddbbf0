/**
 * Trigger state and rules (T1–T7, docs/reference/functiongraph-api.md §4). Records live in the store under
 * functiongraph → project → "triggers", keyed by trigger_id, and point at their function by
 * "package/name". A TIMER record also carries its schedule position (`timer`), which no
 * response shows: the scheduler (triggers/scheduler.ts) reads and advances it.
 */
import { WRITE_ONLY_EVENT_DATA } from "../../../platform/functiongraph/trigger-rules";
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { triggerErrors } from "../triggers/errors";
import {
  checkEventData,
  checkStatus,
  checkType,
  defaultStatus,
  timerSchedule,
  updatedEventData,
  type EventData,
} from "../triggers/validate";
import type { FunctionRef } from "../urn";
import { functionsOf, getFunction } from "./function";
import { qualifierKey } from "./qualifier";

export interface TimerPosition {
  /** When the timer became ACTIVE (epoch ms): Rate and @every periods count from here. */
  anchor_ms: number;
  /** Next due firing (epoch ms). */
  next_ms: number;
}

export interface TriggerRecord {
  trigger_id: string;
  /** "package/name" of the function. */
  func_key: string;
  trigger_type_code: string;
  trigger_status: string;
  event_type_code?: string;
  event_data: EventData;
  created_time: string;
  last_updated_time: string;
  /** TIMER and ACTIVE only. */
  timer?: TimerPosition;
  /** The version name or `!alias` the trigger was created on; absent for latest. */
  qualifier?: string;
}

type Triggers = Record<string, TriggerRecord>;

export interface CreateTriggerBody {
  trigger_type_code?: unknown;
  trigger_status?: unknown;
  event_type_code?: unknown;
  event_data?: unknown;
}

export interface UpdateTriggerBody {
  trigger_status?: unknown;
  event_data?: unknown;
}

/** event_data fields that identify a trigger of a type within its function (409 if taken). */
const IDENTITY: Record<string, string[]> = {
  TIMER: ["name"],
  SMN: ["topic_urn"],
  OBS: ["bucket", "events", "prefix", "suffix"],
  APIG: ["group_id", "path", "req_method"],
  DEDICATEDGATEWAY: ["group_id", "path", "req_method"],
  KAFKA: ["instance_id", "topic_ids"],
  OPENSOURCEKAFKA: ["instance_id", "topic_ids"],
};

const funcKey = (ref: Pick<FunctionRef, "package" | "name">) => `${ref.package}/${ref.name}`;
/** Triggers belong to one qualifier of a function: those of a version fire that version. */
const sameQualifier = (t: TriggerRecord, qualifier: string) => (t.qualifier ?? "") === qualifier;

export function triggersOf(env: FgEnv, projectId: string): Triggers {
  return env.store.bucket<Triggers>(PLATFORM, projectId, "triggers", () => ({}));
}

function checkUnique(
  env: FgEnv,
  projectId: string,
  key: string,
  qualifier: string,
  type: string,
  eventData: EventData,
): void {
  const fields = IDENTITY[type];
  if (!fields) return;
  const identity = (d: EventData) => JSON.stringify(fields.map((f) => d[f] ?? null));
  const mine = identity(eventData);
  const taken = Object.values(triggersOf(env, projectId)).some(
    (t) =>
      t.func_key === key &&
      sameQualifier(t, qualifier) &&
      t.trigger_type_code === type &&
      identity(t.event_data) === mine,
  );
  if (taken) throw triggerErrors.exists(type, `${type} trigger with the same ${fields.join("/")} already exists`);
}

/** Starts or stops a TIMER's schedule to match its status (re-enabling restarts the period). */
function syncTimer(env: FgEnv, record: TriggerRecord): void {
  if (record.trigger_type_code !== "TIMER" || record.trigger_status !== "ACTIVE") {
    delete record.timer;
    return;
  }
  const now = env.clock.now();
  const next = timerSchedule(record.event_data)(now, now);
  record.timer = { anchor_ms: now.getTime(), next_ms: next.getTime() };
}

export function createTrigger(env: FgEnv, projectId: string, ref: FunctionRef, body: CreateTriggerBody): TriggerRecord {
  const fn = getFunction(env, projectId, ref);
  const type = checkType(body.trigger_type_code);
  const status = body.trigger_status === undefined ? defaultStatus(type) : checkStatus(type, body.trigger_status);
  const eventData = checkEventData(type, body.event_data);
  const key = funcKey({ package: fn.package, name: fn.func_name });
  const qualifier = qualifierKey(ref.qualifier);
  checkUnique(env, projectId, key, qualifier, type, eventData);
  const now = rfc3339(env.clock.now());
  const record: TriggerRecord = {
    trigger_id: env.ids.uuid(),
    func_key: key,
    trigger_type_code: type,
    trigger_status: status,
    ...(typeof body.event_type_code === "string" ? { event_type_code: body.event_type_code } : {}),
    event_data: eventData,
    created_time: now,
    last_updated_time: now,
    ...(qualifier ? { qualifier } : {}),
  };
  syncTimer(env, record);
  triggersOf(env, projectId)[record.trigger_id] = record;
  env.store.commit();
  return record;
}

/** The triggers of one function's qualifier, oldest first. The function must exist (404 FSS.1051). */
export function listTriggers(env: FgEnv, projectId: string, ref: FunctionRef): TriggerRecord[] {
  const fn = getFunction(env, projectId, ref);
  const key = funcKey({ package: fn.package, name: fn.func_name });
  const qualifier = qualifierKey(ref.qualifier);
  return Object.values(triggersOf(env, projectId)).filter((t) => t.func_key === key && sameQualifier(t, qualifier));
}

/** Whether a looked-up record exists and is a trigger of this type on this function and qualifier. */
function isTriggerOf(record: TriggerRecord | undefined, ref: FunctionRef, type: string): record is TriggerRecord {
  return (
    record?.func_key === funcKey(ref) &&
    sameQualifier(record, qualifierKey(ref.qualifier)) &&
    record.trigger_type_code === type
  );
}

/** The triggers bound to one qualifier ("" latest, a version name, `!alias`). */
export function triggersOn(
  env: FgEnv,
  projectId: string,
  ref: Pick<FunctionRef, "package" | "name">,
  qualifier: string,
): TriggerRecord[] {
  return Object.values(triggersOf(env, projectId)).filter(
    (t) => t.func_key === funcKey(ref) && sameQualifier(t, qualifier),
  );
}

/** Deleting a version deletes its triggers (§2.1). */
export function deleteTriggersOn(
  env: FgEnv,
  projectId: string,
  ref: Pick<FunctionRef, "package" | "name">,
  qualifier: string,
): void {
  const triggers = triggersOf(env, projectId);
  for (const t of triggersOn(env, projectId, ref, qualifier)) delete triggers[t.trigger_id];
  env.store.commit();
}

/** Every trigger of the project (T7), oldest first. */
export function allTriggers(env: FgEnv, projectId: string): TriggerRecord[] {
  return Object.values(triggersOf(env, projectId));
}

/** T3: a trigger whose function is gone answers the platform's 500 quirk (§4.5). */
export function getTrigger(env: FgEnv, projectId: string, ref: FunctionRef, type: string, id: string): TriggerRecord {
  if (!functionsOf(env, projectId)[funcKey(ref)]) throw triggerErrors.orphaned();
  getFunction(env, projectId, ref);
  const record = triggersOf(env, projectId)[id];
  if (!isTriggerOf(record, ref, type)) throw triggerErrors.notFound(type);
  return record;
}

export function updateTrigger(
  env: FgEnv,
  projectId: string,
  ref: FunctionRef,
  type: string,
  id: string,
  body: UpdateTriggerBody,
): TriggerRecord {
  getFunction(env, projectId, ref);
  const record = triggersOf(env, projectId)[id];
  if (!isTriggerOf(record, ref, type)) throw triggerErrors.updateNotFound();
  const status = body.trigger_status === undefined ? record.trigger_status : checkStatus(type, body.trigger_status);
  const eventData = updatedEventData(type, record.event_data, body.event_data);
  const rescheduled =
    status !== record.trigger_status || JSON.stringify(eventData) !== JSON.stringify(record.event_data);
  Object.assign(record, { trigger_status: status, event_data: eventData, last_updated_time: rfc3339(env.clock.now()) });
  if (rescheduled) syncTimer(env, record);
  env.store.commit();
  return record;
}

export function deleteTrigger(env: FgEnv, projectId: string, ref: FunctionRef, type: string, id: string): void {
  getFunction(env, projectId, ref);
  const triggers = triggersOf(env, projectId);
  const record = triggers[id];
  if (!isTriggerOf(record, ref, type)) throw triggerErrors.notFound(type);
  delete triggers[id];
  env.store.commit();
}

/** T6, and the cascade of a function delete (§4.7: deleting a function deletes its triggers). */
export function deleteTriggersOf(env: FgEnv, projectId: string, ref: Pick<FunctionRef, "package" | "name">): number {
  const triggers = triggersOf(env, projectId);
  const doomed = Object.values(triggers).filter((t) => t.func_key === funcKey(ref));
  for (const t of doomed) delete triggers[t.trigger_id];
  env.store.commit();
  return doomed.length;
}

/** Write-only fields are not echoed (§4.4: passwords are not returned by reads). */
const WRITE_ONLY = new Set<string>(WRITE_ONLY_EVENT_DATA);

/** The wire shape of a trigger (§4.2 response, T2 items, T3). */
export function triggerView(t: TriggerRecord) {
  return {
    trigger_id: t.trigger_id,
    trigger_type_code: t.trigger_type_code,
    trigger_status: t.trigger_status,
    ...(t.event_type_code !== undefined ? { event_type_code: t.event_type_code } : {}),
    event_data: Object.fromEntries(Object.entries(t.event_data).filter(([k]) => !WRITE_ONLY.has(k))),
    last_updated_time: t.last_updated_time,
    created_time: t.created_time,
  };
}
