/**
 * Resource provider for `cloudfn:minapp:Invocation`: runs a cloud function when the resource is
 * created and again whenever its inputs change (data, mode, or the function's code through
 * `codeHash`). Nothing exists on the platform for it, so read and delete make no calls.
 *
 * Identifier: `<envId/>name@<random hex>` (a run, not a platform object).
 * Replace on change: nothing; any change is an update that runs the function again.
 * Computed outputs: result (the function's answer), jobId and log (debug mode).
 * API calls per step (docs/reference/minapp-api.md §3.2-§3.4):
 *   check  — none (zod validation).
 *   diff   — none.
 *   create, update — mode sync: POST cloud-function/<name>/job/ {data, sync: true};
 *            async: the same with sync: false (answer {status: "ok"});
 *            debug: POST cloud-function/<name>/debug/ {data}.
 *            A failed run (code ≠ 0) fails the step with the function's error type, message,
 *            stack and log, so the run is not recorded as done. For a failed sync job the log
 *            comes from GET cloud-function/<name>/job/ (the newest failed record since the
 *            call) and its user_log_url; debug answers with the log itself.
 *   read, delete — none.
 * The job call is retried on 5xx/429 like every call, so a run is "at least once".
 */
import { randomBytes } from "crypto";
import axios from "axios";
import { CheckResult, CreateResult, DiffResult, ResourceProvider } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { changedFields, diffResult } from "../../core/diff";
import { collect } from "../../core/paginate";
import { rerunOnChange } from "../../core/run-once";
import { DebugResult, JobResult } from "../api";
import { MinAppClient } from "../client";
import { minappClient } from "../cloud-function";
import { defaultEnvironmentId, configure, profiled } from "../config";
import { invocationDefinition } from "./definition";
import { InvocationInputs, InvocationOutputs, RUN_FIELDS } from "./schema";
import { functionResourceId } from "../mapping-util";

/** A failed run, with everything the platform said about it. */
export class FunctionRunError extends Error {
  constructor(
    readonly functionName: string,
    readonly mode: string,
    readonly errorType: string,
    readonly errorMessage: string,
    readonly functionStack?: string,
    readonly log?: string,
  ) {
    super(
      `MinApp cloud function "${functionName}" failed (${mode} run): ${errorType}: ${errorMessage}` +
        (functionStack ? `\nstack:\n${functionStack}` : "") +
        (log ? `\nlog:\n${log}` : ""),
    );
    this.name = "FunctionRunError";
  }
}

function failure(inputs: InvocationInputs, res: JobResult | DebugResult, log?: string): FunctionRunError {
  const err = res.error ?? {};
  return new FunctionRunError(
    inputs.functionName,
    inputs.mode,
    err.type || "Error",
    err.message || `code ${res.code}`,
    err.stack,
    log,
  );
}

/** Keep error messages readable: the tail of a long log is the interesting part. */
const MAX_LOG_CHARS = 4000;

/**
 * The log of the run that just failed: the newest failed job record since `since` and its
 * `user_log_url` (a pre-signed URL on the real platform). Best effort: the failure is reported
 * without a log if anything here fails.
 */
async function failedRunLog(ma: MinAppClient, name: string, since: number): Promise<string | undefined> {
  try {
    const records = await collect(ma.listJobs(name, { source: "open_api", created_at__gte: Math.floor(since) - 1 }));
    const failed = records.filter((r) => r.status !== "fulfilled" && r.user_log_url).sort((a, b) => b.id - a.id)[0];
    if (!failed?.user_log_url) return undefined;
    const res = await axios.get<string>(failed.user_log_url, {
      responseType: "text",
      timeout: 10000,
      transformResponse: (x: string) => x,
    });
    const log = res.data.trimEnd();
    return log.length > MAX_LOG_CHARS ? `…${log.slice(-MAX_LOG_CHARS)}` : log || undefined;
  } catch {
    return undefined;
  }
}

/** Runs the function once in the requested mode and returns the outputs, or throws FunctionRunError. */
export async function run(inputs: InvocationInputs): Promise<InvocationOutputs> {
  const ma = minappClient(inputs.environmentId);
  const data = inputs.data ?? {};
  if (inputs.mode === "debug") {
    const res = await ma.debug(inputs.functionName, data);
    if (res.code !== 0) throw failure(inputs, res, res.log);
    return dropUndefined({
      ...inputs,
      result: res.data ?? null,
      jobId: res.job_id === undefined ? undefined : String(res.job_id),
      log: res.log,
    });
  }
  const started = Date.now() / 1000;
  const res = await ma.runJob(inputs.functionName, data, inputs.mode === "sync");
  if (inputs.mode === "async") return { ...inputs, result: { status: res.status ?? "ok" } };
  if (res.code !== 0) throw failure(inputs, res, await failedRunLog(ma, inputs.functionName, started));
  return { ...inputs, result: res.data ?? null };
}

export const provider: ResourceProvider<InvocationInputs, InvocationOutputs> = profiled({
  configure,

  async check(_olds: InvocationInputs, news: InvocationInputs): Promise<CheckResult<InvocationInputs>> {
    const { value, unknown, failures } = validateInputs<InvocationInputs>(invocationDefinition, news);
    const environmentId =
      "environmentId" in unknown ? unknown.environmentId : (value.environmentId ?? defaultEnvironmentId());
    const inputs = dropUndefined({
      ...value,
      ...unknown,
      environmentId: environmentId || undefined,
    }) as InvocationInputs;
    return checkResult(inputs, failures);
  },

  async diff(_id: string, olds: InvocationOutputs, news: InvocationInputs): Promise<DiffResult> {
    const normalize = {
      data: (v: unknown) => v ?? {},
      environmentId: (v: unknown) => v ?? "",
      mode: (v: unknown) => v ?? "sync",
    };
    const changed = changedFields(olds, news, RUN_FIELDS, normalize);
    return diffResult(changed, []);
  },

  async create(inputs: InvocationInputs): Promise<CreateResult<InvocationOutputs>> {
    const outs = await run(inputs);
    return {
      id: `${functionResourceId(inputs.functionName, inputs.environmentId)}@${randomBytes(6).toString("hex")}`,
      outs,
    };
  },

  ...rerunOnChange(run),
});
