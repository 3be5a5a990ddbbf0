/**
 * The production configuration of `cloudfn:functiongraph:Function` (agency, network, mounts,
 * instance limits, logs, tags, hooks, image, GPU...), spread into ./definition.ts's inputs. Kept in
 * its own file because it is most of the resource's surface; wire names are in ./mapping-config.ts.
 */
import { t, type FieldSpec, type InputSpec } from "../../core/definition";
import {
  EPHEMERAL_STORAGE_SIZES,
  MOUNT_TYPES,
  RESERVED_METRIC_TYPES,
} from "../../../platform/functiongraph/function-config";
import { configProblems as p, ruled } from "./rules-config";

const str = (doc: string, required = false): FieldSpec => ({ type: t.string(), doc, required });
const int = (doc: string, required = false): FieldSpec => ({ type: t.integer(), doc, required });

const vpc = t.object("FunctionVpc", "VPC the function reaches (`func_vpc`); needs an agency with VPC permissions.", {
  vpcId: str("VPC id (`vpc_id`).", true),
  subnetId: str("Subnet id (`subnet_id`).", true),
  securityGroups: { type: t.array(t.string()), doc: "Security group ids (`security_groups`)." },
});

const triggerVpc = t.object("FunctionTriggerVpc", "A VPC allowed to trigger the function.", {
  vpcId: str("VPC id (`vpc_id`).", true),
  vpcName: str("VPC name (`vpc_name`)."),
});

const networkController = t.object("FunctionNetworkController", "Network access control (`network_controller`).", {
  disablePublicNetwork: { type: t.boolean(), doc: "Turn off public network access (`disable_public_network`)." },
  triggerAccessVpcs: {
    type: t.array(triggerVpc),
    doc: "VPCs allowed to trigger the function (`trigger_access_vpcs`).",
  },
});

const domainName = t.object("FunctionDomainName", "A private DNS zone the function resolves.", {
  id: str("DNS zone id.", true),
  domainName: str("Zone name, e.g. `example.com.` (`domain_name`).", true),
});

const mountUser = t.object("FunctionMountUser", "User and group the mounts are accessed as (`mount_user`).", {
  userId: int("User id, -1 (default user) or 1-65534 (`user_id`).", true),
  userGroupId: int("Group id, -1 (default group) or 1-65534 (`user_group_id`).", true),
});

const mount = t.object("FunctionMount", "A file system mounted into the function (`func_mounts[]`).", {
  type: { type: t.enum(MOUNT_TYPES), doc: `Mount type (\`mount_type\`): ${MOUNT_TYPES.join(", ")}.`, required: true },
  resource: str("Id of the mounted resource (`mount_resource`).", true),
  sharePath: str("Remote path, e.g. `192.168.0.12:/data`; required for `ecs` (`mount_share_path`)."),
  localPath: str("Path inside the function, unique among the mounts (`local_mount_path`).", true),
});

const mounts = t.object("FunctionMounts", "File-system mounts (`mount_config`).", {
  user: { type: mountUser, doc: "Mount user; default -1/-1." },
  mounts: {
    type: t.array(mount),
    doc: "At most 5 mounts; order does not matter (keyed by `localPath`).",
    required: true,
  },
});

const scheduled = t.object("FunctionReservedSchedule", "A scheduled policy (`tactics_config.cron_configs[]`).", {
  name: str("Policy name: 1-60 letters, digits, `-` and `_`, starting with a letter.", true),
  cron: str("Cron expression of when the policy applies.", true),
  count: int("Reserved instances while it applies, 0-1000.", true),
  startTime: int("Start, in Unix seconds (`start_time`).", true),
  expiredTime: int("End, in Unix seconds, after the start (`expired_time`).", true),
});

const metric = t.object("FunctionReservedMetric", "A metric policy (`tactics_config.metric_configs[]`).", {
  name: str("Policy name: 1-60 letters, digits, `-` and `_`, starting with a letter.", true),
  type: {
    type: t.enum(RESERVED_METRIC_TYPES),
    doc: "Metric: `Concurrency` (reserved-instance usage).",
    required: true,
  },
  threshold: int("Usage threshold in percent, 1-99.", true),
  min: int("Minimum reserved instances, 0-1000.", true),
});

