export { Function, FUNCTION_OUTPUTS } from "./function";
export type { FunctionArgs } from "./function";
export { AsyncInvokeConfig, ASYNC_INVOKE_CONFIG_OUTPUTS } from "./async-invoke-config";
export type { AsyncInvokeConfigArgs, AsyncInvokeDestination } from "./async-invoke-config";
export { Invocation, INVOCATION_OUTPUTS } from "./invocation";
export type { InvocationArgs } from "./invocation";
export { getFunctionReport } from "./report";
export type { FunctionReport, FunctionReportArgs, FunctionReportEntry } from "./report";
