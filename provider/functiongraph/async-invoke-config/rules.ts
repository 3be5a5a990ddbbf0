/**
 * The zod rules of `cloudfn:functiongraph:AsyncInvokeConfig`'s properties (docs/reference/functiongraph-api.md §7),
 * used by its definition; messages name the property and the rule. Optionality and defaults
 * come from the definition (./definition.ts).
 */
import { z } from "zod";

/**
 * Ranges of the PUT body as the request documentation gives them (age 1–86400 s, retries 0–3).
 * The response documentation says 60–86400 and 0–8 [conflict, §7.1]; the request side is what
 * the service validates, and it is also what Huawei's Terraform provider documents.
 */
export const LIMITS = { minAge: 1, maxAge: 86_400, minRetries: 0, maxRetries: 3, maxObsExpires: 365 } as const;

/** `urn:fss:{region}:{project}:function:{package}:{name}[:{version or !alias}]` (§2.1). */
export const FUNCTION_URN_RE =
  /^urn:fss:[a-z0-9-]+:[A-Za-z0-9]+:function:[A-Za-z0-9_.-]+:[A-Za-z0-9_-]+(?::!?[A-Za-z0-9_.-]+)?$/;

const text = (property: string) =>
  z
    .string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` })
    .min(1, `${property} must not be empty`);

export function functionUrnField(property: string) {
  return text(property).refine(
    (v) => FUNCTION_URN_RE.test(v),
    (v) => ({
      message: `${property} must be a function URN like urn:fss:{region}:{project_id}:function:{package}:{name}:latest; got "${v}"`,
    }),
  );
}

export function destination(property: string) {
  const p = (field: string) => `${property}.${field}`;
  return z.discriminatedUnion(
    "type",
    [
      z
        .object({
          type: z.literal("OBS"),
          bucket: text(p("bucket")),
          prefix: z.string({ invalid_type_error: `${p("prefix")} must be a string` }).optional(),
          expires: z
            .number({ invalid_type_error: `${p("expires")} must be a number` })
            .refine(
              (v) => Number.isInteger(v) && v >= 0 && v <= LIMITS.maxObsExpires,
              (v) => ({
                message: `${p("expires")} must be an integer from 0 (never) to ${LIMITS.maxObsExpires} days; got ${v}`,
              }),
            )
            .optional(),
        })
        .strict(),
      z.object({ type: z.literal("SMN"), topicUrn: text(p("topicUrn")) }).strict(),
      z.object({ type: z.literal("DIS"), streamName: text(p("streamName")) }).strict(),
      z.object({ type: z.literal("FunctionGraph"), funcUrn: functionUrnField(p("funcUrn")) }).strict(),
    ],
    {
      errorMap: (issue, ctx) => ({
        message:
          issue.code === "invalid_union_discriminator"
            ? `${p("type")} must be one of OBS, SMN, DIS, FunctionGraph`
            : `${property}: ${ctx.defaultError}`,
      }),
    },
  );
}

const intIn = (property: string, min: number, max: number, unit: string) =>
  z.number({ invalid_type_error: `${property} must be a number` }).refine(
    (v) => Number.isInteger(v) && v >= min && v <= max,
    (v) => ({
      message: `${property} must be an integer from ${min} to ${max}${unit}; got ${v}`,
    }),
  );

export const rules = {
  functionUrn: functionUrnField("functionUrn"),
  maxAsyncEventAgeInSeconds: intIn("maxAsyncEventAgeInSeconds", LIMITS.minAge, LIMITS.maxAge, " (seconds)"),
  maxAsyncRetryAttempts: intIn("maxAsyncRetryAttempts", LIMITS.minRetries, LIMITS.maxRetries, ""),
  onSuccess: destination("onSuccess"),
  onFailure: destination("onFailure"),
  enableAsyncStatusLog: z.boolean({ invalid_type_error: "enableAsyncStatusLog must be a boolean" }),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
};

export type Destination = z.infer<ReturnType<typeof destination>>;
