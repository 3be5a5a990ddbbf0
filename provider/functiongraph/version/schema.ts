/**
 * Inputs and outputs of `cloudfn:functiongraph:Version` as the provider sees them: the types and
 * the property lists derived from the definition (./definition.ts).
 */
import { replaceOnChange } from "../../core/definition";
import { versionDefinition } from "./definition";

export interface VersionInputs {
  functionUrn: string;
  /** The version name to publish under; unset: named by the platform at publish time. */
  name?: string;
  description: string;
  /** The code digest the version must hold (the Function's `digest`). */
  digest?: string;
  /** Adopt the existing version on the first `up`; never compared, never an output. */
  adopt?: boolean;
}

export interface VersionOutputs extends Omit<VersionInputs, "adopt"> {
  /** The version's name: `name`, or the one the platform chose. */
  version: string;
  qualifiedUrn: string;
  codeDigest: string;
  codeSize: number;
  lastModified: string;
}

/** Every input but adopt: versions are immutable. */
export const REPLACE_ON_CHANGE = replaceOnChange(versionDefinition);
/** What diff compares. */
export const DIFF_FIELDS = ["functionUrn", "name", "description", "digest"] as const;
