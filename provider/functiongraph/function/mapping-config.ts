/**
 * The production configuration between our properties and the wire (docs/reference/functiongraph-api.md
 * §3.2, §3.3, §3.8): what F1/F4 carry for each property, what a read reports, the normalisers that
 * keep platform defaults from showing as diffs, and the carry-forward that keeps UpdateFunctionConfig
 * (a full replacement) from clearing what cloudfn does not manage.
 */
import { dropUndefined } from "../../core/check";
import { deepEqual, Normalizers } from "../../core/diff";
import {
  CONCURRENT_NUM_DEFAULT,
  CUSTOM_IMAGE_WORKING_DIR,
  ENTERPRISE_PROJECT_DEFAULT,
  EPHEMERAL_STORAGE_DEFAULT_MB,
  MAX_INSTANCES_DEFAULT,
  MOUNT_USER_ID_DEFAULT,
} from "../../../platform/functiongraph/function-config";
import type { FunctionInfo } from "../api";
import type { FunctionInputs } from "./schema";
import type { Reserved } from "./separate-apis";
import type { LiveConfig } from "./wire-config";

type Wire = Record<string, unknown>;
type Inputs = Partial<FunctionInputs>;

/** How one property travels in F1/F4 and comes back in F3. */
interface Mapper<V> {
  /** The F4 keys this property owns: never carried forward while the property is managed. */
  keys: readonly string[];
  toWire(value: V): Wire;
  /** The live value, or undefined when the platform has none. */
  fromLive(info: LiveConfig): V | undefined;
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const list = <T>(v: T[] | null | undefined) => (v && v.length > 0 ? v : undefined);
const stringField = (key: string): Mapper<string> => ({
  keys: [key],
  toWire: (v) => ({ [key]: v }),
  fromLive: (info) => text(info[key]),
});
const numberField = (key: string): Mapper<number> => ({
  keys: [key],
  toWire: (v) => ({ [key]: v }),
  fromLive: (info) => num(info[key]),
});
const hook = (wire: string): Mapper<{ handler: string; timeout: number }> => ({
  keys: [`${wire}_handler`, `${wire}_timeout`],
  toWire: (v) => ({ [`${wire}_handler`]: v.handler, [`${wire}_timeout`]: v.timeout }),
  fromLive: (info) => {
    const handler = text(info[`${wire}_handler`]);
    const timeout = num(info[`${wire}_timeout`]);
    return handler && timeout !== undefined ? { handler, timeout } : undefined;
  },
});

function parseDomains(v: unknown): { id: string; domainName: string }[] | undefined {
  if (typeof v !== "string" || v === "") return undefined;
  try {
    const items = JSON.parse(v) as { id: string; domain_name: string }[];
    return list(items.map((d) => ({ id: d.id, domainName: d.domain_name })));
  } catch {
    return undefined;
  }
}

type Values = Required<FunctionInputs>;
const vpc: Mapper<Values["vpc"]> = {
  keys: ["func_vpc"],
  toWire: (v) => ({
    func_vpc: dropUndefined({ vpc_id: v.vpcId, subnet_id: v.subnetId, security_groups: v.securityGroups }),
  }),
  fromLive: ({ func_vpc: f }) =>
    f?.vpc_id && f.subnet_id
      ? dropUndefined({ vpcId: f.vpc_id, subnetId: f.subnet_id, securityGroups: list(f.security_groups) })
      : undefined,
};

const networkController: Mapper<Values["networkController"]> = {
  keys: ["network_controller"],
  toWire: (v) => ({
    network_controller: {
      disable_public_network: v.disablePublicNetwork ?? false,
      trigger_access_vpcs: (v.triggerAccessVpcs ?? []).map((x) =>
        dropUndefined({ vpc_id: x.vpcId, vpc_name: x.vpcName }),
      ),
    },
  }),
  fromLive: ({ network_controller: n }) =>
    n
      ? dropUndefined({
          disablePublicNetwork: n.disable_public_network,
          triggerAccessVpcs: list(n.trigger_access_vpcs)?.map((x) =>
            dropUndefined({ vpcId: x.vpc_id, vpcName: text(x.vpc_name) }),
          ),
        })
      : undefined,
};

const mounts: Mapper<Values["mounts"]> = {
  keys: ["mount_config"],
  toWire: (v) => ({
    mount_config: {
      mount_user: {
        user_id: v.user?.userId ?? MOUNT_USER_ID_DEFAULT,
        user_group_id: v.user?.userGroupId ?? MOUNT_USER_ID_DEFAULT,
      },
      func_mounts: v.mounts.map((m) =>
        dropUndefined({
          mount_type: m.type,
          mount_resource: m.resource,
          mount_share_path: m.sharePath,
          local_mount_path: m.localPath,
        }),
      ),
    },
  }),
  fromLive: ({ mount_config: m }) => {
    const found = list(m?.func_mounts);
    if (!found) return undefined;
    const user = m?.mount_user;
    return {
      user: {
        userId: user?.user_id ?? MOUNT_USER_ID_DEFAULT,
        userGroupId: user?.user_group_id ?? MOUNT_USER_ID_DEFAULT,
      },
      mounts: found.map((x) =>
        dropUndefined({
          type: x.mount_type,
          resource: x.mount_resource,
          sharePath: text(x.mount_share_path),
          localPath: x.local_mount_path,
        }),
      ),
    };
  },
};

const log: Mapper<Values["log"]> = {
  keys: ["log_config", "enable_lts_log"],
  toWire: (v) => ({
    enable_lts_log: true,
    ...(v.groupId
      ? {
          log_config: dropUndefined({
            group_id: v.groupId,
            stream_id: v.streamId,
            group_name: v.groupName,
            stream_name: v.streamName,
          }),
        }
      : {}),
  }),
  // F3 reports top-level log_group_id / log_stream_id (§3.5); some answers echo log_config too.
  fromLive: (info) => {
    const groupId = text(info.log_group_id) ?? text(info.log_config?.group_id);
    const streamId = text(info.log_stream_id) ?? text(info.log_config?.stream_id);
    return info.enable_lts_log === true || groupId ? dropUndefined({ groupId, streamId }) : undefined;
  },
};

const customImage: Mapper<Values["customImage"]> = {
  keys: ["custom_image"],
  toWire: (v) => ({
    custom_image: dropUndefined({
      enabled: true,
      image: v.image,
      command: v.command,
      args: v.args,
      working_dir: v.workingDir,
      uid: v.uid,
      gid: v.gid,
    }),
  }),
  fromLive: ({ custom_image: c }) => {
    const image = text(c?.image);
    if (!c || c.enabled === false || !image) return undefined;
    const [command, args, workingDir] = [text(c.command), text(c.args), text(c.working_dir)];
    return dropUndefined({ image, command, args, workingDir, uid: text(c.uid), gid: text(c.gid) });
  },
};

/** Properties applied by UpdateFunctionConfig (F4), and sent in CreateFunction (F1). */
const MAPPERS = {
  agency: stringField("xrole"),
  appAgency: stringField("app_xrole"),
  vpc,
  networkController,
  domainNames: {
    keys: ["domain_names"],
    toWire: (v) => ({ domain_names: JSON.stringify(v.map((d) => ({ id: d.id, domain_name: d.domainName }))) }),
    fromLive: (info) => parseDomains(info.domain_names),
  } as Mapper<Values["domainNames"]>,
  mounts,
  concurrencyPerInstance: {
    // strategy_config also holds max instances (F10's), so F4 always repeats the live concurrency.
    keys: [],
    toWire: (v) => ({ strategy_config: { concurrent_num: v } }),
    fromLive: (info) => num(info.strategy_config?.concurrent_num),
  } as Mapper<number>,
  log,
  ltsCustomTags: {
    keys: ["lts_custom_tag"],
    toWire: (v) => ({ lts_custom_tag: v }),
    fromLive: (info) =>
      info.lts_custom_tag && Object.keys(info.lts_custom_tag).length > 0 ? info.lts_custom_tag : undefined,
  } as Mapper<Record<string, string>>,
  enterpriseProjectId: stringField("enterprise_project_id"),
  initializer: hook("initializer"),
  preStop: hook("pre_stop"),
  ephemeralStorage: numberField("ephemeral_storage"),
  customImage,
  gpu: {
    keys: ["gpu_memory", "gpu_type"],
    toWire: (v) => ({ gpu_memory: v.memory, gpu_type: v.type }),
    fromLive: (info) =>
      info.gpu_memory && info.gpu_type ? { memory: info.gpu_memory, type: info.gpu_type } : undefined,
  } as Mapper<Values["gpu"]>,
};
export type F4Prop = keyof typeof MAPPERS;
/** Any property's mapper, for the loops below (each one is typed where it is written). */
const mapperOf = (prop: F4Prop) => MAPPERS[prop] as unknown as Mapper<unknown>;

/** The properties F4 applies, beyond the original config fields. */
export const F4_PROPS = Object.keys(MAPPERS) as F4Prop[];
/** Properties with their own APIs (F10, F18, reserved instances). */
export const SEPARATE_PROPS = ["maxInstances", "tags", "reservedInstances"] as const;

/** F4 body keys besides the ones configBody always sends (docs/reference/functiongraph-api.md §3.8). */
const F4_OPTIONAL_KEYS = [
  "xrole", "app_xrole", "func_vpc", "peering_cidr", "mount_config", "strategy_config", "custom_image",
  "extend_config", "initializer_handler", "initializer_timeout", "pre_stop_handler", "pre_stop_timeout",
  "ephemeral_storage", "enterprise_project_id", "log_config", "network_controller", "is_stateful_function",
  "enable_dynamic_memory", "enable_auth_in_header", "domain_names", "restore_hook_handler", "restore_hook_timeout",
  "heartbeat_handler", "enable_class_isolation", "enable_lts_log", "lts_custom_tag", "user_data_encrypt_kms_key_id",
  "gpu_memory", "gpu_type",
] as const; // prettier-ignore

/** The wire fields of the declared F4 properties (F1 takes the same ones). */
export function configWire(inputs: Inputs): Wire {
  const wire: Wire = {};
  for (const p of F4_PROPS) if (inputs[p] !== undefined) Object.assign(wire, mapperOf(p).toWire(inputs[p]));
  return wire;
}

/**
 * The F4 fields cloudfn does not manage, with their live values (`managed` = declared now or in
 * the last applied state: a property removed from the program is left out, which clears it).
 */
export function carriedForward(live: LiveConfig, managed: (prop: string) => boolean): Wire {
  const owned = new Set(F4_PROPS.filter(managed).flatMap((p) => MAPPERS[p].keys));
  const carried: Wire = {};
  for (const key of F4_OPTIONAL_KEYS)
    if (!owned.has(key) && live[key] !== undefined && live[key] !== null) carried[key] = live[key];
  // F3 reports the log group as top-level ids, F4 takes them as log_config.
  if (!owned.has("log_config") && text(live.log_group_id))
    carried.log_config = dropUndefined({ group_id: text(live.log_group_id), stream_id: text(live.log_stream_id) });
  return carried;
}

/** strategy_config for F4: the live max instances, and the per-instance concurrency we manage or keep. */
export function strategyConfig(live: LiveConfig, inputs: Inputs, removed: boolean): Wire {
  const current = live.strategy_config ?? {};
  const concurrentNum = inputs.concurrencyPerInstance ?? (removed ? CONCURRENT_NUM_DEFAULT : current.concurrent_num);
  return { strategy_config: dropUndefined({ ...current, concurrent_num: concurrentNum }) };
}

/** Keeps only the fields the user declared (in `declared`), recursively through plain objects. */
export function onlyDeclared(live: unknown, declared: unknown): unknown {
  if (!isPlain(live) || !isPlain(declared)) return live;
  const d = declared as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(live as Record<string, unknown>)
      .filter(([k]) => k in d)
      .map(([k, v]) => [k, onlyDeclared(v, d[k])]),
  );
}
const isPlain = (v: unknown) => !!v && typeof v === "object" && !Array.isArray(v);

