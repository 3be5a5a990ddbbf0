/**
 * Every resource and config key the code declares, as scripts/check-schema.ts compares them with
 * schema.json. A new resource adds one entry here (from its provider's zod schema and its SDK
 * class's output list) and one resource to schema.json; the check then holds the two together.
 */
import { CONFIG_KEYS as FG_CONFIG_KEYS } from "../provider/functiongraph/config";
import * as fgFunction from "../provider/functiongraph/function/schema";
import { FUNCTION_OUTPUTS } from "../sdk/functiongraph/function";
import * as fgTrigger from "../provider/functiongraph/trigger/schema";
import { TRIGGER_OUTPUTS } from "../sdk/functiongraph/trigger";
import * as fgAsyncConfig from "../provider/functiongraph/async-invoke-config/schema";
import * as fgInvocation from "../provider/functiongraph/invocation/schema";
import { ASYNC_INVOKE_CONFIG_OUTPUTS } from "../sdk/functiongraph/async-invoke-config";
import { INVOCATION_OUTPUTS } from "../sdk/functiongraph/invocation";
import * as fgDependencyVersion from "../provider/functiongraph/dependency-version/schema";
import { DEPENDENCY_VERSION_OUTPUTS } from "../sdk/functiongraph/dependency-version";
import * as fgWorkflow from "../provider/functiongraph/workflow/schema";
import { WORKFLOW_OUTPUTS } from "../sdk/functiongraph/workflow";
import { CONFIG_KEYS as LC_CONFIG_KEYS } from "../provider/leancloud/config";
import * as lcInvocation from "../provider/leancloud/invocation/schema";
import * as lcDeployment from "../provider/leancloud/engine-deployment/schema";
import * as lcEnvVars from "../provider/leancloud/engine-environment-variables/schema";
import { INVOCATION_OUTPUTS as LC_INVOCATION_OUTPUTS } from "../sdk/leancloud/invocation";
import { ENGINE_DEPLOYMENT_OUTPUTS } from "../sdk/leancloud/engine-deployment";
import { ENGINE_ENVIRONMENT_VARIABLES_OUTPUTS } from "../sdk/leancloud/engine-environment-variables";
import { CONFIG_KEYS as MINAPP_CONFIG_KEYS } from "../provider/minapp/config";
import * as minappCloudFunction from "../provider/minapp/cloud-function/schema";
import * as minappInvocation from "../provider/minapp/invocation/schema";
import { CLOUD_FUNCTION_OUTPUTS } from "../sdk/minapp/cloud-function";
import { INVOCATION_OUTPUTS as MINAPP_INVOCATION_OUTPUTS } from "../sdk/minapp/invocation";
import type { z } from "zod";

export interface ResourceDeclaration {
  /** Schema token, e.g. cloudfn:functiongraph:Function. */
  token: string;
  /** The provider's input object (required = not optional). */
  inputObject: z.AnyZodObject;
  inputProperties: readonly string[];
  /** Outputs the provider returns. */
  outputProperties: readonly string[];
  /** Outputs the SDK class declares. */
  sdkOutputs: readonly string[];
  replaceOnChange: readonly string[];
  /** Inputs and outputs marked secret. */
  secrets: readonly string[];
  defaults: Readonly<Record<string, unknown>>;
}

