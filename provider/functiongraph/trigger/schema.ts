/**
 * Inputs and outputs of `cloudfn:functiongraph:Trigger` as the provider sees them: the types,
 * the property lists derived from the definition (./definition.ts), and the cross-field rules
 * (which block a type needs, required event_data fields, schedules).
 */
import { defaultsOf, replaceOnChange } from "../../core/definition";
import { inputObjectOf } from "../../core/check";
import { triggerDefinition } from "./definition";
import type { TimerInputs } from "./rules";
import { NO_DISABLE_TYPES, missingEventData } from "../../../platform/functiongraph/trigger-rules";
import { scheduleProblem } from "../../../platform/functiongraph/schedule";
import { qualifierConflict } from "../qualifier";

export type { TimerInputs } from "./rules";

export const DEFAULTS = defaultsOf(triggerDefinition) as { status: string };
/** The zod object check validates with, built from the definition. */
export const inputObject = inputObjectOf(triggerDefinition);

interface Failure {
  property: string;
  reason: string;
}

function timerIssues(timer: TimerInputs | undefined, unknownKeys: Set<string>): Failure[] {
  if (unknownKeys.has("timer")) return [];
  if (!timer)
    return [{ property: "timer", reason: "timer is required when type is TIMER (name, scheduleType, schedule)" }];
  const problem = scheduleProblem(timer.scheduleType, timer.schedule);
  return problem ? [{ property: "timer", reason: `timer.schedule: ${problem}` }] : [];
}

/** A TIMER is found by its unique name; other triggers only by their server-assigned id. */
function adoptionIssues(v: Partial<TriggerInputs>, unknownKeys: Set<string>): Failure[] {
  if (unknownKeys.has("adopt") || unknownKeys.has("adoptId")) return [];
  if (v.adoptId !== undefined && !v.adopt)
    return [{ property: "adoptId", reason: "adoptId is only used with adopt: true" }];
  if (v.adopt && v.adoptId === undefined && v.type !== "TIMER") {
    return [
      {
        property: "adoptId",
        reason: `adoptId (the trigger_id) is required to adopt a ${v.type} trigger; only TIMER triggers are found by timer.name`,
      },
    ];
  }
  return [];
}

/** Rules that involve two properties; absent (or unknown) values are skipped. */
export function crossFieldIssues(v: Partial<TriggerInputs>, unknownKeys: Set<string>): Failure[] {
  if (v.type === undefined) return [];
  const out: Failure[] = [];
  if (v.type === "TIMER") {
    out.push(...timerIssues(v.timer, unknownKeys));
    if (v.eventData !== undefined)
      out.push({ property: "eventData", reason: "eventData is not used by TIMER triggers; set timer instead" });
  } else {
    if (v.timer !== undefined)
      out.push({ property: "timer", reason: `timer applies to TIMER triggers only; type is ${v.type}` });
    if (v.eventData === undefined && !unknownKeys.has("eventData"))
      out.push({ property: "eventData", reason: `eventData is required for ${v.type} triggers` });
    const missing = v.eventData ? missingEventData(v.type, v.eventData) : [];
    if (missing.length > 0)
      out.push({ property: "eventData", reason: `eventData must set ${missing.join(", ")} for ${v.type} triggers` });
  }
  out.push(...adoptionIssues(v, unknownKeys));
  const contradiction = qualifierConflict(v.functionUrn, v.qualifier);
  if (contradiction) out.push({ property: "qualifier", reason: contradiction });
  if (v.status === "DISABLED" && NO_DISABLE_TYPES.includes(v.type))
    out.push({ property: "status", reason: `status DISABLED is not supported for ${v.type} triggers` });
  return out;
}

/** Checked inputs: user properties with defaults applied. */
export interface TriggerInputs {
  functionUrn: string;
  /** `latest`, a version or `!alias`; unset = functionUrn as written. */
  qualifier?: string;
  type: string;
  status: string;
  timer?: TimerInputs;
  /** event_data of non-TIMER types, wire (snake_case) keys. */
  eventData?: Record<string, unknown>;
  /** Adopt the existing trigger on the first `up`; never compared, never an output. */
  adopt?: boolean;
  /** trigger_id of the trigger to adopt; never compared, never an output. */
  adoptId?: string;
}

/** Outputs: the inputs (as last read) plus what FunctionGraph assigns. */
export interface TriggerOutputs extends Omit<TriggerInputs, "adopt" | "adoptId"> {
  triggerId: string;
  createdTime: string;
  lastUpdatedTime: string;
  /** APIG types: event_data.invoke_url as the service reports it. */
  invokeUrl?: string;
}

/** Properties a user sets. */
export const INPUT_PROPERTIES = Object.keys(triggerDefinition.inputs) as (keyof typeof triggerDefinition.inputs)[];
/**
 * Changing these replaces the trigger: functionUrn and type are in its address, and TIMER
 * settings have no documented update (docs/reference/functiongraph-api.md §4.6). eventData replaces too, unless only its tuning
 * fields changed (decided in diff).
 */
export const REPLACE_ON_CHANGE = replaceOnChange(triggerDefinition);
