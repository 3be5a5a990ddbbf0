/**
 * `adopt: true` for `cloudfn:functiongraph:Trigger`: the first `up` takes over an existing trigger
 * instead of creating it. Trigger ids are assigned by FunctionGraph, so the trigger is found by
 * `adoptId` (ShowFunctionTrigger, T3) or, for a TIMER without `adoptId`, by its timer name, which
 * is unique per function (ListFunctionTriggers, T2). Then UpdateTrigger (T4) only if the status or
 * a tuning field of eventData differs — the call an update would make. Never CreateFunctionTrigger.
 * Settings that only a replacement could change (timer schedule, other eventData) must match the
 * live trigger: adopting is not allowed to delete and recreate it.
 */
import { CreateResult } from "@pulumi/pulumi/dynamic";
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { NotFoundError } from "../../core/errors";
import { FunctionGraphClient } from "../client";
import { TriggerInfo, UpdateTriggerBody, triggerSchema } from "./api";
import { changedEventDataKeys, onlyTuningChanged, outputsFrom, timerOf, triggerId, tuningOf } from "./mapping";
import { DEFAULTS, TriggerInputs, TriggerOutputs } from "./schema";

/** Registry key of a trigger by id (provider id form), shared by adopt and diff. */
export const adoptionKey = (id: string): string => `functiongraph:trigger:${id}`;
/** Registry key of a TIMER by its name, unique per function. */
export const timerNameKey = (functionUrn: string, name: string): string =>
  `functiongraph:trigger:${functionUrn}/TIMER/name=${name}`;

/** The key an adopting create claims before any call (what the inputs name). */
export function declaredKey(inputs: Pick<TriggerInputs, "functionUrn" | "type" | "adoptId" | "timer">): string {
  return inputs.adoptId
    ? adoptionKey(triggerId(inputs.functionUrn, inputs.type, inputs.adoptId))
    : timerNameKey(inputs.functionUrn, inputs.timer?.name ?? "");
}

export function describe(inputs: Pick<TriggerInputs, "functionUrn" | "type" | "adoptId" | "timer">): string {
  const which = inputs.adoptId ? `id ${inputs.adoptId}` : `timer "${inputs.timer?.name}"`;
  return `FunctionGraph ${inputs.type} trigger (${which}) of ${inputs.functionUrn}`;
}

async function find(fg: FunctionGraphClient, inputs: TriggerInputs): Promise<TriggerInfo | undefined> {
  if (inputs.adoptId) return fg.getTrigger(inputs.functionUrn, inputs.type, inputs.adoptId);
  const all = await fg.listTriggers(inputs.functionUrn);
  return all.find((t) => t.trigger_type_code === "TIMER" && t.event_data?.name === inputs.timer?.name);
}

/** What the program declares that the live trigger cannot take without a replacement. */
function replaceOnlyDifferences(live: TriggerOutputs, inputs: TriggerInputs): string[] {
  if (inputs.type === "TIMER") {
    const t = live.timer;
    const want = timerOf(inputs);
    const same =
      t?.scheduleType === want.scheduleType &&
      t.schedule === want.schedule &&
      (t.userEvent ?? "") === (want.userEvent ?? "");
    return same
      ? []
      : [`timer (live: ${t?.scheduleType} "${t?.schedule}"${t?.userEvent ? `, userEvent "${t.userEvent}"` : ""})`];
  }
  const keys = changedEventDataKeys(live.eventData, inputs.eventData);
  return onlyTuningChanged(keys) ? [] : keys.filter((k) => !onlyTuningChanged([k])).map((k) => `eventData.${k}`);
}

async function readForAdoption(fg: FunctionGraphClient, inputs: TriggerInputs, key: string): Promise<TriggerInfo> {
  const what = describe(inputs);
  let live: TriggerInfo | undefined;
  try {
    live = await find(fg, inputs);
  } catch (e) {
    releaseAdoption(key);
    if (!(e instanceof NotFoundError)) throw e;
  }
  if (live?.trigger_type_code !== inputs.type) {
    releaseAdoption(key);
    throw adoptionNotFound(what, key.replace(/^functiongraph:trigger:/, ""));
  }
  return live;
}

/**
 * Create with `adopt: true`: adopts and updates what differs; undefined when this create replaces
 * a resource of the stack (the caller then creates normally).
 */
export async function adoptTrigger(
  fg: FunctionGraphClient,
  inputs: TriggerInputs,
): Promise<CreateResult<TriggerOutputs> | undefined> {
  const key = declaredKey(inputs);
  if (!claimForAdoption(key, describe(inputs))) return undefined;
  const live = await readForAdoption(fg, inputs, key);
  const id = triggerId(inputs.functionUrn, inputs.type, live.trigger_id);
  // A TIMER found by name is also claimed by id, so adopting it once by name and once by id fails.
  if (!inputs.adoptId) claimForAdoption(adoptionKey(id), describe(inputs));
  const current = outputsFrom(inputs.functionUrn, live, inputs);
  const blocked = replaceOnlyDifferences(current, inputs);
  if (blocked.length > 0) {
    releaseAdoption(key);
    releaseAdoption(adoptionKey(id));
    throw new Error(
      `cannot adopt ${describe(inputs)}: ${blocked.join(", ")} differ(s) from the program and cannot change in place; declare the live values (then change them in a later update to replace the trigger)`,
    );
  }
  const tuning = changedEventDataKeys(current.eventData, inputs.eventData);
  const statusDiffers = (live.trigger_status ?? DEFAULTS.status) !== inputs.status;
  let info = live;
  if (statusDiffers || tuning.length > 0) {
    const body: UpdateTriggerBody = {
      trigger_status: inputs.status,
      ...(tuning.length > 0 ? { event_data: tuningOf(inputs.eventData) } : {}),
    };
    const answered = triggerSchema.safeParse(
      await fg.updateTrigger(inputs.functionUrn, inputs.type, live.trigger_id, body),
    );
    info = answered.success ? answered.data : await fg.getTrigger(inputs.functionUrn, inputs.type, live.trigger_id);
  }
  return { id, outs: outputsFrom(inputs.functionUrn, info, inputs) };
}
