/**
 * Inputs and outputs of `cloudfn:functiongraph:WorkflowExecution`: one execution of a workflow
 * made at deploy time, made again when its inputs, its triggers or the workflow change. The
 * properties are declared in ./definition.ts.
 */
import { replaceOnChange } from "../../core/definition";
import { workflowExecutionDefinition } from "./definition";

export interface WorkflowExecutionInputs {
  workflowId: string;
  /** The input, canonicalised (sorted keys). Absent means `{}`. */
  input?: unknown;
  triggers?: Record<string, string>;
  timeoutSeconds: number;
}

export interface WorkflowExecutionOutputs extends WorkflowExecutionInputs {
  executionId: string;
  status: string;
  output: unknown;
  beginTime: string;
  endTime: string;
  workflowUpdatedTime: string;
}

export const REPLACE_ON_CHANGE = replaceOnChange(workflowExecutionDefinition);
