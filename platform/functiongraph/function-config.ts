/**
 * Rules of the production-function configuration of FunctionGraph (docs/reference/functiongraph-api.md
 * §3.1 limits, §3.2 nested objects, §3.8 update, §0 F10/F18): hooks, storage, GPU, instance limits,
 * mounts, tags, VPC peering, custom images, reserved instances. Plain data plus small pure functions
 * that return the problem sentence (or undefined), so the provider's `check` and the emulator's 400
 * name the same rule in the same words. Tag rules are Huawei's tag-management (TMS) rules, which
 * FunctionGraph applies to its tag API.
 */

/** Initializer hook: `initializer_timeout` 1–300 s, required once `initializer_handler` is set. */
export const INITIALIZER_TIMEOUT_MIN_S = 1;
export const INITIALIZER_TIMEOUT_MAX_S = 300;
/** Pre-stop hook: `pre_stop_timeout` 1–90 s. */
export const PRE_STOP_TIMEOUT_MIN_S = 1;
export const PRE_STOP_TIMEOUT_MAX_S = 90;
/** Restore hook (Java snapshot start): `restore_hook_timeout` 1–300 s. */
export const RESTORE_HOOK_TIMEOUT_MIN_S = 1;
export const RESTORE_HOOK_TIMEOUT_MAX_S = 300;

/** `ephemeral_storage` (MB): exactly one of these; 512 is what the service reports by default. */
export const EPHEMERAL_STORAGE_SIZES = [512, 10240] as const;
export const EPHEMERAL_STORAGE_DEFAULT_MB = 512;

/** `gpu_memory` (MB): 1024–16384 in steps of 1024, only for these runtimes, paired with `gpu_type`. */
export const GPU_MEMORY_MIN_MB = 1024;
export const GPU_MEMORY_MAX_MB = 16384;
export const GPU_MEMORY_STEP_MB = 1024;
export const GPU_RUNTIMES = ["Custom", "Custom Image"] as const;

/**
 * Max instances (`strategy_config.concurrency`, also F10's `max_instance_num`): -1 = unlimited,
 * 0 = the function is disabled (cannot be invoked), up to 1000. Default 400 for v2 functions.
 */
export const MAX_INSTANCES_UNLIMITED = -1;
export const MAX_INSTANCES_DISABLED = 0;
export const MAX_INSTANCES_MAX = 1000;
export const MAX_INSTANCES_DEFAULT = 400;
/** Per-instance concurrency (`strategy_config.concurrent_num`): 1–1000, default 1. */
export const CONCURRENT_NUM_MIN = 1;
export const CONCURRENT_NUM_MAX = 1000;
export const CONCURRENT_NUM_DEFAULT = 1;

/** Framework version `type`; the reference conflicts on the default, we follow Terraform (v2). */
export const FUNCTION_TYPES = ["v1", "v2"] as const;
export const FUNCTION_TYPE_DEFAULT = "v2";

/** Enterprise project of accounts without enterprise projects. */
export const ENTERPRISE_PROJECT_DEFAULT = "0";

/** Mounts: ≤ 5 (403 FSS.1049); user and group ids -1..65534 except 0 (-1 = the default user). */
export const MOUNTS_MAX = 5;
export const MOUNT_TYPES = ["sfs", "sfsTurbo", "ecs"] as const;
/** Only ECS mounts name a share path (e.g. `192.168.0.12:/data`). */
export const MOUNT_TYPES_NEEDING_SHARE_PATH: readonly string[] = ["ecs"];
export const MOUNT_USER_ID_MIN = -1;
export const MOUNT_USER_ID_MAX = 65534;
export const MOUNT_USER_ID_DEFAULT = -1;

/** VPC peering: up to 5 CIDRs in one string separated by `;`. */
export const PEERING_CIDR_MAX = 5;
export const PEERING_CIDR_SEPARATOR = ";";

/** Tags (F18): ≤ 20 per function; TMS rules for keys and values. */
export const TAGS_MAX = 20;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 255;
/** Keys starting with this are system tags; tenants cannot set them. */
export const TAG_SYSTEM_PREFIX = "_sys_";
/** Letters of any language, digits, spaces and `_ . : = + - @` (values also allow `/`). */
export const TAG_KEY_RE = /^[\p{L}\p{N} _.:=+\-@]+$/u;
export const TAG_VALUE_RE = /^[\p{L}\p{N} _.:/=+\-@]*$/u;

/** Custom image (`custom_image`): the image lives in SWR, the working directory can only be `/`. */
export const CUSTOM_IMAGE_PREFIX = "swr.";
export const CUSTOM_IMAGE_WORKING_DIR = "/";

