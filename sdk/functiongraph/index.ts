export { Function, FUNCTION_OUTPUTS } from "./function";
export type { FunctionArgs } from "./function";
export { DependencyVersion, DEPENDENCY_VERSION_OUTPUTS } from "./dependency-version";
export type { DependencyVersionArgs } from "./dependency-version";
export { Workflow, WORKFLOW_OUTPUTS } from "./workflow";
export type { WorkflowArgs, WorkflowFunctionArgs, WorkflowStateArgs, WorkflowActionArgs } from "./workflow";
