/**
 * LeanEngine environment variable name facts (docs/reference/leancloud-api.md §8): the name
 * character set the console accepts and the prefixes reserved for what the runtime injects.
 */

/** A name: letters, digits and `_`, not starting with a digit. No published length limit. */
export const ENV_VAR_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names the lean CLI refuses: the runtime owns `LEANCLOUD_*` and `LEAN_CLI*`. */
export const RESERVED_ENV_VAR_PREFIX_RE = /^(LEANCLOUD|LEAN_CLI)/i;
