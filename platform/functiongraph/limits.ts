/**
 * FunctionGraph enumerations and limits: functions (docs/reference/functiongraph-api.md §3.1 runtimes,
 * memory sizes, code types, timeout, handler, description and user_data limits, code sizes),
 * list paging (§1.4), token lifetime (§9.1) and dependencies (§5.1, §5.2). The provider's input
 * schemas and the emulator's request validation both read these.
 */

/**
 * Minimum func_name length. The API reference says 1–60, the Terraform docs say 2–60
 * ([conflict] in §3.1). We side with the API reference, the authority on what the service
 * accepts, so the emulator never rejects a name the real platform would take.
 */
export const FUNC_NAME_MIN_LENGTH = 1;
export const FUNC_NAME_MAX_LENGTH = 60;

export const RUNTIMES = [
  "Java8",
  "Java11",
  "Java17",
  "Python2.7",
  "Python3.6",
  "Python3.9",
  "Python3.10",
  "Go1.8",
  "Go1.x",
  "Node.js6.10",
  "Node.js8.10",
  "Node.js10.16",
  "Node.js12.13",
  "Node.js14.18",
  "Node.js16.17",
  "Node.js18.15",
  "C#(.NET Core 2.0)",
  "C#(.NET Core 2.1)",
  "C#(.NET Core 3.1)",
  "C#(.NET Core 6.0)",
  "Custom",
  "PHP7.3",
  "PHP8.3",
  "Cangjie1.0",
  "http",
  "Custom Image",
] as const;

export const MEMORY_SIZES = [128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096] as const;

export const CODE_TYPES = ["inline", "zip", "obs", "jar", "Custom-Image-Swr"] as const;

export const TIMEOUT_MIN_S = 3;
export const TIMEOUT_MAX_S = 259_200;
export const HANDLER_MIN_LENGTH = 3;
export const HANDLER_MAX_LENGTH = 128;
export const DESCRIPTION_MAX_LENGTH = 512;
export const USER_DATA_MAX_ENTRIES = 20;
export const USER_DATA_MAX_CHARS = 4096;
/** Inline code limit, measured on the base64-decoded bytes. */
export const INLINE_CODE_MAX_BYTES = 10 * 1024;
/** zip/jar upload limit, measured on the base64-decoded bytes. */
export const ZIP_CODE_MAX_BYTES = 50 * 1024 * 1024;
/** List page size cap and default (§1.4). */
export const LIST_MAX_ITEMS = 400;
/** Token lifetime (§9.1). */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export const isNodeRuntime = (runtime: string) => runtime.startsWith("Node.js");

/** Dependency names (§5.1): ≤ 96 chars, letter first, letter or digit last, `_ . -` inside. */
export const DEPENDENCY_NAME_MAX_LENGTH = 96;
/**
 * Zip upload limit of a dependency. The API reference says 40 MB, a console FAQ 10 MB for direct
 * upload ([conflict] in §5.1); we follow the API reference, the authority on what the API takes.
 */
export const DEPENDENCY_ZIP_MAX_BYTES = 40 * 1024 * 1024;
/**
 * Number of the first version of a dependency. The console says 1, API examples show 0
 * ([conflict] in §5.2); we follow the console, which shows what users see.
 */
export const DEPENDENCY_FIRST_VERSION = 1;
