/**
 * `cloudfn:functiongraph:Trigger`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { fieldRules } from "./rules";
import {
  REQUIRED_EVENT_DATA,
  SECRET_EVENT_DATA_TYPES,
  TRIGGER_STATUSES,
  TRIGGER_TYPES,
} from "../../../platform/functiongraph/trigger-rules";
import { SCHEDULE_TYPES } from "../../../platform/functiongraph/schedule";
import { adoptInput, adoptOption } from "../../core/adopt-inputs";
import { qualifierInput } from "../qualifier";

/** Named `Timer` so the SDK keeps exporting `TimerArgs`. */
const timer = t.object("Timer", "Settings of a TIMER trigger (`event_data` of type TIMER).", {
  name: {
    type: t.string(),
    required: true,
    doc: "Trigger name: 1-64 letters, digits, `-` and `_`, starting with a letter; unique per function.",
  },
  scheduleType: { type: t.enum(SCHEDULE_TYPES), required: true, doc: "`Rate` or `Cron`." },
  schedule: {
    type: t.string(),
    required: true,
    doc: "Rate: `<N>m` (N ≤ 60), `<N>h` (N ≤ 24) or `<N>d` (N ≤ 30). Cron: `second minute hour day-of-month month [day-of-week]`, optionally prefixed `CRON_TZ=<zone> ` (default: the region's zone), or `@every <Go duration>` (e.g. `@every 1h30m`).",
  },
  userEvent: { type: t.string(), doc: "Text delivered to the function as the event's `user_event`." },
});

/** `OBS: bucket, events; SMN: topic_urn; …`, from the table check applies. */
const requiredEventData = Object.entries(REQUIRED_EVENT_DATA)
  .filter(([type]) => type !== "TIMER")
  .map(([type, fields]) => `${type}: ${fields.join(", ")}`)
  .join("; ");

export const triggerDefinition = {
  token: "cloudfn:functiongraph:Trigger",
  description:
    "A FunctionGraph function trigger. TIMER triggers are first-class (`timer`: Rate or Cron schedule, user event); other types take their `eventData`. Identifier: `<functionUrn>/<type>/<triggerId>`. Replace on change: functionUrn, type, timer, and eventData except its tuning fields; status updates in place.",
  docs: "functiongraph/trigger.md",
  implementation: "provider/functiongraph/trigger",
  inputs: {
    functionUrn: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: fieldRules.functionUrn,
      doc: "URN of the function the trigger belongs to (e.g. a Function's `funcUrn`).",
    },
    qualifier: qualifierInput(
      "the trigger invokes; the trigger is created on that version or alias, and the resource id starts with the qualified URN",
    ),
    type: {
      type: t.enum(TRIGGER_TYPES, "TriggerType"),
      required: true,
      replaceOnChange: true,
      rule: fieldRules.type,
      doc: `\`trigger_type_code\`: ${TRIGGER_TYPES.slice(0, -1).join(", ")} or ${TRIGGER_TYPES[TRIGGER_TYPES.length - 1]}.`,
    },
    status: {
      type: t.enum(TRIGGER_STATUSES),
      default: "ACTIVE",
      rule: fieldRules.status,
      doc: "`trigger_status`: ACTIVE or DISABLED (not DISABLED for SMN and OBS). Changed in place with UpdateTrigger.",
    },
    timer: {
      type: timer,
      replaceOnChange: true,
      rule: fieldRules.timer,
      doc: "TIMER settings; required for TIMER triggers, not allowed for others. Schedules are validated at preview with the platform's rules. A change deletes the trigger first when the name stays (names are unique per function).",
    },
    eventData: {
      type: t.map(t.any()),
      secretWhen: { input: "type", values: SECRET_EVENT_DATA_TYPES },
      rule: fieldRules.eventData,
      doc: `\`event_data\` of non-TIMER triggers, with the platform's snake_case keys; the fields the platform requires for the type are checked at preview (${requiredEventData}). Only declared keys are compared, so keys the service adds never show as drift. Changes replace the trigger, except is_serial, max_fetch_bytes, polling_interval and polling_unit, which update in place. Secret for ${SECRET_EVENT_DATA_TYPES.slice(0, -1).join(", ")} and ${SECRET_EVENT_DATA_TYPES[SECRET_EVENT_DATA_TYPES.length - 1]} (passwords).`,
    },
    adopt: adoptInput(
      "Take over an existing trigger on the first `up` instead of creating it: found by `adoptId`, or (TIMER only) by `timer.name`, which is unique per function. Status and eventData tuning fields that differ are updated in place; a timer schedule or other eventData that differs fails (it could only change by replacing the trigger).",
      { rule: fieldRules.adopt },
    ),
    adoptId: adoptOption(
      t.string(),
      "the trigger_id of the trigger to adopt (assigned by FunctionGraph; `cloudfn adopt` prints it). Required to adopt a non-TIMER trigger.",
      fieldRules.adoptId,
    ),
  },
  outputs: {
    triggerId: {
      type: t.string(),
      doc: "Trigger id assigned by FunctionGraph. The resource id is `<functionUrn>/<type>/<triggerId>`.",
    },
    createdTime: { type: t.string(), doc: "Creation time, as reported by FunctionGraph." },
    lastUpdatedTime: { type: t.string(), doc: "Time of the last change, as reported by FunctionGraph." },
    invokeUrl: {
      type: t.string(),
      optional: true,
      doc: "APIG and DEDICATEDGATEWAY triggers: the URL that calls the function over HTTP (`event_data.invoke_url`). Against the emulator it is `<emulator>/_emulator/functiongraph/apig/<group_id><path>`.",
    },
  },
} as const satisfies ResourceDefinition;
