/**
 * `cloudfn:functiongraph:AsyncInvokeConfig`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { rules } from "./rules";
import { adoptInput } from "../../core/adopt-inputs";
import { qualifierInput } from "../qualifier";

/** Named `AsyncInvokeDestination` so the SDK keeps exporting that type (and adds `AsyncInvokeDestinationArgs`). */
const destination = t.object(
  "AsyncInvokeDestination",
  "Where an async invocation's outcome is sent. `type` selects the service; only that service's fields may be set.",
  {
    type: {
      type: t.enum(["OBS", "SMN", "DIS", "FunctionGraph"]),
      required: true,
      doc: "`OBS`, `SMN`, `DIS` or `FunctionGraph`.",
    },
    bucket: { type: t.string(), doc: "OBS: bucket name (required)." },
    prefix: { type: t.string(), doc: "OBS: object key prefix." },
    expires: { type: t.integer(), doc: "OBS: days before objects expire, 0-365 (0 = never)." },
    topicUrn: { type: t.string(), doc: "SMN: topic URN (required)." },
    streamName: { type: t.string(), doc: "DIS: stream name (required)." },
    funcUrn: { type: t.string(), doc: "FunctionGraph: URN of the function invoked with the outcome (required)." },
  },
);

export const asyncInvokeConfigDefinition = {
  token: "cloudfn:functiongraph:AsyncInvokeConfig",
  description:
    "The async-invoke configuration of a FunctionGraph function: event age, retries and on_success / on_failure destinations (OBS, SMN, DIS, FunctionGraph). Identifier: the function URN. Replace on change: functionUrn; everything else updates in place with one PUT. Deleting removes the config, not the function.",
  docs: "functiongraph/async-invoke-config.md",
  implementation: "provider/functiongraph/async-invoke-config",
  inputs: {
    functionUrn: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.functionUrn,
      doc: "Function URN (`urn:fss:{region}:{project_id}:function:{package}:{name}:latest`), usually a Function's `funcUrn`. Also the resource id.",
    },
    qualifier: qualifierInput(
      "the configuration applies to (each version and alias has its own); with it, the resource id is the qualified URN",
    ),
    maxAsyncEventAgeInSeconds: {
      type: t.integer(),
      default: 3600,
      rule: rules.maxAsyncEventAgeInSeconds,
      doc: "Events older than this are dropped (and reported to `onFailure`): 1-86400 seconds.",
    },
    maxAsyncRetryAttempts: {
      type: t.integer(),
      default: 1,
      rule: rules.maxAsyncRetryAttempts,
      doc: "Retries after a failed execution: 0-3.",
    },
    onSuccess: { type: destination, rule: rules.onSuccess, doc: "Destination notified after a successful execution." },
    onFailure: {
      type: destination,
      rule: rules.onFailure,
      doc: "Destination notified when retries are exhausted or the event is too old.",
    },
    enableAsyncStatusLog: {
      type: t.boolean(),
      default: false,
      rule: rules.enableAsyncStatusLog,
      doc: "Persist async status logs.",
    },
    adopt: adoptInput(
      "Take over the function's existing async-invoke configuration on the first `up`: it is read, recorded, and PUT only if a field differs from the program.",
      { rule: rules.adopt, fails: "Fails if the function has no configuration or another resource adopts it too." },
    ),
  },
  outputs: {
    createdTime: { type: t.string(), doc: "When the platform first stored the config." },
    lastModified: { type: t.string(), doc: "When the config last changed." },
  },
} as const satisfies ResourceDefinition;
