/**
 * Rules shared by the definitions: enum-like inputs and nested objects that name what was
 * probably meant. The SDK's literal unions keep an escape hatch and JavaScript has no types at
 * all, so a typo reaches `check`, which must say more than "invalid".
 */
import { z, type AnyZodObject, type ZodTypeAny } from "zod";
import { didYouMean, unknownPropertyReason } from "./suggest";

/** The message of a value outside its list, with a "did you mean" for near misses. */
export function notOneOfMessage(property: string, values: readonly string[], given: string): string {
  return `${property} must be one of ${values.join(", ")}; got ${JSON.stringify(given)}${didYouMean(given, values)}`;
}

/** One of a fixed list of strings. */
export function oneOfRule(property: string, values: readonly string[]) {
  return z
    .string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` })
    .refine(
      (v) => values.includes(v),
      (v) => ({ message: notOneOfMessage(property, values, v) }),
    );
}

/**
 * The object with its undeclared fields reported (`timer: unknown property "scheduel"; did you
 * mean "schedule"?`) instead of silently dropped. zod's `.strict()` cannot say which field was
 * meant, hence passthrough plus a refinement.
 */
export function knownFieldsOnly(object: AnyZodObject, property: string): ZodTypeAny {
  const known = Object.keys(object.shape as Record<string, unknown>);
  return object.passthrough().superRefine((value: Record<string, unknown>, ctx) => {
    for (const [k, v] of Object.entries(value))
      if (v !== undefined && !known.includes(k))
        ctx.addIssue({ code: "custom", message: `${property}: ${unknownPropertyReason(k, known)}` });
  });
}
