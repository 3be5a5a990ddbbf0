/**
 * Rules of the production-function fields on F1 and F4 (docs/reference/functiongraph-api.md §3.1,
 * §3.2) with the FSS codes the platform answers: 1026 for the instance limits, 403 FSS.1049 for
 * too many mounts, and the generic 400 FSS.0400 "invalid parameter" for the rest (§10.3 lists no
 * dedicated code for them). The sentences come from platform/functiongraph/function-config.ts, so
 * the provider's `check` reports the same rule in the same words.
 */
import * as C from "../../platform/functiongraph/function-config";
import { FgError, fgErrors } from "./errors";

/** The fields checked here, as they arrive in a create or update-config body. */
export interface ConfigFields {
  xrole?: string;
  code_type?: string;
  initializer_handler?: string;
  initializer_timeout?: number;
  pre_stop_handler?: string;
  pre_stop_timeout?: number;
  restore_hook_handler?: string;
  restore_hook_timeout?: number;
  ephemeral_storage?: number;
  gpu_memory?: number;
  gpu_type?: string;
  strategy_config?: { concurrency?: number; concurrent_num?: number };
  mount_config?: { mount_user: { user_id: number; user_group_id: number }; func_mounts: MountInput[] };
  func_vpc?: { vpc_id: string; subnet_id: string };
  peering_cidr?: string;
  custom_image?: { enabled?: boolean; image?: string; working_dir?: string };
  lts_custom_tag?: Record<string, string>;
}
interface MountInput {
  mount_type: string;
  mount_resource: string;
  mount_share_path?: string;
  local_mount_path: string;
}

const invalid = (problem: string | undefined) => {
  if (problem !== undefined) throw fgErrors.invalid(problem);
};

/** A hook's timeout is required once its handler is set, and must be in range whenever given. */
function checkHook(handler: string | undefined, timeout: number | undefined, field: string, min: number, max: number) {
  if (handler && timeout === undefined) throw fgErrors.invalid(`${field} is required when the handler is set`);
  if (timeout !== undefined) invalid(C.rangeProblem(field, timeout, min, max));
}

function checkHooks(body: ConfigFields): void {
  const { INITIALIZER_TIMEOUT_MIN_S: iMin, INITIALIZER_TIMEOUT_MAX_S: iMax } = C;
  checkHook(body.initializer_handler, body.initializer_timeout, "initializer_timeout", iMin, iMax);
  checkHook(
    body.pre_stop_handler,
    body.pre_stop_timeout,
    "pre_stop_timeout",
    C.PRE_STOP_TIMEOUT_MIN_S,
    C.PRE_STOP_TIMEOUT_MAX_S,
  );
  const { RESTORE_HOOK_TIMEOUT_MIN_S: rMin, RESTORE_HOOK_TIMEOUT_MAX_S: rMax } = C;
  checkHook(body.restore_hook_handler, body.restore_hook_timeout, "restore_hook_timeout", rMin, rMax);
}

function checkResources(body: ConfigFields, runtime: string): void {
  if (body.ephemeral_storage !== undefined)
    invalid(C.oneOfProblem("ephemeral_storage", body.ephemeral_storage, C.EPHEMERAL_STORAGE_SIZES));
  if (body.gpu_memory === undefined) return;
  invalid(C.gpuMemoryProblem(body.gpu_memory));
  invalid(C.oneOfProblem("runtime of a GPU function", runtime, C.GPU_RUNTIMES));
  if (!body.gpu_type) throw fgErrors.invalid("gpu_type is required with gpu_memory");
}

function checkStrategy(strategy: ConfigFields["strategy_config"]): void {
  const problem =
    (strategy?.concurrency === undefined ? undefined : C.maxInstancesProblem("concurrency", strategy.concurrency)) ??
    (strategy?.concurrent_num === undefined ? undefined : C.concurrentNumProblem(strategy.concurrent_num));
  if (problem !== undefined) throw fgErrors.validation("FSS.1026", `invalid strategy_config: ${problem}`);
}

function checkMount(mount: MountInput, i: number): void {
  invalid(C.oneOfProblem(`func_mounts[${i}].mount_type`, mount.mount_type, C.MOUNT_TYPES));
  if (!mount.mount_resource) throw fgErrors.invalid(`func_mounts[${i}].mount_resource is required`);
  if (!mount.local_mount_path.startsWith("/"))
    throw fgErrors.invalid(`func_mounts[${i}].local_mount_path must be an absolute path`);
  if (C.MOUNT_TYPES_NEEDING_SHARE_PATH.includes(mount.mount_type) && !mount.mount_share_path)
    throw fgErrors.invalid(`func_mounts[${i}].mount_share_path is required for mount_type ${mount.mount_type}`);
}

function checkMounts(config: ConfigFields["mount_config"]): void {
  if (config === undefined) return;
  invalid(C.mountUserIdProblem("mount_user.user_id", config.mount_user.user_id));
  invalid(C.mountUserIdProblem("mount_user.user_group_id", config.mount_user.user_group_id));
  if (config.func_mounts.length > C.MOUNTS_MAX)
    throw new FgError(
      403,
      "FSS.1049",
      `a function has at most ${C.MOUNTS_MAX} mounts; got ${config.func_mounts.length}`,
    );
  config.func_mounts.forEach(checkMount);
}

/**
 * VPC access and file-system mounts act with the function's agency (§3.2: "needs an agency with
 * VPC permissions"), so the platform refuses them without `xrole`.
 */
function checkNetwork(body: ConfigFields): void {
  if (body.func_vpc && !body.xrole) throw fgErrors.invalid("func_vpc needs xrole: an agency with VPC permissions");
  if (body.mount_config?.func_mounts.length && !body.xrole)
    throw fgErrors.invalid("mount_config needs xrole: an agency with file-system permissions");
  if (body.peering_cidr) invalid(C.peeringCidrProblem(body.peering_cidr));
}

function checkImage(body: ConfigFields): void {
  const image = body.custom_image;
  if (body.code_type === "Custom-Image-Swr" && !image?.image)
    throw fgErrors.invalid("custom_image is required for code_type Custom-Image-Swr");
  if (image && (image.enabled ?? true)) invalid(C.customImageProblem(image));
}

/** The log tags attached to every log line: the tag rules of TMS apply to them too. */
function checkLtsTags(tags: Record<string, string> | undefined): void {
  if (tags === undefined) return;
  invalid(C.tagCountProblem(Object.keys(tags).length));
  for (const [key, value] of Object.entries(tags)) invalid(C.tagKeyProblem(key) ?? C.tagValueProblem(key, value));
}

/** Every rule of the production fields; throws the first problem found. */
export function checkConfigFields(body: ConfigFields, runtime: string): void {
  checkHooks(body);
  checkResources(body, runtime);
  checkStrategy(body.strategy_config);
  checkMounts(body.mount_config);
  checkNetwork(body);
  checkImage(body);
  checkLtsTags(body.lts_custom_tag);
}
