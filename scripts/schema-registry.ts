/**
 * Every resource and config key the code declares, as scripts/check-schema.ts compares them with
 * schema.json. A new resource adds one entry here (from its provider's zod schema and its SDK
 * class's output list) and one resource to schema.json; the check then holds the two together.
 */
import { CONFIG_KEYS as FG_CONFIG_KEYS } from "../provider/functiongraph/config";
import * as fgFunction from "../provider/functiongraph/function-schema";
import { FUNCTION_OUTPUTS } from "../sdk/functiongraph/function";
import { CONFIG_KEYS as LC_CONFIG_KEYS } from "../provider/leancloud/config";
import * as lcInvocation from "../provider/leancloud/invocation-schema";
import * as lcDeployment from "../provider/leancloud/deployment-schema";
import * as lcEnvVars from "../provider/leancloud/env-vars-schema";
import { INVOCATION_OUTPUTS } from "../sdk/leancloud/invocation";
import { ENGINE_DEPLOYMENT_OUTPUTS } from "../sdk/leancloud/engine-deployment";
import { ENGINE_ENVIRONMENT_VARIABLES_OUTPUTS } from "../sdk/leancloud/engine-environment-variables";
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
    token: "cloudfn:leancloud:Invocation",
    inputObject: lcInvocation.inputObject,
    inputProperties: lcInvocation.INPUT_PROPERTIES,
    outputProperties: lcInvocation.OUTPUT_PROPERTIES,
    sdkOutputs: INVOCATION_OUTPUTS,
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
];

/** Stack config keys (`cloudfn:<name>`) of every platform. */
export const CONFIG_KEY_NAMES: string[] = [...Object.values(FG_CONFIG_KEYS).map((c) => c.key), ...Object.values(LC_CONFIG_KEYS).map((c) => c.key)];
