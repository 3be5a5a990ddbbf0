/**
 * Shapes (types only) of the production-function fields of create and update config
 * (docs/reference/functiongraph-api.md §3.2, §3.3, §3.8). A wrong JSON type answers 400 FSS.0400
 * naming the field; the ranges and rules with their FSS codes live in config-validation.ts.
 */
import { z } from "zod";

const str = z.string();
const int = z.number().int();

const funcVpc = z
  .object({ vpc_id: str, subnet_id: str, security_groups: z.array(str).optional(), is_safety: z.boolean().optional() })
  .passthrough();
const funcMount = z
  .object({
    mount_type: str,
    mount_resource: str,
    mount_share_path: str.optional(),
    local_mount_path: str,
  })
  .passthrough();
const mountConfig = z
  .object({ mount_user: z.object({ user_id: int, user_group_id: int }).passthrough(), func_mounts: z.array(funcMount) })
  .passthrough();
const logConfig = z
  .object({
    group_id: str.optional(),
    group_name: str.optional(),
    stream_id: str.optional(),
    stream_name: str.optional(),
  })
  .passthrough();
const networkController = z
  .object({
    disable_public_network: z.boolean().optional(),
    trigger_access_vpcs: z
      .array(z.object({ vpc_id: str.optional(), vpc_name: str.optional() }).passthrough())
      .optional(),
  })
  .passthrough();
const customImage = z
  .object({
    enabled: z.boolean().optional(),
    image: str.optional(),
    command: str.optional(),
    args: str.optional(),
    working_dir: str.optional(),
    uid: str.optional(),
    gid: str.optional(),
  })
  .passthrough();

/** Optional on both F1 and F4; every one of them is cleared by an F4 that leaves it out. */
export const configFieldShapes = {
  func_vpc: funcVpc.optional(),
  mount_config: mountConfig.optional(),
  log_config: logConfig.optional(),
  network_controller: networkController.optional(),
  custom_image: customImage.optional(),
  domain_names: str.optional(),
  peering_cidr: str.optional(),
  restore_hook_handler: str.optional(),
  restore_hook_timeout: int.optional(),
  heartbeat_handler: str.optional(),
  ephemeral_storage: int.optional(),
  gpu_memory: int.optional(),
  gpu_type: str.optional(),
  lts_custom_tag: z.record(str).optional(),
  enable_lts_log: z.boolean().optional(),
  enable_dynamic_memory: z.boolean().optional(),
  is_stateful_function: z.boolean().optional(),
  enable_auth_in_header: z.boolean().optional(),
  enable_class_isolation: z.boolean().optional(),
  user_data_encrypt_kms_key_id: str.optional(),
};

export type FuncMount = z.infer<typeof funcMount>;
export type LogConfig = z.infer<typeof logConfig>;
