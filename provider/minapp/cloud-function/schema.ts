/**
 * Inputs and outputs of `cloudfn:minapp:CloudFunction` as the provider sees them: the types,
 * and the property lists derived from the definition (./definition.ts), which is where every
 * property is declared.
 */
import { inputObjectOf } from "../../core/check";
import { checkComputed, defaultsOf, replaceOnChange } from "../../core/definition";
import { PlanCircle } from "../api";
import { cloudFunctionDefinition } from "./definition";

export const DEFAULTS = defaultsOf(cloudFunctionDefinition) as {
  remark: string;
  planCircle: PlanCircle;
  entry: string;
};
/** The zod object check validates with, built from the definition. */
export const inputObject = inputObjectOf(cloudFunctionDefinition);

/** Checked inputs: user properties with defaults applied, plus the source check computes. */
export interface CloudFunctionInputs {
  name: string;
  /** A string, or a Pulumi asset/archive (wire form, or asset objects in direct calls). */
  code: unknown;
  entry: string;
  remark: string;
  planCircle: PlanCircle;
  /** Test environment id; absent = production. check fills it from `cloudfn:minappEnvironmentId`. */
  environmentId?: string;
  /**
   * Computed by check: the exact JavaScript deployed (`function_code`). Kept as a plain string
   * input so the engine's own input diff renders a line diff of the source in `preview --diff`.
   */
  source: string;
  /** Adopt the existing function on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

/** Outputs: every input plus what MinApp computes and the hash of the deployed source. */
export interface CloudFunctionOutputs extends Omit<CloudFunctionInputs, "adopt"> {
  /** The platform's numeric id. */
  functionId: number;
  auditStatus: string;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
  updatedBy: string;
  /** SHA-256 (hex) of the deployed source. */
  codeHash: string;
}

/** Properties a user sets. */
export const INPUT_PROPERTIES = Object.keys(
  cloudFunctionDefinition.inputs,
) as (keyof typeof cloudFunctionDefinition.inputs)[];
/** Inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = checkComputed(cloudFunctionDefinition);
/** The name is the platform's key, and the environment is another namespace: both replace. */
export const REPLACE_ON_CHANGE = replaceOnChange(cloudFunctionDefinition);
/** Applied in place with one PATCH. `code` and `entry` matter only through `source`. */
export const PATCH_FIELDS = ["source", "remark", "planCircle"] as const;
