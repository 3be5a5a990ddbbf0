/** Pure mappings of AsyncInvokeConfig between our typed properties and the wire (docs/reference/functiongraph-api.md §7). */
import { Normalizers } from "../../core/diff";
import { AsyncConfigBody, AsyncConfigInfo, WireDestination } from "../api-async";
import { AsyncInvokeConfigInputs, AsyncInvokeConfigOutputs, DEFAULTS, Destination, INPUT_PROPERTIES } from "./schema";
import { dropUndefined } from "../../core/check";

/** Our destination → the platform's `{destination, param}` (param is JSON text, §7.1). */
export function toWireDestination(d: Destination): { destination: string; param: string } {
  switch (d.type) {
    case "OBS":
      return {
        destination: "OBS",
        param: JSON.stringify(dropUndefined({ bucket: d.bucket, prefix: d.prefix, expires: d.expires })),
      };
    case "SMN":
      return { destination: "SMN", param: JSON.stringify({ topic_urn: d.topicUrn }) };
    case "DIS":
      return { destination: "DIS", param: JSON.stringify({ stream_name: d.streamName }) };
    case "FunctionGraph":
      return { destination: "FunctionGraph", param: JSON.stringify({ func_urn: d.funcUrn }) };
  }
}

/**
 * The platform's destination → ours. The service may re-serialize `param`, so it is parsed, not
 * compared as text. Something we cannot type (unknown destination, bad JSON) is kept visible
 * as an OBS-less marker so a refresh shows drift instead of silently dropping it.
 */
export function fromWireDestination(w: WireDestination | null | undefined): Destination | undefined {
  if (!w) return undefined;
  let p: Record<string, unknown> = {};
  try {
    p = JSON.parse(w.param ?? "{}") as Record<string, unknown>;
  } catch {
    /* unparseable: the typed fields stay empty, which diff reports */
  }
  const s = (k: string) => (typeof p[k] === "string" ? p[k] : "");
  switch (w.destination) {
    case "OBS":
      return dropUndefined({
        type: "OBS" as const,
        bucket: s("bucket"),
        prefix: typeof p.prefix === "string" ? p.prefix : undefined,
        expires: typeof p.expires === "number" ? p.expires : undefined,
      });
    case "SMN":
      return { type: "SMN", topicUrn: s("topic_urn") };
    case "DIS":
      return { type: "DIS", streamName: s("stream_name") };
    case "FunctionGraph":
      return { type: "FunctionGraph", funcUrn: s("func_urn") };
    default:
      return { type: "SMN", topicUrn: `unsupported destination ${w.destination}: ${w.param ?? ""}` };
  }
}

export function configBody(inputs: AsyncInvokeConfigInputs): AsyncConfigBody {
  return {
    max_async_event_age_in_seconds: inputs.maxAsyncEventAgeInSeconds ?? DEFAULTS.maxAsyncEventAgeInSeconds,
    max_async_retry_attempts: inputs.maxAsyncRetryAttempts ?? DEFAULTS.maxAsyncRetryAttempts,
    destination_config: dropUndefined({
      on_success: inputs.onSuccess ? toWireDestination(inputs.onSuccess) : undefined,
      on_failure: inputs.onFailure ? toWireDestination(inputs.onFailure) : undefined,
    }),
    enable_async_status_log: inputs.enableAsyncStatusLog ?? DEFAULTS.enableAsyncStatusLog,
  };
}

/**
 * Outputs from a response. `functionUrn` is the address (the id); `functionUrn` and `qualifier`
 * come out as the program wrote them (`declared`), the address when nothing was declared.
 */
export function outputsFrom(
  functionUrn: string,
  info: AsyncConfigInfo,
  declared: Partial<AsyncInvokeConfigInputs> = {},
): AsyncInvokeConfigOutputs {
  const dc = info.destination_config ?? {};
  return dropUndefined({
    functionUrn: declared.functionUrn ?? functionUrn,
    qualifier: declared.qualifier,
    maxAsyncEventAgeInSeconds: info.max_async_event_age_in_seconds ?? DEFAULTS.maxAsyncEventAgeInSeconds,
    maxAsyncRetryAttempts: info.max_async_retry_attempts ?? DEFAULTS.maxAsyncRetryAttempts,
    onSuccess: fromWireDestination(dc.on_success),
    onFailure: fromWireDestination(dc.on_failure),
    enableAsyncStatusLog: info.enable_async_status_log ?? false,
    createdTime: String(info.created_time ?? ""),
    lastModified: String(info.last_modified ?? ""),
  });
}

/** The inputs `read` reports, so refresh followed by preview is clean. */
export function inputsFrom(outs: AsyncInvokeConfigOutputs): AsyncInvokeConfigInputs {
  return dropUndefined(
    Object.fromEntries(Object.entries(outs).filter(([k]) => (INPUT_PROPERTIES as string[]).includes(k))),
  ) as unknown as AsyncInvokeConfigInputs;
}

export const NORMALIZERS: Normalizers = {
  maxAsyncEventAgeInSeconds: (v) => v ?? DEFAULTS.maxAsyncEventAgeInSeconds,
  maxAsyncRetryAttempts: (v) => v ?? DEFAULTS.maxAsyncRetryAttempts,
  enableAsyncStatusLog: (v) => v ?? DEFAULTS.enableAsyncStatusLog,
};
