export { CloudFunction, CLOUD_FUNCTION_OUTPUTS } from "./cloud-function";
export type { CloudFunctionArgs } from "./cloud-function";
export { Invocation, INVOCATION_OUTPUTS } from "./invocation";
export type { InvocationArgs } from "./invocation";
export { listJobRecords } from "./jobs";
export type { JobRecord, JobRecordQuery, MinAppConnection } from "./jobs";
