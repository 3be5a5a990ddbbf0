/** The event a TIMER trigger passes to its function (docs/reference/functiongraph-api.md §4.3). */
import { rfc3339 } from "../env";
import type { TriggerRecord } from "../models/trigger";

export interface TimerEvent {
  version: "v1.0";
  time: string;
  trigger_type: "TIMER";
  trigger_name: string;
  user_event: string;
}

/** @param at the scheduled instant (not when the runner got to it), as the platform reports it. */
export function timerEvent(trigger: TriggerRecord, at: Date): TimerEvent {
  const d = trigger.event_data;
  return {
    version: "v1.0",
    time: rfc3339(at),
    trigger_type: "TIMER",
    // TIMER names are validated strings (triggers/validate.ts).
    trigger_name: typeof d.name === "string" ? d.name : "",
    user_event: typeof d.user_event === "string" ? d.user_event : "",
  };
}
