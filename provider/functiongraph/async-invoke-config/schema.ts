/**
 * Inputs and outputs of `cloudfn:functiongraph:AsyncInvokeConfig` as the provider sees them: the
 * types, and the property lists derived from the definition (./definition.ts).
 */
import { defaultsOf, replaceOnChange } from "../../core/definition";
import { inputObjectOf } from "../../core/check";
import { asyncInvokeConfigDefinition } from "./definition";
import type { Destination } from "./rules";

export { FUNCTION_URN_RE, LIMITS, functionUrnField } from "./rules";
export type { Destination } from "./rules";

export const DEFAULTS = defaultsOf(asyncInvokeConfigDefinition) as {
  maxAsyncEventAgeInSeconds: number;
  maxAsyncRetryAttempts: number;
  enableAsyncStatusLog: boolean;
};
/** The zod object check validates with, built from the definition. */
export const inputObject = inputObjectOf(asyncInvokeConfigDefinition);

export interface AsyncInvokeConfigInputs {
  functionUrn: string;
  /** `latest`, a version or `!alias`; unset = functionUrn as written. */
  qualifier?: string;
  maxAsyncEventAgeInSeconds: number;
  maxAsyncRetryAttempts: number;
  onSuccess?: Destination;
  onFailure?: Destination;
  enableAsyncStatusLog: boolean;
  /** Adopt the existing configuration on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

export interface AsyncInvokeConfigOutputs extends Omit<AsyncInvokeConfigInputs, "adopt"> {
  createdTime: string;
  lastModified: string;
}

export const INPUT_PROPERTIES = Object.keys(
  asyncInvokeConfigDefinition.inputs,
) as (keyof typeof asyncInvokeConfigDefinition.inputs)[];
/** The config belongs to one function (version): another URN is another config. */
export const REPLACE_ON_CHANGE = replaceOnChange(asyncInvokeConfigDefinition);
/** Applied in place with one UpdateFunctionAsyncInvokeConfig (PUT) call. */
export const UPDATE_FIELDS = [
  "maxAsyncEventAgeInSeconds",
  "maxAsyncRetryAttempts",
  "onSuccess",
  "onFailure",
  "enableAsyncStatusLog",
] as const;
