/** The FunctionGraph resources (generated from their definitions) and helpers. */
export * from "./resources";
export { getFunctionReport } from "./report";
export type { FunctionReport, FunctionReportArgs, FunctionReportEntry } from "./report";
export { getWorkflowExecution, listWorkflowExecutions } from "./workflow-executions";
export type {
  GetWorkflowExecutionArgs,
  ListWorkflowExecutionsArgs,
  StateAttempt,
  StateHistory,
  WorkflowExecutionInfo,
  WorkflowExecutionSummary,
} from "./workflow-executions";
export { listAsyncInvocations } from "./async-invocations";
export type { AsyncInvocation, ListAsyncInvocationsArgs } from "./async-invocations";
