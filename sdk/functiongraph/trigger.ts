/**
 * `cloudfn:functiongraph:Trigger` — a FunctionGraph function trigger; TIMER triggers are
 * first-class (`timer`), other types take their `eventData`. User docs:
 * docs/functiongraph/trigger.md. The CRUD logic lives in provider/functiongraph/trigger/index.ts and
 * is loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { triggerProviderShim } from "./provider-shim";

/** Types whose eventData carries passwords: their eventData is kept secret in state. */
const SECRET_EVENT_DATA_TYPES = ["DDS", "GAUSSMONGO", "KAFKA", "OPENSOURCEKAFKA", "RABBITMQ", "ROCKETMQ"];

export interface TimerArgs {
  /** Trigger name: 1-64 letters, digits, `-`, `_`, starting with a letter; unique per function. */
  name: pulumi.Input<string>;
  /** `Rate` or `Cron`. */
  scheduleType: pulumi.Input<"Rate" | "Cron" | string>;
  /**
   * Rate: `<N>m` (N ≤ 60), `<N>h` (N ≤ 24) or `<N>d` (N ≤ 30). Cron: `sec min hour dom month [dow]`,
   * optionally prefixed `CRON_TZ=<zone> `, or `@every <Go duration>` (e.g. `@every 1h30m`).
   */
  schedule: pulumi.Input<string>;
  /** Text passed to the function as the event's `user_event`. */
  userEvent?: pulumi.Input<string>;
}

export interface TriggerArgs {
  /** URN of the function (e.g. a Function's `funcUrn`). Replaces on change. */
  functionUrn: pulumi.Input<string>;
  /** trigger_type_code: TIMER, APIG, OBS, SMN, DMS, KAFKA, LTS, CTS, DDS, ... Replaces on change. */
  type: pulumi.Input<string>;
  /** ACTIVE (default) or DISABLED; changed in place. */
  status?: pulumi.Input<"ACTIVE" | "DISABLED" | string>;
  /** TIMER settings (required for TIMER, not allowed otherwise). Replaces on change. */
  timer?: pulumi.Input<TimerArgs>;
  /**
   * event_data of other trigger types, with the platform's snake_case keys. Only declared keys
   * are compared. Changes replace the trigger, except the tuning fields is_serial,
   * max_fetch_bytes, polling_interval and polling_unit, which update in place.
   */
  eventData?: pulumi.Input<Record<string, pulumi.Input<unknown>>>;
  /**
   * Take over an existing trigger on the first `up` instead of creating it: by `adoptId`, or a
   * TIMER by `timer.name`. Only status and tuning fields may differ. Never causes a diff.
   * See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
  /** With `adopt`: the trigger_id to adopt (required for non-TIMER triggers). */
  adoptId?: pulumi.Input<string>;
}

export class Trigger extends pulumi.dynamic.Resource {
  public readonly functionUrn!: pulumi.Output<string>;
  public readonly type!: pulumi.Output<string>;
  public readonly status!: pulumi.Output<string>;
  public readonly timer!: pulumi.Output<{ name: string; scheduleType: string; schedule: string; userEvent?: string } | undefined>;
  public readonly eventData!: pulumi.Output<Record<string, unknown> | undefined>;
  /** Trigger id assigned by FunctionGraph (the resource id is `<functionUrn>/<type>/<triggerId>`). */
  public readonly triggerId!: pulumi.Output<string>;
  public readonly createdTime!: pulumi.Output<string>;
  public readonly lastUpdatedTime!: pulumi.Output<string>;

  constructor(name: string, args: TriggerArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = { triggerId: undefined, createdTime: undefined, lastUpdatedTime: undefined, ...args };
    // Passwords (db_password, kafka_password, access_password...) stay encrypted in state.
    const secret = typeof args.type === "string" && SECRET_EVENT_DATA_TYPES.includes(args.type) && args.eventData !== undefined;
    if (secret) props.eventData = pulumi.secret(args.eventData);
    const extra = secret ? { additionalSecretOutputs: ["eventData"] } : {};
    super(triggerProviderShim, name, props, pulumi.mergeOptions(opts, extra), "cloudfn/functiongraph", "Trigger");
  }
}

/** Output property names declared by the class (checked against schema.json). */
export const TRIGGER_OUTPUTS = ["functionUrn", "type", "status", "timer", "eventData", "triggerId", "createdTime", "lastUpdatedTime"] as const;
