/**
 * Inputs and outputs of `cloudfn:functiongraph:Function`: the zod input schema (the rules of
 * docs/reference/functiongraph-api.md §3.1, with messages that name the property and the rule), the output
 * shape, and the lists of fields that schema.json is checked against.
 */
import { z } from "zod";
import { MEMORY_SIZES, RUNTIMES, TIMEOUT_MAX_S as TIMEOUT_MAX, TIMEOUT_MIN_S as TIMEOUT_MIN, DESCRIPTION_MAX_LENGTH, USER_DATA_MAX_CHARS, USER_DATA_MAX_ENTRIES } from "../../../platform/functiongraph/limits";

export const DEFAULTS = { package: "default", memorySize: 128, timeout: 30, description: "" } as const;
export const MAX_ENV_VARS = USER_DATA_MAX_ENTRIES;
export const MAX_ENV_JSON_CHARS = USER_DATA_MAX_CHARS;
export const MAX_DESCRIPTION = DESCRIPTION_MAX_LENGTH;

const NAME_RE = /^[A-Za-z](?:[A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/;
const PACKAGE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ENV_KEY_RE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Runtimes whose handler is `file.function` (Go, Custom and image runtimes name an executable). */
const DOTTED_HANDLER = /^(Node\.js|Python|PHP|Java|Cangjie)/;

const str = (property: string) => z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

/** Canonical `user_data` text: JSON with sorted keys, so equal maps give equal strings. */
export function canonicalEnv(env: Record<string, string> | undefined): string {
  const keys = Object.keys(env ?? {}).sort();
  return keys.length === 0 ? "" : JSON.stringify(Object.fromEntries(keys.map((k) => [k, env![k]])));
}

function envMap(property: string) {
  return z.record(z.string(), z.string({ invalid_type_error: `${property} values must be strings` })).superRefine((env, ctx) => {
    const keys = Object.keys(env);
    const bad = keys.find((k) => !ENV_KEY_RE.test(k));
    if (bad !== undefined) ctx.addIssue({ code: "custom", message: `${property} variable name "${bad}" must be 1-64 letters, digits and "_", starting with a letter` });
    if (keys.length > MAX_ENV_VARS) ctx.addIssue({ code: "custom", message: `${property} must have at most ${MAX_ENV_VARS} variables; got ${keys.length}` });
    const size = canonicalEnv(env).length;
    if (size > MAX_ENV_JSON_CHARS) ctx.addIssue({ code: "custom", message: `${property} must serialize to at most ${MAX_ENV_JSON_CHARS} characters of JSON (4 KB); got ${size}` });
  });
}

/** Field rules; `.partial()` is applied per call to the properties that are unknown in preview. */
export const inputObject = z.object({
  name: str("name").refine((v) => NAME_RE.test(v), (v) => ({
    message: `name must be 1-60 characters of letters, digits, "-" and "_", starting with a letter and ending with a letter or digit; got "${v}"`,
  })),
  package: str("package").refine((v) => PACKAGE_RE.test(v), (v) => ({
    message: `package must be 1-64 characters of letters, digits, "-" and "_", starting with a letter; got "${v}"`,
  })).default(DEFAULTS.package),
  runtime: str("runtime").refine((v) => (RUNTIMES as readonly string[]).includes(v), (v) => ({
    message: `runtime "${v}" is not supported; allowed: ${RUNTIMES.join(", ")}`,
  })),
  handler: str("handler").refine((v) => v.length >= 3 && v.length <= 128, (v) => ({ message: `handler must be 3-128 characters; got ${v.length}` })),
  memorySize: z.number({ invalid_type_error: "memorySize must be a number" }).refine((v) => (MEMORY_SIZES as readonly number[]).includes(v), (v) => ({
    message: `memorySize must be one of ${MEMORY_SIZES.join(", ")} (MB); got ${v}`,
  })).default(DEFAULTS.memorySize),
  timeout: z.number({ invalid_type_error: "timeout must be a number" }).refine((v) => Number.isInteger(v) && v >= TIMEOUT_MIN && v <= TIMEOUT_MAX, (v) => ({
    message: `timeout must be an integer between ${TIMEOUT_MIN} and ${TIMEOUT_MAX} (seconds); got ${v}`,
  })).default(DEFAULTS.timeout),
  description: str("description").refine((v) => v.length <= MAX_DESCRIPTION, (v) => ({
    message: `description must be at most ${MAX_DESCRIPTION} characters; got ${v.length}`,
  })).default(DEFAULTS.description),
  environment: envMap("environment").optional(),
  encryptedEnvironment: envMap("encryptedEnvironment").optional(),
  dependencyVersionIds: z.array(str("dependencyVersionIds[]").min(1, "dependencyVersionIds must not contain empty ids"), {
    invalid_type_error: "dependencyVersionIds must be a list of dependency version ids",
  }).optional(),
  code: z.unknown().optional(),
  codeUrl: str("codeUrl").refine((v) => /^https?:\/\/\S+$/.test(v), (v) => ({ message: `codeUrl must be an http(s) URL of a zip in OBS; got "${v}"` })).optional(),
  /** Take over the existing function of this package and name on the first `up` (docs/adopt.md). */
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }).optional(),
});

