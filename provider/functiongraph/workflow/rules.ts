/**
 * The zod rules of `cloudfn:functiongraph:Workflow`'s properties (docs/reference/functiongraph-api.md §6): the
 * typed definition, with messages that name the property and the rule. Leaf strings accept the
 * engine's unknown sentinel, so a definition that uses a function URN not known yet in preview
 * still validates the rest. Optionality and defaults come from the definition (./definition.ts).
 */
import { z } from "zod";
import { notOneOfMessage } from "../../core/rules";
import { UNKNOWN } from "../../core/diff";
import {
  ACTION_MODES,
  FLOW_CHARS_CLASS,
  LOG_LEVELS,
  STATE_TYPES,
  WORKFLOW_LIMITS,
  WORKFLOW_MODES,
} from "../../../platform/functiongraph/workflow";

export const MODES = WORKFLOW_MODES;
export { ACTION_MODES, LOG_LEVELS, STATE_TYPES };
export const LIMITS = WORKFLOW_LIMITS;

/** Letters, digits, `_ ( ) . -` and CJK ideographs U+4E00–U+9FA5 (§6.1; also the description rule). */
const FLOW_CHARS = new RegExp(`^[${FLOW_CHARS_CLASS}]*$`);
const FUNCTION_URN_RE = /^urn:fss:[^:]+:[^:]+:function:[^:]+:[^:]+(?::[^:]+)?$/;

/** A string rule that lets the unknown sentinel through. */
function rule(property: string, ok: (v: string) => boolean, message: (v: string) => string) {
  return z
    .string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` })
    .refine(
      (v) => v === UNKNOWN || ok(v),
      (v) => ({ message: message(v) }),
    );
}
const oneOf = (property: string, values: readonly string[]) =>
  rule(
    property,
    (v) => values.includes(v),
    (v) => notOneOfMessage(property, values, v),
  );
const id = (property: string) =>
  rule(
    property,
    (v) => v.length >= 1 && v.length <= LIMITS.id,
    () => `${property} must be 1-${LIMITS.id} characters`,
  );
const nonNegativeInt = (property: string) =>
  z
    .number({ invalid_type_error: `${property} must be a number` })
    .int(`${property} must be an integer`)
    .min(0, `${property} must be 0 or more`);

export const functionObject = z.object({
  name: id("functions[].name"),
  functionUrn: rule(
    "functions[].functionUrn",
    (v) => FUNCTION_URN_RE.test(v),
    (v) =>
      `functions[].functionUrn must be a function URN (urn:fss:{region}:{project}:function:{package}:{name}[:{version}]); got "${v}"`,
  ),
  metadata: z.record(z.unknown()).optional(),
});

export const actionObject = z.object({
  functionRef: z.object({
    refName: id("functionRef.refName"),
    invokeMode: oneOf("functionRef.invokeMode", ["synchronize"]).optional(),
    arguments: z.record(z.unknown()).optional(),
  }),
});

export const stateObject = z.object({
  id: id("states[].id"),
  name: id("states[].name").optional(),
  type: oneOf("states[].type", STATE_TYPES),
  end: z.boolean().optional(),
  transition: z.string().optional(),
  actions: z.array(actionObject).optional(),
  actionMode: oneOf("states[].actionMode", ACTION_MODES).optional(),
  onErrors: z
    .array(
      z.object({ error: z.string().optional(), transition: z.string().optional(), retryRef: z.string().optional() }),
    )
    .optional(),
  stateDataFilter: z.object({ input: z.string().optional(), output: z.string().optional() }).optional(),
  duration: nonNegativeInt("states[].duration").optional(),
});

export const retryObject = z.object({
  name: id("retries[].name"),
  delay: nonNegativeInt("retries[].delay").optional(),
  maxAttempts: nonNegativeInt("retries[].maxAttempts").optional(),
});

export const rules = {
  name: rule(
    "name",
    (v) => v.length >= 1 && v.length <= LIMITS.name && FLOW_CHARS.test(v),
    (v) =>
      `name must be 1-${LIMITS.name} characters of letters, digits, CJK characters, "_", "(", ")", "." and "-"; got "${v}"`,
  ),
  description: rule(
    "description",
    (v) => v.length <= LIMITS.description && FLOW_CHARS.test(v),
    (v) =>
      `description must be at most ${LIMITS.description} characters of letters, digits, CJK characters, "_", "(", ")", "." and "-" (no spaces, per the API reference); got "${v}"`,
  ),
  mode: oneOf("mode", MODES),
  start: id("start"),
  functions: z
    .array(functionObject, { required_error: "functions is required", invalid_type_error: "functions must be a list" })
    .max(LIMITS.functions, `functions must have at most ${LIMITS.functions} entries`),
  states: z
    .array(stateObject, { required_error: "states is required", invalid_type_error: "states must be a list" })
    .min(1, "states must have at least one state")
    .max(LIMITS.states, `states must have at most ${LIMITS.states} entries`),
  constants: z.record(z.unknown(), { invalid_type_error: "constants must be an object" }),
  retries: z
    .array(retryObject, { invalid_type_error: "retries must be a list" })
    .max(LIMITS.retries, `retries must have at most ${LIMITS.retries} entries`),
  expressConfig: z.object({ logLevel: oneOf("expressConfig.logLevel", LOG_LEVELS) }),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
};

export type WorkflowFunction = z.infer<typeof functionObject>;
export type WorkflowState = z.infer<typeof stateObject>;
export type WorkflowRetry = z.infer<typeof retryObject>;
