/**
 * Inputs and outputs of `cloudfn:minapp:CloudFunction`: the zod input schema (docs/reference/minapp-api.md §3,
 * §5, with messages that name the property and the rule), the output shape, and the lists of
 * fields that schema.json is checked against.
 */
import { z } from "zod";
import { PLAN_CIRCLES, PlanCircle } from "../api";

export const DEFAULTS = { remark: "", planCircle: "P_FREE", entry: "index.js" } as const;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

/** Field rules; `.partial()` is applied per call to the properties that are unknown in preview. */
export const inputObject = z.object({
  name: str("name")
    .refine((v) => v.trim() !== "", { message: "name must not be empty" })
    // The name is the URL key (`/cloud-function/<name>/`), so it cannot hold a path separator.
    .refine((v) => !v.includes("/"), (v) => ({ message: `name must not contain "/" (it is a URL path segment); got "${v}"` })),
  /** A string, an asset or an archive; its own rules are checked while building the source. */
  code: z.unknown().refine((v) => v !== undefined && v !== null, { message: "code is required" }),
  entry: str("entry")
    .refine((v) => v.trim() !== "" && !v.startsWith("/") && !v.split(/[\\/]/).includes(".."), (v) => ({ message: `entry must be a relative path inside the archive; got "${v}"` }))
    .default(DEFAULTS.entry),
  remark: str("remark").default(DEFAULTS.remark),
  planCircle: str("planCircle")
    .refine((v) => (PLAN_CIRCLES as readonly string[]).includes(v), (v) => ({ message: `planCircle must be one of ${PLAN_CIRCLES.join(", ")}; got "${v}"` }))
    .default(DEFAULTS.planCircle),
  environmentId: str("environmentId")
    .refine((v) => /^[A-Za-z0-9_-]*$/.test(v), (v) => ({ message: `environmentId must be letters, digits, "-" and "_" (it is sent as the X-Hydrogen-Env-ID header); got "${v}"` }))
    .optional(),
  /** Take over the existing function of this name on the first `up` (docs/adopt.md). */
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }).optional(),
});

/** Checked inputs: user properties with defaults applied, plus the source check computes. */
export interface CloudFunctionInputs {
  name: string;
  /** A string, or a Pulumi asset/archive (wire form, or asset objects in direct calls). */
  code: unknown;
  entry: string;
  remark: string;
  planCircle: PlanCircle;
  /** Test environment id; absent = production. check fills it from `cloudfn:minappEnvironmentId`. */
  environmentId?: string;
  /**
   * Computed by check: the exact JavaScript deployed (`function_code`). Kept as a plain string
   * input so the engine's own input diff renders a line diff of the source in `preview --diff`.
   */
  source: string;
  /** Adopt the existing function on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

/** Outputs: every input plus what MinApp computes and the hash of the deployed source. */
export interface CloudFunctionOutputs extends Omit<CloudFunctionInputs, "adopt"> {
  /** The platform's numeric id. */
  functionId: number;
  auditStatus: string;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  updatedBy: string;
  /** SHA-256 (hex) of the deployed source. */
  codeHash: string;
}

/** Properties a user sets (schema.json `inputProperties`). */
export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
/** Inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = ["source"] as const;
/** Properties computed by MinApp (and our hash of what it runs). */
export const COMPUTED_OUTPUTS = ["functionId", "auditStatus", "createdAt", "updatedAt", "createdBy", "updatedBy", "codeHash"] as const;
/** Every output property (schema.json `properties`, the SDK class's declared outputs). */
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES.filter((p) => p !== "adopt"), ...HIDDEN_INPUTS, ...COMPUTED_OUTPUTS];
/** The name is the platform's key, and the environment is another namespace: both replace. */
export const REPLACE_ON_CHANGE = ["name", "environmentId"] as const;
/** Applied in place with one PATCH. `code` and `entry` matter only through `source`. */
export const PATCH_FIELDS = ["source", "remark", "planCircle"] as const;
