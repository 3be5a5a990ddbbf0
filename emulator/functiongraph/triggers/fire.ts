/**
 * The one place a trigger runs its function. Everything that fires (the scheduler, the
 * fire-now and clock-advance control routes) goes through `runForTrigger`.
 *
 * Triggers invoke asynchronously on the platform, so a firing is an async invocation
 * (runtime/async-invoke.ts): the function's async-invoke config applies (retries, maximum event
 * age measured from the scheduled time, destinations). The firing waits for that invocation to
 * finish so the control routes can answer with its outcome.
 */
import { rfc3339, type FgEnv } from "../env";
import { functionsOf } from "../models/function";
import { invocationsOf, recordInvocation, updateInvocation, type InvocationRecord } from "../models/invocation";
import type { TriggerRecord } from "../models/trigger";
import { awaitAsync, invokeAsync } from "../runtime/async-invoke";
import { functionUrn, latestUrn } from "../urn";

/** Runs the trigger's function with `event`; undefined when the function no longer exists. */
export async function runForTrigger(
  env: FgEnv,
  projectId: string,
  trigger: TriggerRecord,
  event: unknown,
  eventTime?: Date,
): Promise<InvocationRecord | undefined> {
  const fn = functionsOf(env, projectId)[trigger.func_key];
  if (!fn) return undefined;
  // A trigger created on a version or alias fires that qualifier (an alias routes per firing).
  const funcUrn = trigger.qualifier
    ? `${functionUrn(env.creds.region, projectId, fn.package, fn.func_name)}:${trigger.qualifier}`
    : latestUrn(env.creds.region, projectId, fn.package, fn.func_name);
  const marks = { source: trigger.trigger_type_code, trigger_id: trigger.trigger_id };
  let requestId: string;
  try {
    requestId = invokeAsync(env, funcUrn, event, marks.source, { eventTime });
  } catch (err) {
    // The platform would refuse the async call (e.g. a runtime the emulator cannot run): keep a trace.
    const record: InvocationRecord = {
      request_id: env.ids.uuid(),
      func_urn: funcUrn,
      started_at: rfc3339(env.clock.now()),
      duration_ms: 0,
      outcome: "error",
      result: JSON.stringify({ errorMessage: (err as Error).message, errorType: "PlatformError", stackTrace: [] }),
      log: "",
      kind: "async",
      status: "FAIL",
      ...marks,
    };
    recordInvocation(env, projectId, record);
    return record;
  }
  updateInvocation(env, projectId, requestId, marks);
  await awaitAsync(requestId);
  return invocationsOf(env, projectId).find((r) => r.request_id === requestId);
}
