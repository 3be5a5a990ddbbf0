/**
 * Every resource and config key the code declares, as scripts/check-schema.ts compares them with
 * schema.json. A new resource adds one entry here (from its provider's zod schema and its SDK
 * class's output list) and one resource to schema.json; the check then holds the two together.
 */
import { CONFIG_KEYS as FG_CONFIG_KEYS } from "../provider/functiongraph/config";
import * as fgFunction from "../provider/functiongraph/function-schema";
import { FUNCTION_OUTPUTS } from "../sdk/functiongraph/function";
import { CONFIG_KEYS as MINAPP_CONFIG_KEYS } from "../provider/minapp/config";
import * as minappCloudFunction from "../provider/minapp/cloud-function-schema";
import * as minappInvocation from "../provider/minapp/invocation-schema";
import { CLOUD_FUNCTION_OUTPUTS } from "../sdk/minapp/cloud-function";
import { INVOCATION_OUTPUTS } from "../sdk/minapp/invocation";
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
    sdkOutputs: INVOCATION_OUTPUTS,
    replaceOnChange: minappInvocation.REPLACE_ON_CHANGE,
    secrets: [],
    defaults: minappInvocation.DEFAULTS,
  },
];

/** Stack config keys (`cloudfn:<name>`) of every platform. */
export const CONFIG_KEY_NAMES: string[] = [...Object.values(FG_CONFIG_KEYS).map((c) => c.key)];
CONFIG_KEY_NAMES.push(...Object.values(MINAPP_CONFIG_KEYS).map((c) => c.key));
