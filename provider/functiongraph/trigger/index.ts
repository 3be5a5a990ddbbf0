/**
 * Resource provider for `cloudfn:functiongraph:Trigger` (a FunctionGraph function trigger).
 *
 * Identifier: `<function_urn>/<trigger_type_code>/<trigger_id>` — every trigger API addresses a
 *   trigger by all three (the import format of Huawei's Terraform provider too). With a
 *   `qualifier` the URN is the qualified one (`...:hello:!live`); without, functionUrn as
 *   written, so ids made before qualifiers existed are unchanged.
 * Replace on change: functionUrn, qualifier, type, timer (no documented update for TIMER settings), and
 *   eventData unless only its pull-trigger tuning fields changed (is_serial, max_fetch_bytes,
 *   polling_interval, polling_unit). status (ACTIVE/DISABLED) updates in place.
 * Computed outputs: triggerId, createdTime, lastUpdatedTime. eventData outputs hold only the
 *   keys the user declared, so keys the service adds never show as drift.
 * API calls per step (docs/reference/functiongraph-api.md §4):
 *   check  — none (zod validation; TIMER schedules checked with the platform's rules).
 *   diff   — none (compares declared fields with the old outputs).
 *   create — with `adopt: true`: ShowFunctionTrigger (T3) by adoptId, or ListFunctionTriggers
 *            (T2) for a TIMER by name, then UpdateTrigger (T4) only if status or tuning differ
 *            (adopt.ts, docs/adopt.md). Otherwise CreateFunctionTrigger (T1). On 409 (a lost response of our own earlier create, or
 *            a same-named timer) ListFunctionTriggers (T2) and reconcile with the trigger whose type and
 *            event_data match, UpdateTrigger (T4) if its status differs; else fail clearly.
 *   read   — ShowFunctionTrigger (T3), never a list; 404, or the platform's 500 FSS.0500
 *            "Error getting associated function" (parent function gone), means gone.
 *   update — UpdateTrigger (T4) with the status and any changed tuning fields.
 *   delete — DeleteFunctionTrigger (T5); 404, 401 FSS.0401 (parent function gone) and the
 *            FSS.0500 quirk mean already deleted.
 */
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { AuthError, ConflictError, NotFoundError, ServerError } from "../../core/errors";
import { changedFields, containsUnknown } from "../../core/diff";
import { FunctionGraphClient, ClientOptions } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { triggerSchema, TriggerInfo, UpdateTriggerBody } from "./api";
import { checkTriggerInputs } from "./check";
import {
  changedEventDataKeys,
  createBody,
  inputsFrom,
  matches,
  onlyTuningChanged,
  outputsFrom,
  parseTriggerId,
  triggerId,
  tuningOf,
} from "./mapping";
import { adoptTrigger, adoptionKey, declaredKey, describe, timerNameKey } from "./adopt";
import { noteManaged, noteReplacement } from "../../core/adoption";
import { DEFAULTS, REPLACE_ON_CHANGE, TriggerInputs, TriggerOutputs } from "./schema";
import { targetUrn } from "../qualifier";
import { dropUndefined } from "../../core/check";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

function client(): FunctionGraphClient {
  return new FunctionGraphClient(resolveSettings(), tuning.client);
}

/** The platform's ways of saying "this trigger (or its function) no longer exists". */
export function isGone(e: unknown): boolean {
  if (e instanceof NotFoundError) return true;
  if (e instanceof AuthError) return e.status === 401 && e.code === "FSS.0401";
  return e instanceof ServerError && e.code === "FSS.0500" && /associated function/i.test(e.platformMessage);
}

/** The inputs with functionUrn qualified as the calls address it. */
const addressed = (inputs: TriggerInputs): TriggerInputs => ({
  ...inputs,
  functionUrn: targetUrn(inputs.functionUrn, inputs.qualifier),
});
const asDeclared = (inputs: TriggerInputs) =>
  dropUndefined({ functionUrn: inputs.functionUrn, qualifier: inputs.qualifier });

const NORMALIZERS = { status: (v: unknown) => v ?? DEFAULTS.status };

/** Our own trigger from a create whose response was lost, or a clear error. */
async function reconcileLostCreate(
  fg: FunctionGraphClient,
  inputs: TriggerInputs,
  cause: ConflictError,
): Promise<TriggerInfo> {
  const mine = (await fg.listTriggers(inputs.functionUrn)).find((t) => matches(t, inputs));
  if (!mine) {
    throw new Error(
      `a ${inputs.type} trigger that conflicts with this one already exists on ${inputs.functionUrn} and does not match its settings, so it was not created by this deployment; delete it or change the settings (${cause.message})`,
    );
  }
  if ((mine.trigger_status ?? DEFAULTS.status) === inputs.status) return mine;
  await fg.updateTrigger(inputs.functionUrn, inputs.type, mine.trigger_id, { trigger_status: inputs.status });
  return fg.getTrigger(inputs.functionUrn, inputs.type, mine.trigger_id);
}

