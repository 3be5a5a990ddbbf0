/**
 * Versions and aliases of FunctionGraph (docs/reference/functiongraph-api.md §0 F11–F17, §2.1,
 * §3.1 quotas, §10.3 codes): name rules, quotas, routing rules and the error codes with their
 * wording. The provider's `check` and the emulator both read these, so they agree by construction.
 */

/** The qualifier every function has; it cannot be published over, aliased by name or deleted alone. */
export const LATEST = "latest";

/** Version names (TF docs): 1–42 of letters, digits, `_ - .`, letter or digit at both ends; not `latest`. */
export const VERSION_NAME_MAX_LENGTH = 42;
export const VERSION_NAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,40}[A-Za-z0-9])?$/;

/**
 * Alias names: letters, digits, `-`, `_`, letter first, letter or digit last. Length 1–64 per the
 * API reference, 1–63 per the Terraform docs (a [conflict] between the sources); we side with the
 * API reference, the authority on what the service accepts (as for func_name in limits.ts), so
 * the emulator never refuses a name the platform takes.
 */
export const ALIAS_NAME_MAX_LENGTH = 64;
export const ALIAS_NAME_RE = /^[A-Za-z](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/;

/** Quota: 20 versions per function, `latest` included, so 19 published ones (§3.1). */
export const MAX_VERSIONS_INCLUDING_LATEST = 20;
export const MAX_PUBLISHED_VERSIONS = MAX_VERSIONS_INCLUDING_LATEST - 1;
/** Quota: 10 aliases per function; one alias per version (FSS.1066). */
export const MAX_ALIASES = 10;
export const VERSION_DESCRIPTION_MAX_LENGTH = 512;

/**
 * Weighted routing (`additional_version_weights`: version → integer percent). The remainder goes
 * to the alias's own version, so the weights sum to at most 100; an additional version must exist
 * (FSS.1091), must differ from the alias's version (FSS.1093), and weights are integers 0–100
 * (FSS.1092). Weights and a rule strategy are mutually exclusive.
 */
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 100;
export const WEIGHTS_TOTAL_MAX = 100;

/** Rule-based routing (`additional_version_strategy`), per the SDK's VersionStrategy models. */
export const STRATEGY_RULE_TYPES = ["header", "cookie"] as const;
export const STRATEGY_RULE_OPS = ["=", "in"] as const;
export const STRATEGY_COMBINE_TYPES = ["and", "or"] as const;
/** `in` takes a comma-separated list of values. */
export const STRATEGY_IN_SEPARATOR = ",";

/**
 * Auto-generated version name when F11 has none: the API reference says the current time as
 * `yyyymmdd-HHMMSS`, the console shows a `v` prefix; we follow the API (the emulator answers API
 * calls). Computed in UTC.
 */
export function autoVersionName(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, "")}-${iso.slice(11, 19).replace(/:/g, "")}`;
}

/** Why a version name is invalid, or undefined when valid. */
export function versionNameProblem(name: string): string | undefined {
  if (name === LATEST) return `version name must not be "${LATEST}"`;
  if (name.length < 1 || name.length > VERSION_NAME_MAX_LENGTH)
    return `version name must be 1–${VERSION_NAME_MAX_LENGTH} characters`;
  if (!VERSION_NAME_RE.test(name))
    return "version name may contain only letters, digits, '_', '-' and '.', and must start and end with a letter or digit";
  return undefined;
}

/** Why an alias name is invalid, or undefined when valid. */
export function aliasNameProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > ALIAS_NAME_MAX_LENGTH)
    return `alias name must be 1–${ALIAS_NAME_MAX_LENGTH} characters`;
  if (!ALIAS_NAME_RE.test(name))
    return "alias name may contain only letters, digits, '-' and '_', and must start with a letter and end with a letter or digit";
  return undefined;
}

/** Error codes and statuses (§10.3); the wording the emulator answers with. */
export const VERSION_ERRORS = {
  badAliasName: { status: 400, code: "FSS.1014" },
  badVersionName: { status: 400, code: "FSS.1015" },
  nothingToPublish: { status: 400, code: "FSS.1016", message: "no change since the last published version" },
  badAdditionalVersion: { status: 400, code: "FSS.1091" },
  badWeight: { status: 400, code: "FSS.1092" },
  additionalIsMajor: { status: 400, code: "FSS.1093" },
  tooManyAliases: { status: 403, code: "FSS.1043" },
  versionHasAlias: { status: 403, code: "FSS.1094" },
  aliasHasTriggers: { status: 403, code: "FSS.1154" },
  versionNotFound: { status: 404, code: "FSS.1052", message: "Not found the function version" },
  aliasNotFound: { status: 404, code: "FSS.1053", message: "Not found the function alias" },
  versionExists: { status: 409, code: "FSS.1062" },
  aliasExists: { status: 409, code: "FSS.1063" },
  versionAliased: { status: 409, code: "FSS.1066" },
  /**
   * The version quota: the error-code appendix lists no dedicated code (1043 is aliases, 1045
   * dependencies), so we answer the generic 403 family code FSS.0403 with a message naming the
   * quota. Clients match on the status (quota = 403) and the message.
   */
  tooManyVersions: { status: 403, code: "FSS.0403" },
  /** Digest guard mismatch: the reference names no code; the generic invalid-parameter one. */
  digestMismatch: { status: 400, code: "FSS.0400" },
  /** Malformed weights/strategy or both given: the generic invalid-parameter code. */
  badRouting: { status: 400, code: "FSS.0400" },
} as const;
