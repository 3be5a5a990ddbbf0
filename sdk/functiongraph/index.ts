export { Function, FUNCTION_OUTPUTS } from "./function";
export type { FunctionArgs } from "./function";
