/**
 * Inputs and outputs of `cloudfn:functiongraph:Trigger`: the zod input schema (rules of
 * docs/reference/functiongraph-api.md §4, messages that name the property and the rule), cross-field rules
 * (which block a type needs, required event_data fields, schedules), and the field lists
 * schema.json is checked against.
 */
import { z } from "zod";
import { NO_DISABLE_TYPES, TIMER_NAME_RE, TRIGGER_STATUSES, TRIGGER_TYPES, missingEventData } from "../../../platform/functiongraph/trigger-rules";
import { SCHEDULE_TYPES, scheduleProblem } from "../../../platform/functiongraph/schedule";

export const DEFAULTS = { status: "ACTIVE" } as const;

/** A function URN, 7 fields or 8 with a version/alias qualifier (§2.1). */
const FUNCTION_URN_RE = /^urn:fss:[^:/]+:[^:/]+:function:[^:/]+:[^:/]+(?::[^:/]+)?$/;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });
const oneOf = (property: string, values: readonly string[]) =>
  str(property).refine((v) => values.includes(v), (v) => ({ message: `${property} must be one of ${values.join(", ")}; got "${v}"` }));

export const timerObject = z.object({
  name: str("timer.name").refine((v) => TIMER_NAME_RE.test(v), (v) => ({
    message: `timer.name must be 1-64 letters, digits, "-" and "_", starting with a letter; got "${v}"`,
  })),
  scheduleType: oneOf("timer.scheduleType", SCHEDULE_TYPES),
  schedule: str("timer.schedule"),
  userEvent: str("timer.userEvent").optional(),
});
export type TimerInputs = z.infer<typeof timerObject>;

/** Field rules; `.partial()` is applied per call to the properties that are unknown in preview. */
export const inputObject = z.object({
  functionUrn: str("functionUrn").refine((v) => FUNCTION_URN_RE.test(v), (v) => ({
    message: `functionUrn must be a function URN (urn:fss:<region>:<project>:function:<package>:<name>[:<version>]); got "${v}"`,
  })),
  type: oneOf("type", TRIGGER_TYPES),
  status: oneOf("status", TRIGGER_STATUSES).default(DEFAULTS.status),
  timer: timerObject.optional(),
  eventData: z.record(z.string(), z.unknown(), { invalid_type_error: "eventData must be an object of event_data fields" }).optional(),
  /** Take over an existing trigger on the first `up` (docs/adopt.md): by adoptId, or a TIMER by timer.name. */
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }).optional(),
  /** The server-assigned trigger_id of the trigger to adopt (required to adopt a non-TIMER trigger). */
  adoptId: str("adoptId").refine((v) => v.length > 0, () => ({ message: "adoptId must not be empty" })).optional(),
});

type Failure = { property: string; reason: string };

function timerIssues(timer: TimerInputs | undefined, unknownKeys: Set<string>): Failure[] {
  if (unknownKeys.has("timer")) return [];
  if (!timer) return [{ property: "timer", reason: "timer is required when type is TIMER (name, scheduleType, schedule)" }];
  const problem = scheduleProblem(timer.scheduleType, timer.schedule);
  return problem ? [{ property: "timer", reason: `timer.schedule: ${problem}` }] : [];
}

/** A TIMER is found by its unique name; other triggers only by their server-assigned id. */
function adoptionIssues(v: Partial<TriggerInputs>, unknownKeys: Set<string>): Failure[] {
  if (unknownKeys.has("adopt") || unknownKeys.has("adoptId")) return [];
  if (v.adoptId !== undefined && !v.adopt) return [{ property: "adoptId", reason: "adoptId is only used with adopt: true" }];
  if (v.adopt && v.adoptId === undefined && v.type !== "TIMER") {
    return [{ property: "adoptId", reason: `adoptId (the trigger_id) is required to adopt a ${v.type} trigger; only TIMER triggers are found by timer.name` }];
  }
  return [];
}

/** Rules that involve two properties; absent (or unknown) values are skipped. */
export function crossFieldIssues(v: Partial<TriggerInputs>, unknownKeys: Set<string>): Failure[] {
  if (v.type === undefined) return [];
  const out: Failure[] = [];
  if (v.type === "TIMER") {
    out.push(...timerIssues(v.timer, unknownKeys));
    if (v.eventData !== undefined) out.push({ property: "eventData", reason: "eventData is not used by TIMER triggers; set timer instead" });
  } else {
    if (v.timer !== undefined) out.push({ property: "timer", reason: `timer applies to TIMER triggers only; type is ${v.type}` });
    if (v.eventData === undefined && !unknownKeys.has("eventData")) out.push({ property: "eventData", reason: `eventData is required for ${v.type} triggers` });
    const missing = v.eventData ? missingEventData(v.type, v.eventData) : [];
    if (missing.length > 0) out.push({ property: "eventData", reason: `eventData must set ${missing.join(", ")} for ${v.type} triggers` });
  }
  out.push(...adoptionIssues(v, unknownKeys));
  if (v.status === "DISABLED" && NO_DISABLE_TYPES.includes(v.type)) out.push({ property: "status", reason: `status DISABLED is not supported for ${v.type} triggers` });
  return out;
}

/** Checked inputs: user properties with defaults applied. */
export interface TriggerInputs {
  functionUrn: string;
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
}

/** Properties a user sets (schema.json `inputProperties`). */
export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
/** Properties computed by FunctionGraph. */
export const COMPUTED_OUTPUTS = ["triggerId", "createdTime", "lastUpdatedTime"] as const;
/** Adoption inputs are instructions for the first `up`, not properties of the trigger. */
export const ADOPTION_INPUTS = ["adopt", "adoptId"];
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES.filter((p) => !ADOPTION_INPUTS.includes(p)), ...COMPUTED_OUTPUTS];
/**
 * Changing these replaces the trigger: functionUrn and type are in its address, and TIMER
 * settings have no documented update (§4.6). eventData replaces too, unless only its tuning
 * fields changed (decided in diff).
 */
export const REPLACE_ON_CHANGE = ["functionUrn", "type", "timer"] as const;