/** Reserved instances: 0–1000 per qualifier (0 = none kept); qualifiers are versions or aliases. */
export const RESERVED_INSTANCES_MIN = 0;
export const RESERVED_INSTANCES_MAX = 1000;
export const RESERVED_QUALIFIER_TYPES = ["version", "alias"] as const;
/** Scheduled (cron) and metric policies of reserved instances. */
export const RESERVED_POLICY_NAME_RE = /^[A-Za-z](?:[A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/;
export const RESERVED_METRIC_TYPES = ["Concurrency"] as const;
export const RESERVED_METRIC_THRESHOLD_MIN = 1;
export const RESERVED_METRIC_THRESHOLD_MAX = 99;

/** Inline code: the source of one file, ≤ 10 KB decoded; the file it lands in is `code_filename`. */
export const INLINE_CODE_FILENAME_DEFAULT = "index.js";

/** Sentence for an integer outside an inclusive range, e.g. `initializer_timeout must be an integer from 1 to 300; got 0`. */
export function rangeProblem(field: string, value: number, min: number, max: number): string | undefined {
  if (Number.isInteger(value) && value >= min && value <= max) return undefined;
  return `${field} must be an integer from ${min} to ${max}; got ${value}`;
}

export function oneOfProblem(field: string, value: unknown, allowed: readonly unknown[]): string | undefined {
  if (allowed.includes(value)) return undefined;
  return `${field} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`;
}

export function gpuMemoryProblem(value: number): string | undefined {
  return (
    rangeProblem("gpu_memory", value, GPU_MEMORY_MIN_MB, GPU_MEMORY_MAX_MB) ??
    (value % GPU_MEMORY_STEP_MB === 0
      ? undefined
      : `gpu_memory must be a multiple of ${GPU_MEMORY_STEP_MB}; got ${value}`)
  );
}

export function maxInstancesProblem(field: string, value: number): string | undefined {
  return rangeProblem(field, value, MAX_INSTANCES_UNLIMITED, MAX_INSTANCES_MAX);
}

export function concurrentNumProblem(value: number): string | undefined {
  return rangeProblem("concurrent_num", value, CONCURRENT_NUM_MIN, CONCURRENT_NUM_MAX);
}

/** user_id / user_group_id of a mount user: 0 (root) is refused. */
export function mountUserIdProblem(field: string, value: number): string | undefined {
  const range = rangeProblem(field, value, MOUNT_USER_ID_MIN, MOUNT_USER_ID_MAX);
  if (range !== undefined) return range;
  return value === 0 ? `${field} must not be 0 (root); use -1 for the default user` : undefined;
}

export function peeringCidrProblem(value: string): string | undefined {
  const parts = value.split(PEERING_CIDR_SEPARATOR).filter((part) => part !== "");
  if (parts.length > PEERING_CIDR_MAX)
    return `peering_cidr holds at most ${PEERING_CIDR_MAX} CIDRs separated by "${PEERING_CIDR_SEPARATOR}"; got ${parts.length}`;
  const bad = parts.find((part) => !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(part));
  return bad === undefined
    ? undefined
    : `peering_cidr entry ${JSON.stringify(bad)} is not a CIDR such as 192.168.0.0/16`;
}

export function tagKeyProblem(key: string): string | undefined {
  if (key.length < 1 || key.length > TAG_KEY_MAX_LENGTH)
    return `tag key must be 1-${TAG_KEY_MAX_LENGTH} characters; got ${key.length}`;
  if (key.startsWith(TAG_SYSTEM_PREFIX))
    return `tag key ${JSON.stringify(key)} must not start with ${TAG_SYSTEM_PREFIX}`;
  if (key.trim() !== key) return `tag key ${JSON.stringify(key)} must not start or end with a space`;
  if (!TAG_KEY_RE.test(key))
    return `tag key ${JSON.stringify(key)} may only contain letters, digits, spaces and _ . : = + - @`;
  return undefined;
}

export function tagValueProblem(key: string, value: string): string | undefined {
  if (value.length > TAG_VALUE_MAX_LENGTH)
    return `tag value of ${JSON.stringify(key)} must be at most ${TAG_VALUE_MAX_LENGTH} characters; got ${value.length}`;
  if (!TAG_VALUE_RE.test(value))
    return `tag value of ${JSON.stringify(key)} may only contain letters, digits, spaces and _ . : / = + - @`;
  return undefined;
}

export function tagCountProblem(count: number): string | undefined {
  return count <= TAGS_MAX ? undefined : `a function has at most ${TAGS_MAX} tags; got ${count}`;
}

export function customImageProblem(image: { image?: string; working_dir?: string }): string | undefined {
  if (!image.image?.startsWith(CUSTOM_IMAGE_PREFIX))
    return `custom_image.image must be an SWR image URL starting with "${CUSTOM_IMAGE_PREFIX}"; got ${JSON.stringify(image.image ?? "")}`;
  if (image.working_dir !== undefined && image.working_dir !== CUSTOM_IMAGE_WORKING_DIR)
    return `custom_image.working_dir can only be "${CUSTOM_IMAGE_WORKING_DIR}"; got ${JSON.stringify(image.working_dir)}`;
  return undefined;
}

export function reservedCountProblem(field: string, value: number): string | undefined {
  return rangeProblem(field, value, RESERVED_INSTANCES_MIN, RESERVED_INSTANCES_MAX);
}