export const provider: ResourceProvider<TriggerInputs, TriggerOutputs> = profiled({
  configure,

  async check(_olds: TriggerInputs, news: TriggerInputs): Promise<CheckResult<TriggerInputs>> {
    return checkTriggerInputs(news);
  },

  async diff(id: string, olds: TriggerOutputs, news: TriggerInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(id), describe({ ...olds, adoptId: olds.triggerId }));
    if (olds.type === "TIMER" && olds.timer)
      noteManaged(timerNameKey(targetUrn(olds.functionUrn, olds.qualifier), olds.timer.name), describe(olds));
    const changed = changedFields(olds, news, [...REPLACE_ON_CHANGE, "status", "eventData"], NORMALIZERS);
    const eventKeys = containsUnknown(news.eventData) ? ["?"] : changedEventDataKeys(olds.eventData, news.eventData);
    const replaces = changed.filter(
      (f) =>
        (REPLACE_ON_CHANGE as readonly string[]).includes(f) || (f === "eventData" && !onlyTuningChanged(eventKeys)),
    );
    if (replaces.length === 0) return { changes: changed.length > 0, replaces: [] };
    // The replacement is created, never adopted, even if the program still says `adopt: true`.
    if (
      news.adopt &&
      !containsUnknown(news.functionUrn) &&
      !containsUnknown(news.qualifier) &&
      !containsUnknown(news.timer) &&
      !containsUnknown(news.adoptId)
    )
      noteReplacement(declaredKey(addressed(news)), describe(addressed(news)));
    // A same-named timer (or same-settings trigger) on the same function would collide: delete first.
    const sameTimerName = olds.timer?.name === news.timer?.name;
    const sameTarget = !changed.includes("functionUrn") && !changed.includes("qualifier");
    const collides = sameTarget && (news.type !== "TIMER" || sameTimerName);
    return { changes: true, replaces, deleteBeforeReplace: collides };
  },

  async create(declared: TriggerInputs): Promise<CreateResult<TriggerOutputs>> {
    const fg = client();
    // Every call (and the id) addresses the version or alias; outputs keep what the program wrote.
    const inputs = { ...declared, functionUrn: targetUrn(declared.functionUrn, declared.qualifier) };
    const adopted = inputs.adopt ? await adoptTrigger(fg, inputs) : undefined;
    if (adopted) return { ...adopted, outs: { ...adopted.outs, ...asDeclared(declared) } as TriggerOutputs };
    let info: TriggerInfo;
    try {
      info = await fg.createTrigger(inputs.functionUrn, createBody(inputs));
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      info = await reconcileLostCreate(fg, inputs, e);
    }
    const outs = outputsFrom(inputs.functionUrn, info, declared);
    return { id: triggerId(inputs.functionUrn, inputs.type, info.trigger_id), outs };
  },

  async read(id: string, props?: TriggerOutputs): Promise<ReadResult<TriggerOutputs>> {
    const ref = parseTriggerId(id);
    let info: TriggerInfo;
    try {
      info = await client().getTrigger(ref.functionUrn, ref.type, ref.triggerId);
    } catch (e) {
      if (isGone(e)) return {};
      throw e;
    }
    const outs = outputsFrom(ref.functionUrn, info, props ?? {});
    return { id, props: outs, inputs: inputsFrom(outs) as TriggerOutputs };
  },

  async update(id: string, olds: TriggerOutputs, news: TriggerInputs): Promise<UpdateResult<TriggerOutputs>> {
    const fg = client();
    const ref = parseTriggerId(id);
    const tuningChanged = changedEventDataKeys(olds.eventData, news.eventData).length > 0;
    const body: UpdateTriggerBody = {
      trigger_status: news.status,
      ...(tuningChanged ? { event_data: tuningOf(news.eventData) } : {}),
    };
    const answered = triggerSchema.safeParse(await fg.updateTrigger(ref.functionUrn, ref.type, ref.triggerId, body));
    // Older platform versions answer an empty body: read the trigger back instead.
    const info = answered.success ? answered.data : await fg.getTrigger(ref.functionUrn, ref.type, ref.triggerId);
    return { outs: outputsFrom(ref.functionUrn, info, news) };
  },

  async delete(id: string): Promise<void> {
    const ref = parseTriggerId(id);
    try {
      await client().deleteTrigger(ref.functionUrn, ref.type, ref.triggerId);
    } catch (e) {
      if (!isGone(e)) throw e;
    }
  },
});
