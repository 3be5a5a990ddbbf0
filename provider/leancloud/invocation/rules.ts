/**
 * The rules for `cloudfn:leancloud:Invocation` inputs, as zod, with messages that name the
 * property and the rule (the function name and environment rules are shared with
 * EngineDeployment). Optionality and defaults come from the definition (./definition.ts).
 */
import { z } from "zod";
import { oneOfRule } from "../../core/rules";
import { badTypedValue, notJsonReason } from "../rpc-codec";

export const ENVIRONMENTS = ["production", "staging"] as const;

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

/** One URL path segment; `_ops` is the engine's own (metadatas), a slash would address another path. */
export const functionName = (property: string) =>
  str(property).superRefine((v, ctx) => {
    if (v.length === 0 || v.length > 128)
      ctx.addIssue({ code: "custom", message: `${property} must be 1-128 characters; got ${v.length}` });
    else if (/[/\\?#%\s]/.test(v))
      ctx.addIssue({
        code: "custom",
        message: `${property} must be one URL path segment: no "/", "\\", "?", "#", "%" or spaces; got "${v}"`,
      });
    else if (v === "_ops") ctx.addIssue({ code: "custom", message: `${property} "_ops" is reserved by LeanEngine` });
  });

export const environment = (property: string) => oneOfRule(property, ENVIRONMENTS);

/** Params: a JSON object or array, or the JSON text of one. */
const params = z.unknown().superRefine((v, ctx) => {
  let value = v;
  if (typeof v === "string") {
    try {
      value = JSON.parse(v);
    } catch (e) {
      ctx.addIssue({
        code: "custom",
        message: `params must be JSON: a string value is parsed as JSON text and this one is not (${(e as Error).message})`,
      });
      return;
    }
  }
  if (value === null || typeof value !== "object") {
    ctx.addIssue({
      code: "custom",
      message: `params must be a JSON object or array (or its JSON text); got ${value === null ? "null" : typeof value}`,
    });
    return;
  }
  const reason = notJsonReason(value, "params") ?? badTypedValue(value, "params");
  if (reason) ctx.addIssue({ code: "custom", message: `params must be JSON: ${reason}` });
});

export const rules = {
  name: functionName("name"),
  params,
  rpc: z.boolean({ invalid_type_error: "rpc must be a boolean" }),
  environment: environment("environment"),
  triggers: z.array(z.unknown(), { invalid_type_error: "triggers must be a list" }),
  useMasterKey: z.boolean({ invalid_type_error: "useMasterKey must be a boolean" }),
  sessionToken: str("sessionToken").min(1, "sessionToken must not be empty"),
};
