/**
 * The one place a trigger runs its function. Everything that fires (the scheduler, the
 * fire-now and clock-advance control routes) goes through `runForTrigger`, so routing trigger
 * runs through the async-invoke path later is a change to this function only.
 *
 * Today it runs the function like the sync invoke handler (handlers/invoke.ts) does and records
 * the invocation the same way, marked with the trigger's type and id.
 */
import { rfc3339, type FgEnv } from "../env";
import { isNodeRuntime } from "../limits";
import { functionsOf } from "../models/function";
import { recordInvocation, tail, type InvocationRecord } from "../models/invocation";
import type { TriggerRecord } from "../models/trigger";
import { latestUrn } from "../urn";
import { parseUserData } from "../validation";

const LOG_TAIL_BYTES = 4096;

/** Runs the trigger's function with `event`; undefined when the function no longer exists. */
export async function runForTrigger(env: FgEnv, projectId: string, trigger: TriggerRecord, event: unknown): Promise<InvocationRecord | undefined> {
  const fn = functionsOf(env, projectId)[trigger.func_key];
  if (!fn) return undefined;
  const base = {
    request_id: env.ids.uuid(), func_urn: latestUrn(env.creds.region, projectId, fn.package, fn.func_name),
    started_at: rfc3339(env.clock.now()), source: trigger.trigger_type_code, trigger_id: trigger.trigger_id,
  };
  let record: InvocationRecord;
  if (!isNodeRuntime(fn.runtime) || !fn.code_base64) {
    const why = `the emulator cannot run this function (runtime ${fn.runtime}, code type ${fn.code_type})`;
    record = { ...base, duration_ms: 0, outcome: "error", result: JSON.stringify({ errorMessage: why, errorType: "EmulatorUnsupported", stackTrace: [] }), log: "" };
  } else {
    const vars = { ...(fn.user_data ? parseUserData("user_data", fn.user_data) : {}), ...(fn.encrypted_user_data ? parseUserData("encrypted_user_data", fn.encrypted_user_data) : {}) };
    const outcome = await env.executor.invoke({
      digest: fn.digest, code: Buffer.from(fn.code_base64, "base64"), handler: fn.handler, event, requestId: base.request_id,
      functionName: fn.func_name, packageName: fn.package, projectId, memorySize: fn.memory_size, timeoutSeconds: fn.timeout, env: vars,
    });
    const result = outcome.kind === "ok" ? outcome.result : outcome.kind === "error" ? JSON.stringify(outcome.error) : "";
    record = { ...base, duration_ms: outcome.durationMs, outcome: outcome.kind === "ok" ? "success" : outcome.kind, result, log: tail(outcome.log, LOG_TAIL_BYTES) };
  }
  recordInvocation(env, projectId, record);
  return record;
}
