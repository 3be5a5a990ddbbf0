/**
 * The trigger wire contract (docs/reference/functiongraph-api.md §4): request bodies as types, the response
 * object as a zod schema validated on every response. Passthrough: services add keys.
 */
import { z } from "zod";

export const triggerSchema = z
  .object({
    trigger_id: z.string(),
    trigger_type_code: z.string(),
    // SMN triggers have no status (§4.1).
    trigger_status: z.string().optional().nullable(),
    event_data: z.record(z.unknown()).optional().nullable(),
    created_time: z.union([z.string(), z.number()]).optional().nullable(),
    last_updated_time: z.union([z.string(), z.number()]).optional().nullable(),
  })
  .passthrough();
export type TriggerInfo = z.infer<typeof triggerSchema>;

/** T1 body. */
export interface CreateTriggerBody {
  trigger_type_code: string;
  trigger_status?: string;
  event_data: Record<string, unknown>;
}

/**
 * T4 body. event_data is the API reference's array of pull-trigger tuning fields, the only
 * event_data the update documents (§4.6); everything else in event_data replaces the trigger.
 */
export interface UpdateTriggerBody {
  trigger_status?: string;
  event_data?: Record<string, unknown>[];
}
