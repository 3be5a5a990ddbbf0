/**
 * Inputs and outputs of `cloudfn:minapp:Invocation`: one run of a cloud function through the job
 * API (sync or async) or the debug API, repeated whenever its inputs change.
 */
import { z } from "zod";

export const MODES = ["sync", "async", "debug"] as const;
export type InvocationMode = (typeof MODES)[number];
export const DEFAULTS = { mode: "sync" } as const;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const inputObject = z.object({
  functionName: str("functionName")
    .refine((v) => v.trim() !== "", { message: "functionName must not be empty" })
    .refine((v) => !v.includes("/"), (v) => ({ message: `functionName must not contain "/"; got "${v}"` })),
  environmentId: str("environmentId")
    .refine((v) => /^[A-Za-z0-9_-]*$/.test(v), (v) => ({ message: `environmentId must be letters, digits, "-" and "_"; got "${v}"` }))
    .optional(),
  /** The job API requires an object (`{}` when there is nothing to pass). */
  data: z
    .record(z.string(), z.unknown(), { invalid_type_error: "data must be an object (the function receives it as event.data)" })
    .refine((v) => !Array.isArray(v), { message: "data must be an object, not a list" })
    .optional(),
  mode: str("mode")
    .refine((v) => (MODES as readonly string[]).includes(v), (v) => ({ message: `mode must be one of ${MODES.join(", ")}; got "${v}"` }))
    .default(DEFAULTS.mode),
  /** Any value whose change should run the function again; the SDK passes the function's codeHash. */
  codeHash: str("codeHash").optional(),
});

export interface InvocationInputs {
  functionName: string;
  environmentId?: string;
  data?: Record<string, unknown>;
  mode: InvocationMode;
  codeHash?: string;
}

export interface InvocationOutputs extends InvocationInputs {
  /** What the function returned (async: the platform's `{status: "ok"}`). */
  result: unknown;
  /** Debug mode only: the platform's job id and the run's log lines. */
  jobId?: string;
  log?: string;
}

export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
export const COMPUTED_OUTPUTS = ["result", "jobId", "log"] as const;
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES, ...COMPUTED_OUTPUTS];
/** Nothing is replaced: any change runs the function again (an update). */
export const REPLACE_ON_CHANGE = [] as const;
export const RUN_FIELDS = ["functionName", "environmentId", "data", "mode", "codeHash"] as const;