/** Rules that involve two properties; absent (or unknown) values are skipped. */
export function crossFieldIssues(v: { runtime?: string; handler?: string; code?: unknown; codeUrl?: string }, unknownKeys: Set<string>): { property: string; reason: string }[] {
  const out: { property: string; reason: string }[] = [];
  if (v.runtime && v.handler && DOTTED_HANDLER.test(v.runtime) && !/^[^.]+\..+$/.test(v.handler)) {
    out.push({ property: "handler", reason: `handler must have the form "file.function" (e.g. "index.handler") for ${v.runtime}; got "${v.handler}"` });
  }
  const hasCode = v.code !== undefined || unknownKeys.has("code");
  const hasUrl = v.codeUrl !== undefined || unknownKeys.has("codeUrl");
  if (hasCode === hasUrl) {
    out.push({ property: "code", reason: `exactly one of code and codeUrl must be set; got ${hasCode ? "both" : "neither"}` });
  }
  return out;
}

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
  /** Hidden: SHA-256 of the deterministic zip of `code`. */
  codeHash?: string;
  /** Hidden: scrypt hash of the canonical JSON of `encryptedEnvironment` (values are never stored). */
  encryptedEnvironmentHash?: string;
}

/** Outputs: every input except the encrypted values, plus what FunctionGraph computes. */
export interface FunctionOutputs extends Omit<FunctionInputs, "encryptedEnvironment" | "adopt"> {
  funcUrn: string;
  funcId: string;
  digest: string;
  codeSize: number;
  lastModified: string;
  cpu: number;
  version: string;
  codeType: string;
}

/** Properties a user sets (schema.json `inputProperties`). */
export const INPUT_PROPERTIES = Object.keys(inputObject.shape) as (keyof z.infer<typeof inputObject>)[];
/** Hidden inputs computed by check (also outputs). */
export const HIDDEN_INPUTS = ["codeHash", "encryptedEnvironmentHash"] as const;
/** Properties computed by FunctionGraph. */
export const COMPUTED_OUTPUTS = ["funcUrn", "funcId", "digest", "codeSize", "lastModified", "cpu", "version", "codeType"] as const;
/** Every output property (schema.json `properties`, the SDK class's declared outputs). */
export const OUTPUT_PROPERTIES = [...INPUT_PROPERTIES.filter((p) => p !== "encryptedEnvironment" && p !== "adopt"), ...HIDDEN_INPUTS, ...COMPUTED_OUTPUTS];
/** Changing these replaces the function: they are part of its URN, or immutable (runtime). */
export const REPLACE_ON_CHANGE = ["name", "package", "runtime"] as const;
/** Applied with one UpdateFunctionConfig call. */
export const CONFIG_FIELDS = ["handler", "memorySize", "timeout", "description", "environment", "encryptedEnvironmentHash"] as const;
/** Applied with one UpdateFunctionCode call. */
export const CODE_FIELDS = ["codeHash", "codeUrl", "dependencyVersionIds"] as const;
