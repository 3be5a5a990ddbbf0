/**
 * pulumi-cloudfn: Pulumi resources for serverless functions. Only platforms with shipped
 * resources are exported.
 */
export * as functiongraph from "./functiongraph";
export * as leancloud from "./leancloud";
export * as minapp from "./minapp";
