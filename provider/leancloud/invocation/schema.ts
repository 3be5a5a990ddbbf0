/**
 * Inputs and outputs of `cloudfn:leancloud:Invocation`: the zod input schema (messages name the
 * property and the rule) and the field lists schema.json is checked against.
 */
import { z } from "zod";
import { badTypedValue, notJsonReason } from "../rpc-codec";

export const ENVIRONMENTS = ["production", "staging"] as const;
export const DEFAULTS = { rpc: false, environment: "production", useMasterKey: false } as const;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

/** One URL path segment; `_ops` is the engine's own (metadatas), a slash would address another path. */
export const functionName = (property: string) =>
  str(property).superRefine((v, ctx) => {
    if (v.length === 0 || v.length > 128) ctx.addIssue({ code: "custom", message: `${property} must be 1-128 characters; got ${v.length}` });
    else if (/[/\\?#%\s]/.test(v)) ctx.addIssue({ code: "custom", message: `${property} must be one URL path segment: no "/", "\\", "?", "#", "%" or spaces; got "${v}"` });
    else if (v === "_ops") ctx.addIssue({ code: "custom", message: `${property} "_ops" is reserved by LeanEngine` });
  });

export const environment = (property: string) =>
  str(property).refine((v) => (ENVIRONMENTS as readonly string[]).includes(v), (v) => ({ message: `${property} must be "production" or "staging"; got "${v}"` }));

/** Params: a JSON object or array, or the JSON text of one. */
const params = z.unknown().superRefine((v, ctx) => {
  let value = v;
  if (typeof v === "string") {
    try {
      value = JSON.parse(v);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `params must be JSON: a string value is parsed as JSON text and this one is not (${(e as Error).message})` });
      return;
    }
  }
  if (value === null || typeof value !== "object") {
    ctx.addIssue({ code: "custom", message: `params must be a JSON object or array (or its JSON text); got ${value === null ? "null" : typeof value}` });
    return;
  }
  const reason = notJsonReason(value, "params") ?? badTypedValue(value, "params");
  if (reason) ctx.addIssue({ code: "custom", message: `params must be JSON: ${reason}` });
});

export const inputObject = z.object({
  name: functionName("name"),
  params: params.optional(),
  rpc: z.boolean({ invalid_type_error: "rpc must be a boolean" }).default(DEFAULTS.rpc),
  environment: environment("environment").default(DEFAULTS.environment),
  triggers: z.array(z.unknown(), { invalid_type_error: "triggers must be a list" }).optional(),
  useMasterKey: z.boolean({ invalid_type_error: "useMasterKey must be a boolean" }).default(DEFAULTS.useMasterKey),
  sessionToken: str("sessionToken").min(1, "sessionToken must not be empty").optional(),
});

export interface InvocationInputs {
  name: string;
  /** A JSON object/array, or its JSON text. */
  params?: unknown;
  rpc: boolean;
  environment: "production" | "staging";
  triggers?: unknown[];
  useMasterKey: boolean;
  sessionToken?: string;
}

export interface InvocationOutputs extends Omit<InvocationInputs, "sessionToken"> {
  /** Decoded result (typed RPC values as plain JSON); absent when the function returned nothing. */
  result?: unknown;
  /** The `result` exactly as LeanCloud sent it. */
  rawResult?: unknown;
}

export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
export const COMPUTED_OUTPUTS = ["result", "rawResult"] as const;
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES.filter((p) => p !== "sessionToken"), ...COMPUTED_OUTPUTS];
/** A change of any of these calls the function again (an update, never a replacement). */
export const INVOKE_ON_CHANGE = ["name", "params", "rpc", "environment", "triggers"] as const;
export const REPLACE_ON_CHANGE = [] as const;
