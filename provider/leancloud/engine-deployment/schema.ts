/**
 * Inputs and outputs of `cloudfn:leancloud:EngineDeployment`: the zod input schema and the
 * field lists schema.json is checked against.
 */
import { z } from "zod";
import { environment } from "../invocation/schema";

export const DEFAULTS = { group: "web", environment: "production", noDependenciesCache: false, overwriteFunctions: false, timeoutSeconds: 600 } as const;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });
const bool = (property: string) => z.boolean({ invalid_type_error: `${property} must be a boolean` });

export const inputObject = z.object({
  group: str("group").refine((v) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v), (v) => ({
    message: `group must be 1-64 letters, digits, "-" and "_" (a LeanEngine group name such as "web"); got "${v}"`,
  })).default(DEFAULTS.group),
  environment: environment("environment").default(DEFAULTS.environment),
  code: z.unknown().refine((v) => v !== undefined && v !== null, { message: "code is required: a FileArchive of the LeanEngine project folder (or an AssetArchive)" }),
  comment: str("comment").max(200, "comment must be at most 200 characters").optional(),
  noDependenciesCache: bool("noDependenciesCache").default(DEFAULTS.noDependenciesCache),
  overwriteFunctions: bool("overwriteFunctions").default(DEFAULTS.overwriteFunctions),
  timeoutSeconds: z.number({ invalid_type_error: "timeoutSeconds must be a number" }).refine((v) => Number.isInteger(v) && v >= 10 && v <= 3600, (v) => ({
    message: `timeoutSeconds must be an integer between 10 and 3600; got ${v}`,
  })).default(DEFAULTS.timeoutSeconds),
  /** Take over the environment's current deployment on the first `up` (docs/adopt.md). */
  adopt: bool("adopt").optional(),
  /** With adopt: the live versionTag that was built from this code (then nothing is deployed). */
  adoptVersion: str("adoptVersion").min(1, "adoptVersion must not be empty").optional(),
});

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

export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
export const HIDDEN_INPUTS = ["codeHash"] as const;
export const COMPUTED_OUTPUTS = ["version", "functions"] as const;
/** Instructions for the first `up`, not properties of the deployment. */
export const ADOPTION_INPUTS: readonly string[] = ["adopt", "adoptVersion"];
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES.filter((p) => !ADOPTION_INPUTS.includes(p)), ...HIDDEN_INPUTS, ...COMPUTED_OUTPUTS];
/** The deployment is addressed by (app, group, environment). */
export const REPLACE_ON_CHANGE = ["group", "environment"] as const;
/** A change of these deploys a new version. */
export const DEPLOY_FIELDS = ["codeHash"] as const;
/** Recorded only: they apply to the next deploy. */
export const OPTION_FIELDS = ["comment", "noDependenciesCache", "overwriteFunctions", "timeoutSeconds"] as const;
