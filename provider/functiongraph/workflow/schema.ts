/**
 * Inputs and outputs of `cloudfn:functiongraph:Workflow` (docs/reference/functiongraph-api.md §6) as the provider
 * sees them: the types, and the property lists derived from the definition (./definition.ts).
 */
import { defaultsOf, replaceOnChange } from "../../core/definition";
import { inputObjectOf } from "../../core/check";
import { workflowDefinition } from "./definition";
import type { WorkflowFunction, WorkflowRetry, WorkflowState } from "./rules";

export { ACTION_MODES, LIMITS, LOG_LEVELS, MODES, STATE_TYPES } from "./rules";
export type { WorkflowFunction, WorkflowRetry, WorkflowState } from "./rules";

export const DEFAULTS = defaultsOf(workflowDefinition) as { description: string; mode: string };
/** The zod object check validates with, built from the definition. */
export const inputObject = inputObjectOf(workflowDefinition);

/** Checked inputs: user properties with defaults applied. */
export interface WorkflowInputs {
  name: string;
  description: string;
  mode: string;
  start: string;
  functions: WorkflowFunction[];
  states: WorkflowState[];
  constants?: Record<string, unknown>;
  retries?: WorkflowRetry[];
  expressConfig?: { logLevel: string };
  /** Take over the existing workflow of this name on the first `up` (docs/adopt.md); never compared, never an output. */
  adopt?: boolean;
}

export interface WorkflowOutputs extends Omit<WorkflowInputs, "adopt"> {
  workflowUrn: string;
  workflowId: string;
  createdTime: string;
  updatedTime: string;
  createdBy: string;
}

/** The name is part of the URN; the mode decides how the platform runs and stores executions. */
export const REPLACE_ON_CHANGE = replaceOnChange(workflowDefinition);
/** Applied in place with one UpdateWorkFlow call (a full replacement of the definition). */
export const UPDATE_FIELDS = [
  "description",
  "start",
  "functions",
  "states",
  "constants",
  "retries",
  "expressConfig",
] as const;
