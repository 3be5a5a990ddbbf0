/**
 * The rules for `cloudfn:leancloud:EngineEnvironmentVariables` inputs, as zod (lean-cli's rules:
 * no names starting with LEANCLOUD or LEAN_CLI, which the runtime owns), with messages that name
 * the property and the rule. Optionality and defaults come from the definition (./definition.ts).
 */
import { z } from "zod";
import { RESERVED_ENV_VAR_PREFIX_RE as RESERVED } from "../../../platform/leancloud/environment-variables";

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

function varMap(property: string) {
  return z
    .record(z.string(), z.string({ invalid_type_error: `${property} values must be strings` }), {
      invalid_type_error: `${property} must be a map of strings`,
    })
    .superRefine((vars, ctx) => {
      for (const name of Object.keys(vars)) {
        if (!NAME_RE.test(name))
          ctx.addIssue({
            code: "custom",
            message: `${property} name "${name}" must be 1-128 letters, digits and "_", not starting with a digit`,
          });
        else if (RESERVED.test(name))
          ctx.addIssue({
            code: "custom",
            message: `${property} name "${name}" is reserved: names starting with LEANCLOUD or LEAN_CLI belong to the runtime`,
          });
      }
    });
}

export const rules = {
  group: str("group").refine(
    (v) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v),
    (v) => ({ message: `group must be 1-64 letters, digits, "-" and "_"; got "${v}"` }),
  ),
  variables: varMap("variables"),
  secretVariables: varMap("secretVariables"),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
};

/** A name may be declared in one of the two maps only. */
export function overlapIssue(v: {
  variables?: Record<string, string>;
  secretVariables?: Record<string, string>;
}): { property: string; reason: string } | undefined {
  const both = Object.keys(v.variables ?? {}).filter((k) => k in (v.secretVariables ?? {}));
  return both.length
    ? { property: "secretVariables", reason: `secretVariables must not repeat names of variables: ${both.join(", ")}` }
    : undefined;
}
