/**
 * Inputs and outputs of `cloudfn:leancloud:EngineEnvironmentVariables`: the zod input schema
 * (lean-cli's rules: no names starting with LEANCLOUD or LEAN_CLI, which the runtime owns) and
 * the field lists schema.json is checked against.
 */
import { z } from "zod";
import { RESERVED_ENV_VAR_PREFIX_RE } from "../../../platform/leancloud/environment-variables";

export const DEFAULTS = { group: "web" } as const;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const RESERVED = RESERVED_ENV_VAR_PREFIX_RE;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

function varMap(property: string) {
  return z.record(z.string(), z.string({ invalid_type_error: `${property} values must be strings` }), { invalid_type_error: `${property} must be a map of strings` }).superRefine((vars, ctx) => {
    for (const name of Object.keys(vars)) {
      if (!NAME_RE.test(name)) ctx.addIssue({ code: "custom", message: `${property} name "${name}" must be 1-128 letters, digits and "_", not starting with a digit` });
      else if (RESERVED.test(name)) ctx.addIssue({ code: "custom", message: `${property} name "${name}" is reserved: names starting with LEANCLOUD or LEAN_CLI belong to the runtime` });
    }
  });
}

export const inputObject = z.object({
  group: str("group").refine((v) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v), (v) => ({ message: `group must be 1-64 letters, digits, "-" and "_"; got "${v}"` })).default(DEFAULTS.group),
  variables: varMap("variables").optional(),
  secretVariables: varMap("secretVariables").optional(),
  /** Take ownership of declared names that already exist on the first `up` (docs/adopt.md). */
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }).optional(),
});

/** A name may be declared in one of the two maps only. */
export function overlapIssue(v: { variables?: Record<string, string>; secretVariables?: Record<string, string> }): { property: string; reason: string } | undefined {
  const both = Object.keys(v.variables ?? {}).filter((k) => k in (v.secretVariables ?? {}));
  return both.length ? { property: "secretVariables", reason: `secretVariables must not repeat names of variables: ${both.join(", ")}` } : undefined;
}

export interface EnvVarsInputs {
  group: string;
  variables?: Record<string, string>;
  secretVariables?: Record<string, string>;
  /** Hidden: name → scrypt hash of the value (the values are never stored outside secret inputs). */
  secretVariableHashes?: Record<string, string>;
  /** Adopt existing names on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

export interface EnvVarsOutputs extends Omit<EnvVarsInputs, "secretVariables" | "adopt"> {}

export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
export const HIDDEN_INPUTS = ["secretVariableHashes"] as const;
export const OUTPUT_PROPERTIES = ["group", "variables", ...HIDDEN_INPUTS];
export const REPLACE_ON_CHANGE = ["group"] as const;
export const COMPARED_FIELDS = ["group", "variables", "secretVariableHashes"] as const;
