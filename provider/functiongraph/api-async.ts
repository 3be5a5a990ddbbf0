/**
 * Wire contract of the async-invoke config (A1–A4), async invoke (F9) and the function report
 * (M1), docs/reference/functiongraph-api.md §7, §3.12, §8.1: request bodies as types, responses as zod schemas
 * (passthrough; only what the providers read is required).
 */
import { z } from "zod";

export const DESTINATION_TYPES = ["OBS", "SMN", "DIS", "FunctionGraph"] as const;

const wireDestination = z.object({ destination: z.string(), param: z.string().optional().nullable() }).passthrough();

export const asyncConfigSchema = z
  .object({
    func_urn: z.string().optional(),
    max_async_event_age_in_seconds: z.number().optional().nullable(),
    max_async_retry_attempts: z.number().optional().nullable(),
    destination_config: z
      .object({ on_success: wireDestination.optional().nullable(), on_failure: wireDestination.optional().nullable() })
      .passthrough()
      .optional()
      .nullable(),
    enable_async_status_log: z.boolean().optional().nullable(),
    created_time: z.union([z.string(), z.number()]).optional().nullable(),
    last_modified: z.union([z.string(), z.number()]).optional().nullable(),
  })
  .passthrough();
export type AsyncConfigInfo = z.infer<typeof asyncConfigSchema>;
export type WireDestination = z.infer<typeof wireDestination>;

/** A1 body (create-or-replace). */
export interface AsyncConfigBody {
  max_async_event_age_in_seconds: number;
  max_async_retry_attempts: number;
  /** `{}` when no destination is set, as Huawei's Terraform provider sends it. */
  destination_config: {
    on_success?: { destination: string; param: string };
    on_failure?: { destination: string; param: string };
  };
  enable_async_status_log: boolean;
}

export const asyncInvokeSchema = z.object({ request_id: z.string() }).passthrough();

export const reportSchema = z
  .object({
    values: z
      .array(z.object({ key: z.string(), value: z.number() }).passthrough())
      .optional()
      .nullable(),
    next_marker: z.number().optional().nullable(),
    count: z.number().optional().nullable(),
  })
  .passthrough();
export type ReportInfo = z.infer<typeof reportSchema>;
