/**
 * Inputs and outputs of `cloudfn:leancloud:EngineEnvironmentVariables` as the provider sees them:
 * the types, and the property lists derived from the definition (./definition.ts), which is
 * where every property is declared.
 */
import { checkComputed, defaultsOf, replaceOnChange } from "../../core/definition";
import { engineEnvironmentVariablesDefinition } from "./definition";

export { overlapIssue } from "./rules";

export const DEFAULTS = defaultsOf(engineEnvironmentVariablesDefinition) as { group: string };

export interface EnvVarsInputs {
  group: string;
  variables?: Record<string, string>;
  secretVariables?: Record<string, string>;
  /** Hidden: name → scrypt hash of the value (the values are never stored outside secret inputs). */
  secretVariableHashes?: Record<string, string>;
  /** Adopt existing names on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

export type EnvVarsOutputs = Omit<EnvVarsInputs, "secretVariables" | "adopt">;

/** Hidden inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = checkComputed(engineEnvironmentVariablesDefinition);
export const REPLACE_ON_CHANGE = replaceOnChange(engineEnvironmentVariablesDefinition);
export const COMPARED_FIELDS = ["group", "variables", "secretVariableHashes"] as const;
