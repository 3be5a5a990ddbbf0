/**
 * Log and database sources: LTS log subscriptions, CTS audit traces, DDS / GaussDB(for Mongo)
 * change streams. Shapes follow the platform's sample events; [inferred] marks the emulator's.
 */
import { badStringList, isObject, listOf, missingStrings, sameOrUnset, stringList, type EventSource } from "./source";

/**
 * Posted: {log_group_id, log_topic_id, logs: [text...]}. The platform delivers
 * `{lts: {data: base64(JSON)}}`; the decoded JSON's fields beyond `logs` are [inferred].
 */
export const ltsSource: EventSource = {
  check: (input) => missingStrings(input, ["log_group_id", "log_topic_id"]) ?? badStringList(input, "logs"),
  matches: (data, input) => data.log_group_id === input.log_group_id && data.log_topic_id === input.log_topic_id,
  build: (input, ctx) => {
    const logs = stringList(input.logs).map((message, i) => ({
      message,
      time: ctx.now.getTime(),
      host_name: "localhost",
      line_no: i + 1,
    }));
    const inner = { logs, owner: ctx.projectId, log_group_id: input.log_group_id, log_topic_id: input.log_topic_id };
    return { lts: { data: Buffer.from(JSON.stringify(inner)).toString("base64") } };
  },
};

const operationOf = (input: Record<string, unknown>) =>
  `${String(input.service_type)}:${String(input.resource_type)}:${String(input.trace_name)}`;

/** Whether a configured CTS operation ("service:resource:trace", `*` per part) covers one. */
export function coversOperation(configured: string, operation: string): boolean {
  const want = configured.split(":");
  const got = operation.split(":");
  return want.length === got.length && want.every((w, i) => w === "*" || w === got[i]);
}

/** Posted: {service_type, resource_type, trace_name, resource_name?, user?}; matches event_data.operations. */
export const ctsSource: EventSource = {
  check: (input) => missingStrings(input, ["service_type", "resource_type", "trace_name"]),
  matches: (data, input) => listOf(data.operations).some((o) => coversOperation(o, operationOf(input))),
  build: (input, ctx) => ({
    cts: {
      time: ctx.now.getTime(),
      user: isObject(input.user) ? input.user : { name: "cloudfn", id: ctx.projectId, domain: { name: "cloudfn" } },
      request: isObject(input.request) ? input.request : {},
      response: isObject(input.response) ? input.response : {},
      code: typeof input.code === "number" ? input.code : 200,
      service_type: input.service_type,
      resource_type: input.resource_type,
      resource_name: input.resource_name ?? "",
      resource_id: input.resource_id ?? "",
      trace_name: input.trace_name,
      trace_type: "ApiCall",
      record_time: ctx.now.getTime(),
      trace_id: ctx.uuid(),
      trace_status: "normal",
    },
  }),
};

/** Posted: {db_name, collection_name, documents: [object...], instance_id?}. */
export const ddsSource: EventSource = {
  check(input) {
    const missing = missingStrings(input, ["db_name", "collection_name"]);
    if (missing) return missing;
    const docs = input.documents;
    return Array.isArray(docs) && docs.every(isObject) ? undefined : "documents must be an array of objects";
  },
  matches: (data, input) =>
    data.db_name === input.db_name &&
    data.collection_name === input.collection_name &&
    sameOrUnset(data.instance_id, input.instance_id),
  build: (input, ctx) => ({
    records: (input.documents as Record<string, unknown>[]).map((doc) => ({
      event_source: "dds",
      event_name: "dds_event",
      region: ctx.region,
      event_version: "1.0",
      dds: {
        size_bytes: String(Buffer.byteLength(JSON.stringify(doc))),
        token: JSON.stringify({ _data: ctx.uuid().replace(/-/g, "") }),
        full_document: JSON.stringify(doc),
        ns: JSON.stringify({ db: input.db_name, coll: input.collection_name }),
      },
      event_source_id: ctx.uuid(),
    })),
  }),
};
