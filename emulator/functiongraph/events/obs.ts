/**
 * OBS object events. A trigger matches on its bucket, one of its events (`ObjectCreated` or
 * `ObjectCreated:*` cover every creation; an `s3:`/`obs:` prefix is ignored) and the object
 * key's prefix and suffix. The event is the S3-compatible record OBS documents
 * (Records[].s3.bucket/object, eventName "ObjectCreated:Put"...).
 * Posted: {bucket, key, event_name = "ObjectCreated:Put", size = 0, etag}.
 */
import { createHash } from "crypto";
import { listOf, missingStrings, text, type EventSource } from "./source";

export const OBS_EVENT_NAMES = [
  "ObjectCreated:Put",
  "ObjectCreated:Post",
  "ObjectCreated:Copy",
  "ObjectCreated:CompleteMultipartUpload",
  "ObjectRemoved:Delete",
  "ObjectRemoved:DeleteMarkerCreated",
];

const eventNameOf = (input: Record<string, unknown>) => text(input.event_name, "ObjectCreated:Put");

/** Whether a configured event (e.g. "s3:ObjectCreated:*") covers an event name. */
export function coversEvent(configured: string, name: string): boolean {
  const c = configured.replace(/^(s3|obs):/, "");
  const family = name.split(":")[0];
  return c === name || c === family || c === `${family}:*`;
}

export const obsSource: EventSource = {
  check(input) {
    const missing = missingStrings(input, ["bucket", "key"]);
    if (missing) return missing;
    if (!OBS_EVENT_NAMES.includes(eventNameOf(input))) return `event_name must be one of ${OBS_EVENT_NAMES.join(", ")}`;
    if (input.size !== undefined && (typeof input.size !== "number" || input.size < 0))
      return "size must be a non-negative number";
    return undefined;
  },
  matches(data, input) {
    const key = String(input.key);
    return (
      data.bucket === input.bucket &&
      listOf(data.events).some((e) => coversEvent(e, eventNameOf(input))) &&
      key.startsWith(text(data.prefix)) &&
      key.endsWith(text(data.suffix))
    );
  },
  build(input, ctx) {
    const removed = eventNameOf(input).startsWith("ObjectRemoved");
    const object = {
      key: String(input.key),
      ...(removed ? {} : { eTag: text(input.etag, createHash("md5").update(String(input.key)).digest("hex")) }),
      size: removed ? 0 : Number(input.size ?? 0),
      versionId: "null",
      sequencer: ctx.now.getTime().toString(16).toUpperCase().padStart(32, "0"),
    };
    return {
      Records: [
        {
          eventVersion: "2.0",
          eventSource: "aws:s3",
          awsRegion: ctx.region,
          eventTime: ctx.now.toISOString(),
          eventName: eventNameOf(input),
          userIdentity: { principalId: ctx.projectId },
          requestParameters: { sourceIPAddress: "127.0.0.1" },
          responseElements: { "x-amz-request-id": ctx.uuid().replace(/-/g, ""), "x-amz-id-2": ctx.uuid() },
          s3: {
            s3SchemaVersion: "1.0",
            configurationId: ctx.uuid(),
            bucket: {
              name: String(input.bucket),
              ownerIdentity: { PrincipalId: ctx.projectId },
              arn: `arn:aws:s3:::${String(input.bucket)}`,
            },
            object,
          },
        },
      ],
    };
  },
};
