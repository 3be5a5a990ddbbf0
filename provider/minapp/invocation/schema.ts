/**
 * Inputs and outputs of `cloudfn:minapp:Invocation`: one run of a cloud function through the job
 * API (sync or async) or the debug API, repeated whenever its inputs change. Every property is
 * declared in ./definition.ts; this module holds the provider's types.
 */
import { MODES } from "./rules";

export { MODES };
export type InvocationMode = (typeof MODES)[number];

export interface InvocationInputs {
  functionName: string;
  environmentId?: string;
  data?: Record<string, unknown>;
  mode: InvocationMode;
  codeHash?: string;
}

export interface InvocationOutputs extends InvocationInputs {
  /** What the function returned (async: the platform's `{status: "ok"}`). */
  result: unknown;
  /** Debug mode only: the platform's job id and the run's log lines. */
  jobId?: string;
  log?: string;
}

/** Nothing is replaced: any change runs the function again (an update). */
export const RUN_FIELDS = ["functionName", "environmentId", "data", "mode", "codeHash"] as const;
