/**
 * Inputs and outputs of `cloudfn:functiongraph:Alias` as the provider sees them: the types and the
 * property lists derived from the definition (./definition.ts).
 */
import { replaceOnChange } from "../../core/definition";
import { aliasDefinition } from "./definition";
import type { StrategyInputs } from "./rules";

export type { StrategyInputs } from "./rules";

export interface AliasInputs {
  functionUrn: string;
  name: string;
  version: string;
  description: string;
  additionalVersionWeights?: Record<string, number>;
  additionalVersionStrategy?: Record<string, StrategyInputs>;
  /** Adopt the existing alias on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

export interface AliasOutputs extends Omit<AliasInputs, "adopt"> {
  aliasUrn: string;
  qualifier: string;
  lastModified: string;
}

/** functionUrn and name are the alias's address. */
export const REPLACE_ON_CHANGE = replaceOnChange(aliasDefinition);
/** Applied in place with one UpdateVersionAlias (F16). */
export const UPDATE_FIELDS = [
  "version",
  "description",
  "additionalVersionWeights",
  "additionalVersionStrategy",
] as const;
