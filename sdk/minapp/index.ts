/** The MinApp resources (generated from their definitions) and helpers. */
export * from "./resources";
// The Invocation users instantiate takes a CloudFunction too; it shadows the generated one.
export { Invocation } from "./function-invocation";
export type { InvocationArgs } from "./function-invocation";
export { listJobRecords } from "./jobs";
export type { JobRecord, JobRecordQuery, MinAppConnection } from "./jobs";
