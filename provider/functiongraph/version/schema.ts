/**
 * Inputs and outputs of `cloudfn:functiongraph:Version` as the provider sees them: the types and
 * the property lists derived from the definition (./definition.ts).
 */
import { replaceOnChange } from "../../core/definition";
import { versionDefinition } from "./definition";

export interface VersionInputs {
  functionUrn: string;
  /** Unset: named by the platform at publish time. */
  version?: string;
  description: string;
  /** The code digest the version must hold (the Function's `digest`). */
  digest?: string;
  /** Adopt the existing version on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

export interface VersionOutputs extends Omit<VersionInputs, "adopt" | "version"> {
  version: string;
  qualifiedUrn: string;
  codeDigest: string;
  codeSize: number;
  lastModified: string;
}

/** Every input but adopt: versions are immutable. */
export const REPLACE_ON_CHANGE = replaceOnChange(versionDefinition);
/** What diff compares; `version` only when the program names it (unset = the platform's name). */
export const DIFF_FIELDS = ["functionUrn", "version", "description", "digest"] as const;
