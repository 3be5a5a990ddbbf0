/** Public API of the cloudfn emulator. */
export { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";
export { ManualClock, SystemClock, type Clock } from "./core/clock";
export { randomIds, seededIds, type IdGenerator } from "./core/ids";
export { Store, type StoreSnapshot } from "./core/store";
export type { RequestLogEntry } from "./core/request-log";
export type { FaultSpec, FaultRule } from "./core/faults";
export type { FgCredentials } from "./functiongraph/env";
export { EMULATOR_DEFAULTS, EMULATOR_SWITCH } from "../platform/common/emulator-defaults";
