/**
 * The zod rules of `cloudfn:functiongraph:Trigger`'s properties (docs/reference/functiongraph-api.md §4),
 * used by its definition; messages name the property and the rule. Optionality and defaults
 * come from the definition (./definition.ts); rules that involve two properties are in ./schema.ts.
 */
import { z } from "zod";
import { knownFieldsOnly, oneOfRule } from "../../core/rules";
import { TIMER_NAME_RE, TRIGGER_STATUSES, TRIGGER_TYPES } from "../../../platform/functiongraph/trigger-rules";
import { SCHEDULE_TYPES } from "../../../platform/functiongraph/schedule";

/** A function URN, 7 fields or 8 with a version/alias qualifier (§2.1). */
const FUNCTION_URN_RE = /^urn:fss:[^:/]+:[^:/]+:function:[^:/]+:[^:/]+(?::[^:/]+)?$/;

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const timerObject = z.object({
  name: str("timer.name").refine(
    (v) => TIMER_NAME_RE.test(v),
    (v) => ({
      message: `timer.name must be 1-64 letters, digits, "-" and "_", starting with a letter; got "${v}"`,
    }),
  ),
  scheduleType: oneOfRule("timer.scheduleType", SCHEDULE_TYPES),
  schedule: str("timer.schedule"),
  userEvent: str("timer.userEvent").optional(),
});
export type TimerInputs = z.infer<typeof timerObject>;

export const fieldRules = {
  functionUrn: str("functionUrn").refine(
    (v) => FUNCTION_URN_RE.test(v),
    (v) => ({
      message: `functionUrn must be a function URN (urn:fss:<region>:<project>:function:<package>:<name>[:<version>]); got "${v}"`,
    }),
  ),
  type: oneOfRule("type", TRIGGER_TYPES),
  status: oneOfRule("status", TRIGGER_STATUSES),
  timer: knownFieldsOnly(timerObject, "timer"),
  eventData: z.record(z.string(), z.unknown(), {
    invalid_type_error: "eventData must be an object of event_data fields",
  }),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
  adoptId: str("adoptId").refine(
    (v) => v.length > 0,
    () => ({ message: "adoptId must not be empty" }),
  ),
};
