/** The FunctionGraph resources (generated from their definitions) and helpers. */
export * from "./resources";
export { Trigger, TRIGGER_OUTPUTS } from "./trigger";
export type { TriggerArgs, TimerArgs } from "./trigger";
export { AsyncInvokeConfig, ASYNC_INVOKE_CONFIG_OUTPUTS } from "./async-invoke-config";
export type { AsyncInvokeConfigArgs, AsyncInvokeDestination } from "./async-invoke-config";
export { Invocation, INVOCATION_OUTPUTS } from "./invocation";
export type { InvocationArgs } from "./invocation";
export { getFunctionReport } from "./report";
export type { FunctionReport, FunctionReportArgs, FunctionReportEntry } from "./report";
export { DependencyVersion, DEPENDENCY_VERSION_OUTPUTS } from "./dependency-version";
export type { DependencyVersionArgs } from "./dependency-version";
export { Workflow, WORKFLOW_OUTPUTS } from "./workflow";
export type { WorkflowArgs, WorkflowFunctionArgs, WorkflowStateArgs, WorkflowActionArgs } from "./workflow";
