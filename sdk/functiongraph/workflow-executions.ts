/**
 * `getWorkflowExecution` / `listWorkflowExecutions`: read a workflow's executions (W9 / W8). Plain
 * async functions, not resources; they read the same `cloudfn:functiongraph*` stack config (or
 * HW_* environment variables) as the resources, and `args.profile` picks a named profile's
 * settings first (docs/providers.md). The implementation is loaded on first call, so importing
 * the SDK stays light.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
  GetWorkflowExecutionArgs,
  ListWorkflowExecutionsArgs,
  WorkflowExecutionInfo,
  WorkflowExecutionSummary,
} from "../../provider/functiongraph/workflow-execution/helpers";

export type {
  GetWorkflowExecutionArgs,
  ListWorkflowExecutionsArgs,
  WorkflowExecutionInfo,
  WorkflowExecutionSummary,
} from "../../provider/functiongraph/workflow-execution/helpers";
export type { StateAttempt, StateHistory } from "../../provider/functiongraph/workflow-execution/api";

// Outside a Pulumi program getConfig finds nothing and the environment variables apply.
const config = { get: (key: string) => pulumi.runtime.getConfig(key) };

export async function getWorkflowExecution(args: GetWorkflowExecutionArgs): Promise<WorkflowExecutionInfo> {
  const impl = await import("../../provider/functiongraph/workflow-execution/helpers");
  return impl.getWorkflowExecution(args, config);
}

export async function listWorkflowExecutions(args: ListWorkflowExecutionsArgs): Promise<WorkflowExecutionSummary[]> {
  const impl = await import("../../provider/functiongraph/workflow-execution/helpers");
  return impl.listWorkflowExecutions(args, config);
}
