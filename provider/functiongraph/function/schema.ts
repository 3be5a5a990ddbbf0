/**
 * Inputs and outputs of `cloudfn:functiongraph:Function` as the provider sees them: the types,
 * and the property lists derived from the definition (./definition.ts), which is where every
 * property is declared.
 */
import { checkComputed, defaultsOf, replaceOnChange } from "../../core/definition";
import { inputObjectOf } from "../../core/check";
import { functionDefinition } from "./definition";
import type { Reserved } from "./separate-apis";

export { canonicalEnv, crossFieldIssues } from "./rules";

export const DEFAULTS = defaultsOf(functionDefinition) as {
  package: string;
  memorySize: number;
  timeout: number;
  description: string;
};
/** The zod object check validates with, built from the definition. */
export const inputObject = inputObjectOf(functionDefinition);

/** Checked inputs: user properties with defaults applied, plus the hidden hashes check computes. */
export interface FunctionInputs {
  name: string;
  package: string;
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  description: string;
  environment?: Record<string, string>;
  encryptedEnvironment?: Record<string, string>;
  dependencyVersionIds?: string[];
  /** A Pulumi archive (wire form, or asset objects in direct calls). */
  code?: unknown;
  codeUrl?: string;
  /** Adopt the existing function on the first `up`; never compared, never an output. */
  adopt?: boolean;
  agency?: string;
  appAgency?: string;
  vpc?: { vpcId: string; subnetId: string; securityGroups?: string[] };
  networkController?: { disablePublicNetwork?: boolean; triggerAccessVpcs?: { vpcId: string; vpcName?: string }[] };
  domainNames?: { id: string; domainName: string }[];
  mounts?: {
    user?: { userId: number; userGroupId: number };
    mounts: { type: string; resource: string; sharePath?: string; localPath: string }[];
  };
  maxInstances?: number;
  concurrencyPerInstance?: number;
  reservedInstances?: Reserved[];
  log?: { groupId?: string; groupName?: string; streamId?: string; streamName?: string };
  ltsCustomTags?: Record<string, string>;
  tags?: Record<string, string>;
  enterpriseProjectId?: string;
  initializer?: { handler: string; timeout: number };
  preStop?: { handler: string; timeout: number };
  ephemeralStorage?: number;
  customImage?: {
    image: string;
    command?: string;
    args?: string;
    workingDir?: string;
    uid?: string;
    gid?: string;
  };
  gpu?: { memory: number; type: string };
  /** `zip` or `inline` as declared; as an output, what the platform reports. */
  codeType?: string;
  codeFilename?: string;
  /** Hidden: SHA-256 of the deterministic zip of `code`. */
  codeHash?: string;
  /** Hidden: scrypt hash of the canonical JSON of `encryptedEnvironment` (values are never stored). */
  encryptedEnvironmentHash?: string;
}

/** Outputs: every input except the encrypted values, plus what FunctionGraph computes. */
export interface FunctionOutputs extends Omit<FunctionInputs, "encryptedEnvironment" | "adopt" | "codeType"> {
  funcUrn: string;
  funcId: string;
  digest: string;
  codeSize: number;
  lastModified: string;
  cpu: number;
  version: string;
  codeType: string;
}

/** What FunctionGraph computes (from a function object and a code object). */
export type ComputedOutputs = Pick<
  FunctionOutputs,
  "funcUrn" | "funcId" | "digest" | "codeSize" | "lastModified" | "cpu" | "version" | "codeType"
>;

/** Properties a user sets. */
export const INPUT_PROPERTIES = Object.keys(functionDefinition.inputs) as (keyof typeof functionDefinition.inputs)[];
/** Hidden inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = checkComputed(functionDefinition);
/** Changing these replaces the function: they are part of its URN, or immutable (runtime). */
export const REPLACE_ON_CHANGE = replaceOnChange(functionDefinition);
/** Applied with one UpdateFunctionConfig call. */
export const CONFIG_FIELDS = [
  "handler",
  "memorySize",
  "timeout",
  "description",
  "environment",
  "encryptedEnvironmentHash",
] as const;
/** Applied with one UpdateFunctionCode call. */
export const CODE_FIELDS = ["codeHash", "codeUrl", "dependencyVersionIds"] as const;
