/** The zod rules of `cloudfn:functiongraph:WorkflowExecution`'s properties. */
import { z } from "zod";
import { UNKNOWN } from "../../core/diff";
import { rules as invocationRules } from "../invocation/rules";

/** Waiting longer than a day is not deploy-time work (NORMAL workflows may run for a year). */
export const MAX_TIMEOUT_SECONDS = 86_400;

export const rules = {
  workflowId: z
    .string({ required_error: "workflowId is required", invalid_type_error: "workflowId must be a string" })
    .refine((v) => v === UNKNOWN || v.length > 0, { message: "workflowId must not be empty" }),
  input: invocationRules.input,
  triggers: invocationRules.triggers,
  timeoutSeconds: z
    .number({ invalid_type_error: "timeoutSeconds must be a number" })
    .int("timeoutSeconds must be a whole number of seconds")
    .min(1, "timeoutSeconds must be at least 1")
    .max(MAX_TIMEOUT_SECONDS, `timeoutSeconds must be at most ${MAX_TIMEOUT_SECONDS} (one day)`),
};
