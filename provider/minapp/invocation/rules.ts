/**
 * The rules for `cloudfn:minapp:Invocation` inputs, as zod, with messages that name the
 * property and the rule. Optionality and defaults come from the definition (./definition.ts).
 */
import { z } from "zod";
import { oneOfRule } from "../../core/rules";

export const MODES = ["sync", "async", "debug"] as const;

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const rules = {
  functionName: str("functionName")
    .refine((v) => v.trim() !== "", { message: "functionName must not be empty" })
    .refine(
      (v) => !v.includes("/"),
      (v) => ({ message: `functionName must not contain "/"; got "${v}"` }),
    ),
  environmentId: str("environmentId").refine(
    (v) => /^[A-Za-z0-9_-]*$/.test(v),
    (v) => ({ message: `environmentId must be letters, digits, "-" and "_"; got "${v}"` }),
  ),
  /** The job API requires an object (`{}` when there is nothing to pass). */
  data: z
    .record(z.string(), z.unknown(), {
      invalid_type_error: "data must be an object (the function receives it as event.data)",
    })
    .refine((v) => !Array.isArray(v), { message: "data must be an object, not a list" }),
  mode: oneOfRule("mode", MODES),
  codeHash: str("codeHash"),
};