const policies = t.object(
  "FunctionReservedPolicies",
  "Auto-scaling policies of reserved instances (`tactics_config`).",
  {
    scheduled: { type: t.array(scheduled), doc: "Scheduled policies (`cron_configs`)." },
    metric: { type: t.array(metric), doc: "Metric policies (`metric_configs`)." },
  },
);

const reserved = t.object("FunctionReservedInstances", "Reserved instances of one qualifier.", {
  qualifier: str('Version or alias the instances serve; default `"latest"`. One entry per qualifier.'),
  count: int("Reserved instances, 0-1000 (0 keeps none).", true),
  idleMode: { type: t.boolean(), doc: "Idle mode (`idle_mode`); takes a while to apply on the platform." },
  policies: { type: policies, doc: "Scheduled and metric policies." },
});

const log = t.object(
  "FunctionLog",
  "LTS logging. With `groupId` and `streamId` the logs go there; without them (`log: {}`) the platform creates a group and stream.",
  {
    groupId: str("LTS log group id (`log_config.group_id`)."),
    groupName: str("LTS log group name (`log_config.group_name`)."),
    streamId: str("LTS log stream id (`log_config.stream_id`)."),
    streamName: str("LTS log stream name (`log_config.stream_name`)."),
  },
);

const hook = (name: string, what: string, wire: string, max: number) =>
  t.object(name, `${what} (\`${wire}_handler\`, \`${wire}_timeout\`).`, {
    handler: str("Entry point, `file.function`.", true),
    timeout: int(`Timeout in seconds, 1-${max}.`, true),
  });

const initializerType = hook("FunctionInitializer", "Initializer run once per instance", "initializer", 300);
const preStopType = hook("FunctionPreStop", "Hook run before an instance stops", "pre_stop", 90);

const customImage = t.object("FunctionCustomImage", "Container image the function runs (`custom_image`).", {
  image: str("SWR image URL, starting with `swr.`.", true),
  command: str("Start command, comma-separated (default: the image's entrypoint)."),
  args: str("Command arguments, comma-separated."),
  workingDir: str("Working directory; only `/` (`working_dir`)."),
  uid: str("User id the image runs as."),
  gid: str("Group id the image runs as."),
});

const gpu = t.object(
  "FunctionGpu",
  "GPU of the function (`gpu_memory`, `gpu_type`); Custom and Custom Image runtimes only.",
  {
    memory: int("GPU memory in MB: 1024-16384, a multiple of 1024.", true),
    type: str("GPU type, e.g. `nvidia-t4`.", true),
  },
);

const NEVER = "Never declared: left as it is on the platform.";

