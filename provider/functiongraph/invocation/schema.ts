/**
 * Inputs and outputs of `cloudfn:functiongraph:Invocation`: one synchronous invocation made at
 * deploy time (smoke tests, seeding), re-made when its inputs or triggers change. The properties
 * are declared in ./definition.ts.
 */
import { replaceOnChange } from "../../core/definition";
import { invocationDefinition } from "./definition";

export { MAX_INPUT_BYTES, canonicalJson } from "./rules";

export interface InvocationInputs {
  functionUrn: string;
  /** `latest`, a version or `!alias`; unset = functionUrn as written. */
  qualifier?: string;
  /** The event, canonicalised (sorted keys). Absent means `{}`. */
  input?: unknown;
  /** Any change re-invokes (e.g. `{ code: fn.codeHash }`). */
  triggers?: Record<string, string>;
}

export interface InvocationOutputs extends InvocationInputs {
  /** The function's answer, parsed from JSON when it is JSON. */
  result: unknown;
  /** `status` of the invoke response (200). */
  status: number;
  requestId: string;
  /** Last 4 KB of the function's log. */
  logTail: string;
}

/** Every input: a new input or trigger means a new invocation (as aws.lambda.Invocation). */
export const REPLACE_ON_CHANGE = replaceOnChange(invocationDefinition);
