/**
 * FunctionGraph workflow (函数流) definition facts (docs/reference/functiongraph-api.md §6.1):
 * modes, state types, action modes, express log levels, size limits and the character set of
 * names and descriptions. The provider's Workflow schema and the emulator's W1/W4 validation
 * both read these.
 */

export const WORKFLOW_MODES = ["NORMAL", "EXPRESS"] as const;
export const STATE_TYPES = ["Operation", "Sleep", "End"] as const;
export const ACTION_MODES = ["sequential", "parallel"] as const;
export const LOG_LEVELS = ["ALL", "ERROR", "NONE"] as const;

/** Most states, functions and retries per definition; longest name, description and id. */
export const WORKFLOW_LIMITS = {
  states: 100,
  functions: 100,
  retries: 200,
  name: 64,
  description: 512,
  id: 256,
} as const;

/** Character set of names and descriptions (§6.1): letters, digits, `_ ( ) . -`, CJK U+4E00–U+9FA5. */
export const FLOW_CHARS_CLASS = "A-Za-z0-9_().\\-\\u4e00-\\u9fa5";
