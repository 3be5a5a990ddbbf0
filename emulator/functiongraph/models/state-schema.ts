/**
 * What a state file must hold for FunctionGraph to be served after a restart (core/state-file.ts
 * checks it on load): one schema per bucket the models keep in the Store, matching what they write.
 * Unknown keys pass, so a record written by a newer emulator with an extra field still loads.
 */
import { z } from "zod";
import { workflowBody } from "../schemas";

const str = z.string();
const num = z.number();
const obj = z.record(z.unknown());

const functionRecord = z
  .object({
    func_id: str,
    func_name: str,
    package: str,
    runtime: str,
    handler: str,
    timeout: num,
    memory_size: num,
    code_type: str,
    code_url: str.optional(),
    code_filename: str.optional(),
    code_size: num.optional(),
    digest: str,
    code_base64: str,
    user_data: str,
    encrypted_user_data: str,
    description: str.optional(),
    xrole: str.optional(),
    app_xrole: str.optional(),
    type: str.optional(),
    enterprise_project_id: str.optional(),
    strategy_config: obj.optional(),
    depend_version_list: z.array(str),
    image_name: str.optional(),
    last_modified: str.optional(),
    extra: obj.optional(),
    lts: z.object({ group_id: str, group_name: str, stream_id: str, stream_name: str }).passthrough().optional(),
  })
  .passthrough();

const tagRecord = z.object({ key: str, value: str }).passthrough();
const reservedRecord = z
  .object({ qualifier_type: z.enum(["version", "alias"]), qualifier_name: str, count: num, idle_mode: z.boolean() })
  .passthrough();
const projectLts = z.object({ group_id: str.optional(), group_name: str.optional() }).passthrough();

const triggerRecord = z
  .object({
    trigger_id: str,
    func_key: str,
    trigger_type_code: str,
    trigger_status: str,
    event_type_code: str.optional(),
    event_data: obj,
    created_time: str,
    last_updated_time: str,
    timer: z.object({ anchor_ms: num, next_ms: num }).passthrough().optional(),
  })
  .passthrough();

const dependencyVersion = z
  .object({
    id: str,
    version: num,
    runtime: str,
    description: str,
    depend_type: z.enum(["zip", "obs"]),
    link: str,
    depend_link: str,
    etag: str,
    size: num,
    file_name: str,
    last_modified: num,
    zip_base64: str,
  })
  .passthrough();

const dependencyRecord = z
  .object({ dep_id: str, name: str, next_version: num, versions: z.record(dependencyVersion) })
  .passthrough();

const destination = z.object({ destination: z.enum(["OBS", "SMN", "DIS", "FunctionGraph"]), param: str }).passthrough();

const asyncConfigRecord = z
  .object({
    max_async_event_age_in_seconds: num,
    max_async_retry_attempts: num,
    destination_config: z
      .object({ on_success: destination.optional(), on_failure: destination.optional() })
      .passthrough(),
    enable_async_status_log: z.boolean(),
    created_time: str,
    last_modified: str,
    extra: obj,
  })
  .passthrough();

const delivery = z
  .object({
    on: z.enum(["on_success", "on_failure"]),
    destination: str,
    param: obj,
    payload: z.unknown(),
    delivered_at: str,
    destination_request_id: str.optional(),
    error: str.optional(),
  })
  .passthrough();

const invocationRecord = z
  .object({
    request_id: str,
    func_urn: str,
    started_at: str,
    duration_ms: num,
    outcome: z.enum(["success", "error", "timeout", "pending", "discarded", "rejected"]),
    result: str,
    log: str,
    source: str.optional(),
    trigger_id: str.optional(),
    kind: z.enum(["sync", "async"]).optional(),
    status: z.enum(["WAIT", "RUNNING", "SUCCESS", "FAIL", "DISCARD"]).optional(),
    attempts: num.optional(),
    ended_at: str.optional(),
    error_code: num.optional(),
    error_message: str.optional(),
    deliveries: z.array(delivery).optional(),
  })
  .passthrough();

const workflowRecord = z
  .object({
    id: str,
    name: str,
    workflow_urn: str,
    definition: workflowBody,
    created_time: str,
    updated_time: str,
    created_by: str,
  })
  .passthrough();

const tokenRecord = z.object({ expires_at: str, issued_at: str, project_id: str, user_name: str }).passthrough();

export const FG_STATE_SCHEMAS = {
  functions: z.record(functionRecord),
  triggers: z.record(triggerRecord),
  dependencies: z.record(dependencyRecord),
  asyncInvokeConfigs: z.record(asyncConfigRecord),
  invocations: z.array(invocationRecord),
  workflows: z.record(workflowRecord),
  tokens: z.record(tokenRecord),
  tags: z.record(z.array(tagRecord)),
  reservedInstances: z.record(z.record(reservedRecord)),
  lts: projectLts,
};
