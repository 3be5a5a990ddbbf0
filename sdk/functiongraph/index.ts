/** The FunctionGraph resources (generated from their definitions) and helpers. */
export * from "./resources";
export { getFunctionReport } from "./report";
export type { FunctionReport, FunctionReportArgs, FunctionReportEntry } from "./report";