/** The live values of the F4 properties the last state declared (never-declared ones stay out). */
export function liveConfig(info: FunctionInfo, old: Inputs): Inputs {
  const wire = info as LiveConfig;
  const out: Record<string, unknown> = {};
  for (const prop of F4_PROPS) {
    if (old[prop] === undefined) continue;
    const value = mapperOf(prop).fromLive(wire);
    out[prop] = value === undefined ? undefined : onlyDeclared(value, old[prop]);
  }
  if (old.maxInstances !== undefined) out.maxInstances = num(wire.strategy_config?.concurrency);
  return dropUndefined(out);
}

type Row = Record<string, unknown>;
const sortedBy = <T extends object>(v: T[] | undefined, key: keyof T & string): T[] =>
  [...(v ?? [])].sort((a, b) => String((a as Row)[key]).localeCompare(String((b as Row)[key])));

function normalReserved(v: Reserved[]) {
  const rows = v.map((r) =>
    dropUndefined({
      qualifier: r.qualifier ?? "latest",
      count: r.count,
      idleMode: r.idleMode ?? false,
      scheduled: sortedBy(r.policies?.scheduled, "name"),
      metric: sortedBy(r.policies?.metric, "name"),
    }),
  );
  return sortedBy(rows, "qualifier");
}

/** Canonical forms of the new properties: platform defaults and orders never diff. */
export const CONFIG_NORMALIZERS: Normalizers = {
  vpc: (v) => {
    const x = v as Values["vpc"] | undefined;
    return x && { ...x, securityGroups: [...(x.securityGroups ?? [])].sort() };
  },
  networkController: (v) => {
    const x = v as Values["networkController"] | undefined;
    return x && { disablePublicNetwork: x.disablePublicNetwork ?? false, vpcs: sortedBy(x.triggerAccessVpcs, "vpcId") };
  },
  domainNames: (v) => (v === undefined ? undefined : sortedBy(v as Values["domainNames"], "id")),
  mounts: (v) => {
    const x = v as Values["mounts"] | undefined;
    const user = x?.user ?? { userId: MOUNT_USER_ID_DEFAULT, userGroupId: MOUNT_USER_ID_DEFAULT };
    return x && { user, mounts: sortedBy(x.mounts, "localPath") };
  },
  reservedInstances: (v) => (v === undefined ? undefined : normalReserved(v as Reserved[])),
  customImage: (v) => {
    const x = v as Values["customImage"] | undefined;
    return x && { ...x, workingDir: x.workingDir ?? CUSTOM_IMAGE_WORKING_DIR };
  },
};

