export { Function, FUNCTION_OUTPUTS } from "./function";
export type { FunctionArgs } from "./function";
export { Trigger, TRIGGER_OUTPUTS } from "./trigger";
export type { TriggerArgs, TimerArgs } from "./trigger";