export const configInputs = {
  agency: {
    type: t.string(),
    rule: ruled(t.string(), "agency", p.agency),
    doc: `Agency (IAM delegation) the platform uses to configure the function (\`xrole\`), e.g. for VPC access or mounts. ${NEVER}`,
  },
  appAgency: {
    type: t.string(),
    rule: ruled(t.string(), "appAgency", p.appAgency),
    doc: `Execution agency (\`app_xrole\`): credentials the function's code gets. ${NEVER}`,
  },
  vpc: { type: vpc, rule: ruled(vpc, "vpc", p.vpc), doc: `VPC access (\`func_vpc\`). ${NEVER}` },
  networkController: {
    type: networkController,
    rule: ruled(networkController, "networkController", p.networkController),
    doc: `Public network access and the VPCs that may trigger the function. ${NEVER}`,
  },
  domainNames: {
    type: t.array(domainName),
    rule: ruled(t.array(domainName), "domainNames", p.domainNames),
    doc: `Private DNS zones (\`domain_names\`, sent as JSON); order does not matter. ${NEVER}`,
  },
  mounts: {
    type: mounts,
    rule: ruled(mounts, "mounts", p.mounts),
    doc: `File systems mounted into the function (\`mount_config\`). ${NEVER}`,
  },
  maxInstances: {
    type: t.integer(),
    rule: ruled(t.integer(), "maxInstances", p.maxInstances),
    doc: `Maximum instances: -1 unlimited, 0 disables the function, up to 1000 (platform default 400). Set with its own API (config-max-instance); removing it restores 400. ${NEVER}`,
  },
  concurrencyPerInstance: {
    type: t.integer(),
    rule: ruled(t.integer(), "concurrencyPerInstance", p.concurrencyPerInstance),
    doc: `Requests one instance serves at once, 1-1000 (\`strategy_config.concurrent_num\`, platform default 1). ${NEVER}`,
  },
  reservedInstances: {
    type: t.array(reserved),
    rule: ruled(t.array(reserved), "reservedInstances", p.reservedInstances),
    doc: `Reserved instances per qualifier, set with the reserved-instances API only for the qualifiers that changed; a removed entry sets its count to 0. ${NEVER}`,
  },
  log: {
    type: log,
    rule: ruled(log, "log", p.log),
    doc: `LTS logging (\`log_config\` + \`enable_lts_log\`). ${NEVER}`,
  },
  ltsCustomTags: {
    type: t.map(t.string()),
    rule: ruled(t.map(t.string()), "ltsCustomTags", p.ltsCustomTags),
    doc: `Custom tags on the function's LTS logs (\`lts_custom_tag\`). ${NEVER}`,
  },
  tags: {
    type: t.map(t.string()),
    rule: ruled(t.map(t.string()), "tags", p.tags),
    doc: `Resource tags (tag API): at most 20; only changed keys are sent, removed keys are deleted. ${NEVER}`,
  },
  enterpriseProjectId: {
    type: t.string(),
    rule: ruled(t.string(), "enterpriseProjectId", p.enterpriseProjectId),
    doc: `Enterprise project id (\`enterprise_project_id\`, platform default \`"0"\`). ${NEVER}`,
  },
  initializer: {
    type: initializerType,
    rule: ruled(initializerType, "initializer", p.initializer),
    doc: `Initializer hook (handler + timeout 1-300 s). ${NEVER}`,
  },
  preStop: {
    type: preStopType,
    rule: ruled(preStopType, "preStop", p.preStop),
    doc: `Pre-stop hook (handler + timeout 1-90 s). ${NEVER}`,
  },
  ephemeralStorage: {
    type: t.integer(),
    rule: ruled(t.integer(), "ephemeralStorage", p.ephemeralStorage),
    doc: `Temporary disk in MB: ${EPHEMERAL_STORAGE_SIZES.join(" or ")} (platform default 512). ${NEVER}`,
  },
  customImage: {
    type: customImage,
    rule: ruled(customImage, "customImage", p.customImage),
    doc: "Run a container image from SWR instead of code (`code_type: Custom-Image-Swr`); use runtime `Custom Image` (or `http`) and no `code`/`codeUrl`.",
  },
  gpu: {
    type: gpu,
    rule: ruled(gpu, "gpu", p.gpu),
    doc: `GPU memory and type; runtime \`Custom\` or \`Custom Image\` only. ${NEVER}`,
  },
  codeType: {
    type: t.enum(["zip", "inline"]),
    rule: ruled(t.string(), "codeType", p.codeType),
    doc: "How `code` is uploaded: `zip` (default) or `inline`, the source text of a single-file `code` (at most 10 KB), as the platform's console edits it. `obs` follows from `codeUrl`, `Custom-Image-Swr` from `customImage`. As an output: the code type the platform reports.",
  },
  codeFilename: {
    type: t.string(),
    rule: ruled(t.string(), "codeFilename", p.codeFilename),
    doc: "File name the platform stores the code under (`code_filename`); default `index.zip` for zip code, the file's own name for inline code.",
  },
} as const satisfies Record<string, InputSpec>;

/** The new inputs, in declaration order (their diffs and reads are in ./mapping-config.ts). */
export type ConfigInputName = keyof typeof configInputs;
