export { Invocation, INVOCATION_OUTPUTS } from "./invocation";
export type { InvocationArgs } from "./invocation";
export { EngineDeployment, ENGINE_DEPLOYMENT_OUTPUTS } from "./engine-deployment";
export type { EngineDeploymentArgs } from "./engine-deployment";
export { EngineEnvironmentVariables, ENGINE_ENVIRONMENT_VARIABLES_OUTPUTS } from "./engine-environment-variables";
export type { EngineEnvironmentVariablesArgs } from "./engine-environment-variables";
export * as rpc from "./rpc";
