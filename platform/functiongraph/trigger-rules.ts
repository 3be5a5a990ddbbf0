/**
 * Trigger rules of FunctionGraph (docs/reference/functiongraph-api.md §4.1, §4.4, §4.6), shared by the
 * provider's `check` and the emulator so both apply the same table.
 */

/** trigger_type_code values: the SDK enum, plus IOTDA (path enums) and ROCKETMQ (API ref). */
export const TRIGGER_TYPES = [
  "TIMER",
  "APIG",
  "CTS",
  "DDS",
  "DMS",
  "DIS",
  "LTS",
  "OBS",
  "SMN",
  "KAFKA",
  "RABBITMQ",
  "DEDICATEDGATEWAY",
  "OPENSOURCEKAFKA",
  "APIC",
  "GAUSSMONGO",
  "EVENTGRID",
  "IOTDA",
  "ROCKETMQ",
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const TRIGGER_STATUSES = ["ACTIVE", "DISABLED"] as const;
export type TriggerStatus = (typeof TRIGGER_STATUSES)[number];

/** Types whose status cannot be set to DISABLED: SMN has no status, OBS's cannot be changed. */
export const NO_DISABLE_TYPES: readonly string[] = ["SMN", "OBS"];

/** TIMER `name`: 1–64 letters, digits, `-`, `_`, starting with a letter (TF's documented rule). */
export const TIMER_NAME_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** event_data fields the digest marks required (R) per type; TIMER's are checked field by field. */
export const REQUIRED_EVENT_DATA: Readonly<Record<string, readonly string[]>> = {
  TIMER: ["name", "schedule_type", "schedule"],
  APIG: ["type", "path", "protocol", "req_method", "group_id", "match_mode", "env_name", "env_id", "auth", "func_info"],
  DEDICATEDGATEWAY: [
    "type",
    "path",
    "protocol",
    "req_method",
    "group_id",
    "match_mode",
    "env_name",
    "env_id",
    "auth",
    "func_info",
  ],
  OBS: ["bucket", "events"],
  SMN: ["topic_urn"],
  LTS: ["log_group_id", "log_topic_id"],
  CTS: ["operations"],
  DMS: ["polling_interval"],
  KAFKA: ["topic_ids"],
  OPENSOURCEKAFKA: ["topic_ids"],
  RABBITMQ: ["exchange_name", "access_password"],
};

/**
 * The only event_data fields UpdateTrigger documents as updatable (pull-trigger tuning knobs,
 * §4.6). A change to any other declared field replaces the trigger.
 */
export const UPDATABLE_EVENT_DATA = ["is_serial", "max_fetch_bytes", "polling_interval", "polling_unit"] as const;

/** Fields never echoed by reads: the provider keeps the declared value for them. */
export const WRITE_ONLY_EVENT_DATA = [
  "db_password",
  "kafka_password",
  "access_password",
  "secret_key",
  "access_key",
] as const;

/** Types whose event_data carries passwords: the SDK marks their eventData secret. */
export const SECRET_EVENT_DATA_TYPES: readonly string[] = [
  "DDS",
  "GAUSSMONGO",
  "KAFKA",
  "OPENSOURCEKAFKA",
  "RABBITMQ",
  "ROCKETMQ",
];

/** Required event_data fields of `type` that are missing (absent, null or ""). */
export function missingEventData(type: string, eventData: Record<string, unknown>): string[] {
  return (REQUIRED_EVENT_DATA[type] ?? []).filter(
    (k) => eventData[k] === undefined || eventData[k] === null || eventData[k] === "",
  );
}
