/**
 * Every resource definition and stack-config key of the package: what scripts/generate turns
 * into schema.json, the SDK and the docs tables, and what the `cloudfn` CLI reads at run time.
 * A new resource adds one line here.
 */
import type { ResourceDefinition } from "./core/definition";
import { PROFILES_CONFIG, withCommonInputs } from "./core/common-inputs";
import { EMULATOR_CONFIG_KEY } from "./core/stack-config";
import { CONFIG_KEYS as FG_CONFIG } from "./functiongraph/config";
import { asyncInvokeConfigDefinition } from "./functiongraph/async-invoke-config/definition";
import { dependencyVersionDefinition } from "./functiongraph/dependency-version/definition";
import { functionDefinition } from "./functiongraph/function/definition";
import { invocationDefinition } from "./functiongraph/invocation/definition";
import { triggerDefinition } from "./functiongraph/trigger/definition";
import { workflowDefinition } from "./functiongraph/workflow/definition";
import { workflowExecutionDefinition } from "./functiongraph/workflow-execution/definition";
import { versionDefinition } from "./functiongraph/version/definition";
import { aliasDefinition } from "./functiongraph/alias/definition";
import { CONFIG_KEYS as LC_CONFIG } from "./leancloud/config";
import { engineDeploymentDefinition } from "./leancloud/engine-deployment/definition";
import { engineEnvironmentVariablesDefinition } from "./leancloud/engine-environment-variables/definition";
import { invocationDefinition as leancloudInvocationDefinition } from "./leancloud/invocation/definition";
import { cloudFunctionDefinition as minappCloudFunctionDefinition } from "./minapp/cloud-function/definition";
import { CONFIG_KEYS as MINAPP_CONFIG } from "./minapp/config";
import { invocationDefinition as minappInvocationDefinition } from "./minapp/invocation/definition";

/** A stack config key (`cloudfn:<name>`) with its environment fallback. */
export interface ConfigKeyDefinition {
  key: string;
  /** Absent for `cloudfn:profiles`, whose settings each have their own. */
  env?: string;
  /** `profiles`: an object of objects rather than a string. */
  type?: "profiles";
  secret?: boolean;
  description: string;
}

export const RESOURCES: readonly ResourceDefinition[] = [
  functionDefinition,
  triggerDefinition,
  asyncInvokeConfigDefinition,
  invocationDefinition,
  dependencyVersionDefinition,
  workflowDefinition,
  workflowExecutionDefinition,
  versionDefinition,
  aliasDefinition,
  minappCloudFunctionDefinition,
  minappInvocationDefinition,
  leancloudInvocationDefinition,
  engineDeploymentDefinition,
  engineEnvironmentVariablesDefinition,
].map(withCommonInputs);

/** The emulator switch first: it serves every platform. */
export const CONFIG_KEYS: readonly ConfigKeyDefinition[] = [
  ...[{ emulator: EMULATOR_CONFIG_KEY }, FG_CONFIG, MINAPP_CONFIG, LC_CONFIG].flatMap((keys) =>
    Object.values<ConfigKeyDefinition>(keys),
  ),
  PROFILES_CONFIG,
];

/** The definition of a schema token, if the package has that resource. */
export function definitionOf(token: string): ResourceDefinition | undefined {
  return RESOURCES.find((r) => r.token === token);
}
