/**
 * Inputs and outputs of `cloudfn:functiongraph:DependencyVersion` (docs/reference/functiongraph-api.md §5) as the
 * provider sees them: the types, and the property lists derived from the definition (./definition.ts).
 */
import { checkComputed, defaultsOf, replaceOnChange } from "../../core/definition";
import { inputObjectOf } from "../../core/check";
import { dependencyVersionDefinition } from "./definition";

export { MAX_DESCRIPTION, MAX_NAME, MAX_ZIP_BYTES } from "./rules";

export const DEFAULTS = defaultsOf(dependencyVersionDefinition) as { description: string };
/** The zod object check validates with, built from the definition. */
export const inputObject = inputObjectOf(dependencyVersionDefinition);

export interface DependencyVersionInputs {
  name: string;
  runtime: string;
  description: string;
  /** A Pulumi archive whose zip holds the package (for Node.js: node_modules/...). */
  code?: unknown;
  codeUrl?: string;
  /** Hidden: SHA-256 of the deterministic zip of `code`. */
  codeHash?: string;
  /** Adopt an existing version on the first `up`; never compared, never an output. */
  adopt?: boolean;
  /** The version number to adopt (default: the newest); never compared, never an output. */
  adoptVersion?: number;
}

export interface DependencyVersionOutputs extends Omit<DependencyVersionInputs, "adopt" | "adoptVersion"> {
  /** The version's UUID: what functions list in `dependencyVersionIds`. */
  versionId: string;
  dependencyId: string;
  version: number;
  etag: string;
  size: number;
  owner: string;
  fileName: string;
  lastModified: number;
}

export const INPUT_PROPERTIES = Object.keys(
  dependencyVersionDefinition.inputs,
) as (keyof typeof dependencyVersionDefinition.inputs)[];
/** Hidden inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = checkComputed(dependencyVersionDefinition);
/** Versions are immutable (there is no update API): every input replaces. */
export const REPLACE_ON_CHANGE = replaceOnChange(dependencyVersionDefinition);
/** What diff compares (the archive by its hash). */
export const DIFF_FIELDS = ["name", "runtime", "description", "codeHash", "codeUrl"] as const;
