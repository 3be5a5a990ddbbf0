/**
 * Inputs and outputs of `cloudfn:leancloud:EngineDeployment` as the provider sees them: the
 * types, and the property lists derived from the definition (./definition.ts), which is where
 * every property is declared.
 */
import { checkComputed, defaultsOf, replaceOnChange } from "../../core/definition";
import { engineDeploymentDefinition } from "./definition";

export const DEFAULTS = defaultsOf(engineDeploymentDefinition) as {
  group: string;
  environment: "production" | "staging";
  noDependenciesCache: boolean;
  overwriteFunctions: boolean;
  timeoutSeconds: number;
};

export interface DeploymentInputs {
  group: string;
  environment: "production" | "staging";
  /** A Pulumi archive (wire form, or asset objects in direct calls). */
  code: unknown;
  comment?: string;
  noDependenciesCache: boolean;
  overwriteFunctions: boolean;
  timeoutSeconds: number;
  /** Hidden: SHA-256 of the deterministic zip of `code` (starts with `drift:` after an out-of-band deploy). */
  codeHash?: string;
  /** Adopt the current deployment on the first `up`; never compared, never an output. */
  adopt?: boolean;
  /** The live versionTag built from this code; never compared, never an output. */
  adoptVersion?: string;
}

export interface DeploymentOutputs extends Omit<DeploymentInputs, "adopt" | "adoptVersion"> {
  /** `versionTag` of the environment after our deploy (live after refresh). */
  version: string;
  /** Names the engine serves (functions and hooks), sorted, from `_ops/metadatas`. */
  functions: string[];
}

/** Properties a user sets. */
export const INPUT_PROPERTIES = Object.keys(
  engineDeploymentDefinition.inputs,
) as (keyof typeof engineDeploymentDefinition.inputs)[];
/** Hidden inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = checkComputed(engineDeploymentDefinition);
/** Instructions for the first `up`, not properties of the deployment. */
export const ADOPTION_INPUTS: readonly string[] = ["adopt", "adoptVersion"];
/** The deployment is addressed by (app, group, environment). */
export const REPLACE_ON_CHANGE = replaceOnChange(engineDeploymentDefinition);
/** A change of these deploys a new version. */
export const DEPLOY_FIELDS = ["codeHash"] as const;
/** Recorded only: they apply to the next deploy. */
export const OPTION_FIELDS = ["comment", "noDependenciesCache", "overwriteFunctions", "timeoutSeconds"] as const;
