/**
 * Inputs and outputs of `cloudfn:functiongraph:DependencyVersion` (docs/reference/functiongraph-api.md §5): the
 * zod input schema with messages naming the property and the rule, the output shape, and the
 * lists schema.json is checked against.
 */
import { z } from "zod";
import { DEPENDENCY_NAME_MAX_LENGTH, DEPENDENCY_ZIP_MAX_BYTES, DESCRIPTION_MAX_LENGTH, RUNTIMES } from "../../../platform/functiongraph/limits";

export const DEFAULTS = { description: "" } as const;
export const MAX_NAME = DEPENDENCY_NAME_MAX_LENGTH;
export const MAX_DESCRIPTION = DESCRIPTION_MAX_LENGTH;
/** The API reference's limit for an inline (zip) package; a console FAQ says 10 MB ([conflict], §5.1). */
export const MAX_ZIP_BYTES = DEPENDENCY_ZIP_MAX_BYTES;

const NAME_RE = new RegExp(`^[A-Za-z](?:[A-Za-z0-9_.-]{0,${MAX_NAME - 2}}[A-Za-z0-9])?$`);
const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const inputObject = z.object({
  name: str("name").refine((v) => NAME_RE.test(v), (v) => ({
    message: `name must be 1-${MAX_NAME} characters of letters, digits, "_", "." and "-", starting with a letter and ending with a letter or digit; got "${v}"`,
  })),
  runtime: str("runtime").refine((v) => (RUNTIMES as readonly string[]).includes(v), (v) => ({
    message: `runtime "${v}" is not supported; allowed: ${RUNTIMES.join(", ")}`,
  })),
  description: str("description").refine((v) => v.length <= MAX_DESCRIPTION, (v) => ({
    message: `description must be at most ${MAX_DESCRIPTION} characters; got ${v.length}`,
  })).default(DEFAULTS.description),
  code: z.unknown().optional(),
  codeUrl: str("codeUrl").refine((v) => /^https:\/\/\S+\.zip$/i.test(v), (v) => ({ message: `codeUrl must be an https URL of a .zip object in OBS; got "${v}"` })).optional(),
  /** Record an existing version on the first `up` instead of creating one (docs/adopt.md). */
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }).optional(),
  /** With adopt: the version number to adopt (default: the newest). */
  adoptVersion: z.number({ invalid_type_error: "adoptVersion must be a number" }).int("adoptVersion must be an integer").min(1, "adoptVersion must be 1 or more").optional(),
});

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

export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
export const HIDDEN_INPUTS = ["codeHash"] as const;
export const COMPUTED_OUTPUTS = ["versionId", "dependencyId", "version", "etag", "size", "owner", "fileName", "lastModified"] as const;
/** Instructions for the first `up`, not properties of the version. */
export const ADOPTION_INPUTS: readonly string[] = ["adopt", "adoptVersion"];
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES.filter((p) => !ADOPTION_INPUTS.includes(p)), ...HIDDEN_INPUTS, ...COMPUTED_OUTPUTS];
/** Versions are immutable (there is no update API): every input replaces. */
export const REPLACE_ON_CHANGE = ["name", "runtime", "description", "code", "codeUrl"] as const;
/** What diff compares (the archive by its hash). */
export const DIFF_FIELDS = ["name", "runtime", "description", "codeHash", "codeUrl"] as const;
