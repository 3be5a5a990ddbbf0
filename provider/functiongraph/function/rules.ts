/**
 * The validation rules of `cloudfn:functiongraph:Function` (docs/reference/functiongraph-api.md §3.1),
 * used by its definition; messages name the property and the rule.
 */
import { z } from "zod";
import { oneOfRule } from "../../core/rules";
import {
  DESCRIPTION_MAX_LENGTH as MAX_DESCRIPTION,
  MEMORY_SIZES,
  RUNTIMES,
  TIMEOUT_MAX_S as TIMEOUT_MAX,
  TIMEOUT_MIN_S as TIMEOUT_MIN,
  USER_DATA_MAX_CHARS as MAX_ENV_JSON_CHARS,
  USER_DATA_MAX_ENTRIES as MAX_ENV_VARS,
} from "../../../platform/functiongraph/limits";
import { handlerLengthProblem, handlerShapeProblem } from "../../../platform/functiongraph/handler";

const NAME_RE = /^[A-Za-z](?:[A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/;
const PACKAGE_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ENV_KEY_RE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

/** Canonical `user_data` text: JSON with sorted keys, so equal maps give equal strings. */
export function canonicalEnv(env: Record<string, string> | undefined): string {
  const map = env ?? {};
  const keys = Object.keys(map).sort();
  return keys.length === 0 ? "" : JSON.stringify(Object.fromEntries(keys.map((k) => [k, map[k]])));
}

function envMap(property: string) {
  return z
    .record(z.string(), z.string({ invalid_type_error: `${property} values must be strings` }))
    .superRefine((env, ctx) => {
      const keys = Object.keys(env);
      const bad = keys.find((k) => !ENV_KEY_RE.test(k));
      if (bad !== undefined)
        ctx.addIssue({
          code: "custom",
          message: `${property} variable name "${bad}" must be 1-64 letters, digits and "_", starting with a letter`,
        });
      if (keys.length > MAX_ENV_VARS)
        ctx.addIssue({
          code: "custom",
          message: `${property} must have at most ${MAX_ENV_VARS} variables; got ${keys.length}`,
        });
      const size = canonicalEnv(env).length;
      if (size > MAX_ENV_JSON_CHARS)
        ctx.addIssue({
          code: "custom",
          message: `${property} must serialize to at most ${MAX_ENV_JSON_CHARS} characters of JSON (4 KB); got ${size}`,
        });
    });
}

/**
 * The platform's rule for each property, with messages that name the property and the rule.
 * Optionality and defaults come from the definition (./definition.ts).
 */
export const rules = {
  name: str("name").refine(
    (v) => NAME_RE.test(v),
    (v) => ({
      message: `name must be 1-60 characters of letters, digits, "-" and "_", starting with a letter and ending with a letter or digit; got "${v}"`,
    }),
  ),
  package: str("package").refine(
    (v) => PACKAGE_RE.test(v),
    (v) => ({
      message: `package must be 1-64 characters of letters, digits, "-" and "_", starting with a letter; got "${v}"`,
    }),
  ),
  runtime: oneOfRule("runtime", RUNTIMES),
  handler: str("handler").superRefine((v, ctx) => {
    const problem = handlerLengthProblem(v);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  }),
  memorySize: z.number({ invalid_type_error: "memorySize must be a number" }).refine(
    (v) => (MEMORY_SIZES as readonly number[]).includes(v),
    (v) => ({
      message: `memorySize must be one of ${MEMORY_SIZES.join(", ")} (MB); got ${v}`,
    }),
  ),
  timeout: z.number({ invalid_type_error: "timeout must be a number" }).refine(
    (v) => Number.isInteger(v) && v >= TIMEOUT_MIN && v <= TIMEOUT_MAX,
    (v) => ({
      message: `timeout must be an integer between ${TIMEOUT_MIN} and ${TIMEOUT_MAX} (seconds); got ${v}`,
    }),
  ),
  description: str("description").refine(
    (v) => v.length <= MAX_DESCRIPTION,
    (v) => ({
      message: `description must be at most ${MAX_DESCRIPTION} characters; got ${v.length}`,
    }),
  ),
  environment: envMap("environment"),
  encryptedEnvironment: envMap("encryptedEnvironment"),
  dependencyVersionIds: z.array(
    str("dependencyVersionIds[]").min(1, "dependencyVersionIds must not contain empty ids"),
    {
      invalid_type_error: "dependencyVersionIds must be a list of dependency version ids",
    },
  ),
  codeUrl: str("codeUrl").refine(
    (v) => /^https?:\/\/\S+$/.test(v),
    (v) => ({ message: `codeUrl must be an http(s) URL of a zip in OBS; got "${v}"` }),
  ),
};

/** Rules that involve two properties; absent (or unknown) values are skipped. */
export function crossFieldIssues(
  v: { runtime?: string; handler?: string; code?: unknown; codeUrl?: string; customImage?: unknown },
  unknownKeys: Set<string>,
): { property: string; reason: string }[] {
  const out: { property: string; reason: string }[] = [];
  const handler = v.runtime && v.handler ? handlerShapeProblem(v.handler, v.runtime) : undefined;
  if (handler !== undefined) out.push({ property: "handler", reason: handler });
  const hasCode = v.code !== undefined || unknownKeys.has("code");
  const hasUrl = v.codeUrl !== undefined || unknownKeys.has("codeUrl");
  // An image function has neither (configCrossIssues says so when it has one).
  const image = v.customImage !== undefined || unknownKeys.has("customImage");
  if (hasCode === hasUrl && !image) {
    out.push({
      property: "code",
      reason: `exactly one of code and codeUrl must be set; got ${hasCode ? "both" : "neither"}`,
    });
  }
  return out;
}
