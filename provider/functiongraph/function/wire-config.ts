/**
 * The production fields of the function object as FunctionGraph returns them from F3
 * (docs/reference/functiongraph-api.md §3.2, §3.5): every key optional, since which ones appear
 * depends on the function and the platform version.
 */
export interface WireMount {
  mount_type: string;
  mount_resource: string;
  mount_share_path?: string | null;
  local_mount_path: string;
}

export interface WireCustomImage {
  enabled?: boolean;
  image?: string;
  command?: string;
  args?: string;
  working_dir?: string;
  uid?: string;
  gid?: string;
}

export interface LiveConfig {
  xrole?: string | null;
  app_xrole?: string | null;
  func_vpc?: { vpc_id?: string; subnet_id?: string; security_groups?: string[] | null } | null;
  network_controller?: {
    disable_public_network?: boolean;
    trigger_access_vpcs?: { vpc_id: string; vpc_name?: string | null }[] | null;
  } | null;
  domain_names?: string | null;
  mount_config?: {
    mount_user?: { user_id?: number; user_group_id?: number } | null;
    func_mounts?: WireMount[] | null;
  } | null;
  strategy_config?: { concurrency?: number; concurrent_num?: number } | null;
  log_group_id?: string | null;
  log_stream_id?: string | null;
  log_config?: { group_id?: string; stream_id?: string } | null;
  enable_lts_log?: boolean | null;
  lts_custom_tag?: Record<string, string> | null;
  enterprise_project_id?: string | null;
  initializer_handler?: string | null;
  initializer_timeout?: number | null;
  pre_stop_handler?: string | null;
  pre_stop_timeout?: number | null;
  ephemeral_storage?: number | null;
  custom_image?: WireCustomImage | null;
  gpu_memory?: number | null;
  gpu_type?: string | null;
  [key: string]: unknown;
}
