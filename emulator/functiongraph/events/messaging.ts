/**
 * Message sources: SMN topics, DIS streams, Kafka topics, RabbitMQ exchanges and DMS queues.
 * Shapes follow the platform's sample events; fields marked [inferred] are the emulator's.
 */
import { badStringList, listOf, missingStrings, sameOrUnset, stringList, text, type EventSource } from "./source";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Posted: {topic_urn, message, subject?, message_attributes?}; matches event_data.topic_urn. */
export const smnSource: EventSource = {
  check: (input) => missingStrings(input, ["topic_urn", "message"]),
  matches: (data, input) => data.topic_urn === input.topic_urn,
  build: (input, ctx) => ({
    record: [
      {
        event_version: "1.0",
        smn: {
          topic_urn: input.topic_urn,
          timestamp: ctx.now.toISOString().replace(/\.\d{3}Z$/, "Z"),
          message_attributes: input.message_attributes ?? null,
          message: input.message,
          type: "notification",
          message_id: ctx.uuid().replace(/-/g, ""),
          subject: input.subject ?? "",
        },
        event_subscription_urn: ctx.funcUrn,
        event_source: "smn",
      },
    ],
    functionname: ctx.funcUrn.split(":")[6] ?? "",
    requestId: ctx.uuid(),
    timestamp: ctx.now.toString(),
  }),
};

/** Posted: {stream_name, records: [text...], partition_key?}; data arrives base64-encoded. */
export const disSource: EventSource = {
  check: (input) => missingStrings(input, ["stream_name"]) ?? badStringList(input, "records"),
  matches: (data, input) => data.stream_name === input.stream_name,
  build: (input, ctx) => ({
    ShardID: "shardId-0000000000",
    Message: {
      next_partition_cursor: Buffer.from(`${String(input.stream_name)}:${ctx.now.getTime()}`).toString("base64"),
      records: stringList(input.records).map((record, i) => ({
        partition_key: text(input.partition_key, "shardId_0000000000"),
        data: Buffer.from(record).toString("base64"),
        sequence_number: String(i),
      })),
      millis_behind_latest: "",
    },
    Tag: "latest",
    StreamName: input.stream_name,
  }),
};

/** The record batch Kafka and RabbitMQ triggers share: {event_version, event_time, trigger_type, records}. */
function batch(type: string, idField: string, input: Record<string, unknown>, ctx: { region: string; now: Date }) {
  return {
    event_version: "v1.0",
    event_time: seconds(ctx.now),
    trigger_type: type,
    region: ctx.region,
    instance_id: input.instance_id ?? "",
    records: [{ messages: stringList(input.messages), [idField]: input[idField] }],
  };
}

/** Posted: {topic_id, messages: [text...], instance_id?}; matches topic_ids (and instance_id). */
export const kafkaSource = (type: "KAFKA" | "OPENSOURCEKAFKA"): EventSource => ({
  check: (input) => missingStrings(input, ["topic_id"]) ?? badStringList(input, "messages"),
  matches: (data, input) =>
    listOf(data.topic_ids).includes(String(input.topic_id)) && sameOrUnset(data.instance_id, input.instance_id),
  build: (input, ctx) => batch(type, "topic_id", input, ctx),
});

/** Posted: {exchange_name, messages, instance_id?}; the records carry exchange_name [inferred]. */
export const rabbitSource: EventSource = {
  check: (input) => missingStrings(input, ["exchange_name"]) ?? badStringList(input, "messages"),
  matches: (data, input) =>
    data.exchange_name === input.exchange_name && sameOrUnset(data.instance_id, input.instance_id),
  build: (input, ctx) => batch("RABBITMQ", "exchange_name", input, ctx),
};

/** Posted: {queue_id, messages: [text...], consumer_group_id?}; matches queue_id. */
export const dmsSource: EventSource = {
  check: (input) => missingStrings(input, ["queue_id"]) ?? badStringList(input, "messages"),
  matches: (data, input) =>
    data.queue_id === input.queue_id && sameOrUnset(data.consumer_group_id, input.consumer_group_id),
  build: (input, ctx) => ({
    queue_id: input.queue_id,
    region: ctx.region,
    event_type: "MessageCreated",
    consumer_group_id: input.consumer_group_id ?? "",
    messages: stringList(input.messages).map((body) => ({ attributes: {}, body })),
  }),
};