export const RESOURCES: ResourceDeclaration[] = [
  {
    token: "cloudfn:functiongraph:Function",
    inputObject: fgFunction.inputObject,
    inputProperties: fgFunction.INPUT_PROPERTIES,
    outputProperties: fgFunction.OUTPUT_PROPERTIES,
    sdkOutputs: FUNCTION_OUTPUTS,
    replaceOnChange: fgFunction.REPLACE_ON_CHANGE,
    secrets: ["encryptedEnvironment", "encryptedEnvironmentHash"],
    defaults: fgFunction.DEFAULTS,
  },
  {
    token: "cloudfn:functiongraph:Trigger",
    inputObject: fgTrigger.inputObject,
    inputProperties: fgTrigger.INPUT_PROPERTIES,
    outputProperties: fgTrigger.OUTPUT_PROPERTIES,
    sdkOutputs: TRIGGER_OUTPUTS,
    replaceOnChange: fgTrigger.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: fgTrigger.DEFAULTS,
  },
  {
    token: "cloudfn:functiongraph:AsyncInvokeConfig",
    inputObject: fgAsyncConfig.inputObject,
    inputProperties: fgAsyncConfig.INPUT_PROPERTIES,
    outputProperties: fgAsyncConfig.OUTPUT_PROPERTIES,
    sdkOutputs: ASYNC_INVOKE_CONFIG_OUTPUTS,
    replaceOnChange: fgAsyncConfig.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: fgAsyncConfig.DEFAULTS,
  },
  {
    token: "cloudfn:functiongraph:Invocation",
    inputObject: fgInvocation.inputObject,
    inputProperties: fgInvocation.INPUT_PROPERTIES,
    outputProperties: fgInvocation.OUTPUT_PROPERTIES,
    sdkOutputs: INVOCATION_OUTPUTS,
    replaceOnChange: fgInvocation.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: {},
  },
  {
    token: "cloudfn:functiongraph:DependencyVersion",
    inputObject: fgDependencyVersion.inputObject,
    inputProperties: fgDependencyVersion.INPUT_PROPERTIES,
    outputProperties: fgDependencyVersion.OUTPUT_PROPERTIES,
    sdkOutputs: DEPENDENCY_VERSION_OUTPUTS,
    replaceOnChange: fgDependencyVersion.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: fgDependencyVersion.DEFAULTS,
  },
  {
    token: "cloudfn:functiongraph:Workflow",
    inputObject: fgWorkflow.inputObject,
    inputProperties: fgWorkflow.INPUT_PROPERTIES,
    outputProperties: fgWorkflow.OUTPUT_PROPERTIES,
    sdkOutputs: WORKFLOW_OUTPUTS,
    replaceOnChange: fgWorkflow.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: fgWorkflow.DEFAULTS,
  },
  {
    token: "cloudfn:leancloud:Invocation",
    inputObject: lcInvocation.inputObject,
    inputProperties: lcInvocation.INPUT_PROPERTIES,
    outputProperties: lcInvocation.OUTPUT_PROPERTIES,
    sdkOutputs: LC_INVOCATION_OUTPUTS,
    replaceOnChange: lcInvocation.REPLACE_ON_CHANGE,
    secrets: ["sessionToken"],
    defaults: lcInvocation.DEFAULTS,
  },
  {
    token: "cloudfn:leancloud:EngineDeployment",
    inputObject: lcDeployment.inputObject,
    inputProperties: lcDeployment.INPUT_PROPERTIES,
    outputProperties: lcDeployment.OUTPUT_PROPERTIES,
    sdkOutputs: ENGINE_DEPLOYMENT_OUTPUTS,
    replaceOnChange: lcDeployment.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: lcDeployment.DEFAULTS,
  },
  {
    token: "cloudfn:leancloud:EngineEnvironmentVariables",
    inputObject: lcEnvVars.inputObject,
    inputProperties: lcEnvVars.INPUT_PROPERTIES,
    outputProperties: lcEnvVars.OUTPUT_PROPERTIES,
    sdkOutputs: ENGINE_ENVIRONMENT_VARIABLES_OUTPUTS,
    replaceOnChange: lcEnvVars.REPLACE_ON_CHANGE,
    secrets: ["secretVariables", "secretVariableHashes"],
    defaults: lcEnvVars.DEFAULTS,
  },
  {
    token: "cloudfn:minapp:CloudFunction",
    inputObject: minappCloudFunction.inputObject,
    inputProperties: minappCloudFunction.INPUT_PROPERTIES,
    outputProperties: minappCloudFunction.OUTPUT_PROPERTIES,
    sdkOutputs: CLOUD_FUNCTION_OUTPUTS,
    replaceOnChange: minappCloudFunction.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: minappCloudFunction.DEFAULTS,
  },
  {
    token: "cloudfn:minapp:Invocation",
    inputObject: minappInvocation.inputObject,
    inputProperties: minappInvocation.INPUT_PROPERTIES,
    outputProperties: minappInvocation.OUTPUT_PROPERTIES,
    sdkOutputs: MINAPP_INVOCATION_OUTPUTS,
    replaceOnChange: minappInvocation.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: minappInvocation.DEFAULTS,
  },
];

/** Stack config keys (`cloudfn:<name>`) of every platform. */
export const CONFIG_KEY_NAMES: string[] = [FG_CONFIG_KEYS, MINAPP_CONFIG_KEYS, LC_CONFIG_KEYS].flatMap((keys) => Object.values(keys).map((c) => c.key));