/** What the platform fills in for a function that never set these. */
const SCALAR_DEFAULTS: Record<string, unknown> = {
  maxInstances: MAX_INSTANCES_DEFAULT,
  concurrencyPerInstance: CONCURRENT_NUM_DEFAULT,
  ephemeralStorage: EPHEMERAL_STORAGE_DEFAULT_MB,
  enterpriseProjectId: ENTERPRISE_PROJECT_DEFAULT,
};

/**
 * Every F4 property the live function sets to something other than the platform's default, in
 * input form: what `cloudfn adopt` prints (a read only reports what the state declared).
 */
export function liveConfigSet(info: FunctionInfo): Inputs {
  const everything = Object.fromEntries([...F4_PROPS, "maxInstances"].map((p) => [p, true])) as unknown as Inputs;
  const live = liveConfig(info, everything) as Record<string, unknown>;
  const isDefault = (prop: string, value: unknown) => {
    if (prop in SCALAR_DEFAULTS) return value === SCALAR_DEFAULTS[prop];
    const normal = CONFIG_NORMALIZERS[prop] as ((v: unknown) => unknown) | undefined;
    return normal !== undefined && deepEqual(normal(value), normal(undefined));
  };
  return Object.fromEntries(Object.entries(live).filter(([p, v]) => !isDefault(p, v)));
}
