/**
 * The production configuration between our properties and the wire (docs/reference/functiongraph-api.md
 * §3.2, §3.3, §3.8): what F1/F4 carry for each property, what a read reports, the normalisers that
 * keep platform defaults from showing as diffs, and the carry-forward that keeps UpdateFunctionConfig
 * (a full replacement) from clearing what cloudfn does not manage.
 */
import { dropUndefined } from "../../core/check";
import { Normalizers } from "../../core/diff";
import {
  CONCURRENT_NUM_DEFAULT,
  CUSTOM_IMAGE_WORKING_DIR,
  MOUNT_USER_ID_DEFAULT,
} from "../../../platform/functiongraph/function-config";
import type { FunctionInfo } from "../api";

type Wire = Record<string, unknown>;
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How one property travels in F1/F4 and comes back in F3. */
interface Mapper {
  /** The F4 keys this property owns: never carried forward while the property is managed. */
  keys: readonly string[];
  toWire(value: any): Wire; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The live value, or undefined when the platform has none. */
  fromLive(info: Loose): unknown;
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const list = <T>(v: T[] | null | undefined) => (v && v.length > 0 ? v : undefined);
const scalar = (key: string): Mapper => ({
  keys: [key],
  toWire: (v) => ({ [key]: v }),
  fromLive: (info) => (info[key] === "" || info[key] === null ? undefined : info[key]),
});
const hook = (wire: string): Mapper => ({
  keys: [`${wire}_handler`, `${wire}_timeout`],
  toWire: (v: { handler: string; timeout: number }) => ({
    [`${wire}_handler`]: v.handler,
    [`${wire}_timeout`]: v.timeout,
  }),
  fromLive: (info) =>
    text(info[`${wire}_handler`]) && { handler: info[`${wire}_handler`], timeout: info[`${wire}_timeout`] },
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

/** Properties applied by UpdateFunctionConfig (F4), and sent in CreateFunction (F1). */
export const F4_MAPPERS: Record<string, Mapper> = {
  agency: scalar("xrole"),
  appAgency: scalar("app_xrole"),
  vpc: {
    keys: ["func_vpc"],
    toWire: (v) => ({
      func_vpc: dropUndefined({ vpc_id: v.vpcId, subnet_id: v.subnetId, security_groups: v.securityGroups }),
    }),
    fromLive: ({ func_vpc: f }) =>
      text(f?.vpc_id) &&
      dropUndefined({ vpcId: f.vpc_id, subnetId: f.subnet_id, securityGroups: list(f.security_groups) }),
  },
  networkController: {
    keys: ["network_controller"],
    toWire: (v) => ({
      network_controller: dropUndefined({
        disable_public_network: v.disablePublicNetwork ?? false,
        trigger_access_vpcs: (v.triggerAccessVpcs ?? []).map((x: Loose) =>
          dropUndefined({ vpc_id: x.vpcId, vpc_name: x.vpcName }),
        ),
      }),
    }),
    fromLive: ({ network_controller: n }) =>
      n &&
      dropUndefined({
        disablePublicNetwork: n.disable_public_network,
        triggerAccessVpcs: list(n.trigger_access_vpcs as Loose[])?.map((x: Loose) =>
          dropUndefined({ vpcId: x.vpc_id, vpcName: text(x.vpc_name) }),
        ),
      }),
  },
  domainNames: {
    keys: ["domain_names"],
    toWire: (v: { id: string; domainName: string }[]) => ({
      domain_names: JSON.stringify(v.map((d) => ({ id: d.id, domain_name: d.domainName }))),
    }),
    fromLive: (info) => parseDomains(info.domain_names),
  },
  mounts: {
    keys: ["mount_config"],
    toWire: (v) => ({
      mount_config: {
        mount_user: {
          user_id: v.user?.userId ?? MOUNT_USER_ID_DEFAULT,
          user_group_id: v.user?.userGroupId ?? MOUNT_USER_ID_DEFAULT,
        },
        func_mounts: v.mounts.map((m: Loose) =>
          dropUndefined({
            mount_type: m.type,
            mount_resource: m.resource,
            mount_share_path: m.sharePath,
            local_mount_path: m.localPath,
          }),
        ),
      },
    }),
    fromLive: ({ mount_config: m }) =>
      list(m?.func_mounts) && {
        user: {
          userId: m.mount_user?.user_id ?? MOUNT_USER_ID_DEFAULT,
          userGroupId: m.mount_user?.user_group_id ?? MOUNT_USER_ID_DEFAULT,
        },
        mounts: m.func_mounts.map((x: Loose) =>
          dropUndefined({
            type: x.mount_type,
            resource: x.mount_resource,
            sharePath: text(x.mount_share_path),
            localPath: x.local_mount_path,
          }),
        ),
      },
  },
  concurrencyPerInstance: {
    // strategy_config also holds max instances (F10's), so F4 always repeats the live concurrency.
    keys: [],
    toWire: (v: number) => ({ strategy_config: { concurrent_num: v } }),
    fromLive: (info) => info.strategy_config?.concurrent_num,
  },
  log: {
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
  },
  ltsCustomTags: {
    keys: ["lts_custom_tag"],
    toWire: (v) => ({ lts_custom_tag: v }),
    fromLive: (info) =>
      info.lts_custom_tag && Object.keys(info.lts_custom_tag).length > 0 ? info.lts_custom_tag : undefined,
  },
  enterpriseProjectId: scalar("enterprise_project_id"),
  initializer: hook("initializer"),
  preStop: hook("pre_stop"),
  ephemeralStorage: scalar("ephemeral_storage"),
  customImage: {
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
    fromLive: ({ custom_image: c }) =>
      c?.enabled !== false && text(c?.image)
        ? dropUndefined({
            image: c.image,
            command: text(c.command),
            args: text(c.args),
            workingDir: text(c.working_dir),
            uid: text(c.uid),
            gid: text(c.gid),
          })
        : undefined,
  },
  gpu: {
    keys: ["gpu_memory", "gpu_type"],
    toWire: (v) => ({ gpu_memory: v.memory, gpu_type: v.type }),
    fromLive: (info) => (info.gpu_memory ? { memory: info.gpu_memory, type: info.gpu_type } : undefined),
  },
};

/** The properties F4 applies, beyond the original config fields. */
export const F4_PROPS = Object.keys(F4_MAPPERS);
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
export function configWire(inputs: Loose): Wire {
  return Object.assign(
    {},
    ...F4_PROPS.filter((p) => inputs[p] !== undefined).map((p) => F4_MAPPERS[p].toWire(inputs[p])),
  );
}

/**
 * The F4 fields cloudfn does not manage, with their live values (`managed` = declared now or in
 * the last applied state: a property removed from the program is left out, which clears it).
 */
export function carriedForward(live: Loose, managed: (prop: string) => boolean): Wire {
  const owned = new Set(F4_PROPS.filter(managed).flatMap((p) => F4_MAPPERS[p].keys));
  const carried: Wire = {};
  for (const key of F4_OPTIONAL_KEYS)
    if (!owned.has(key) && live[key] !== undefined && live[key] !== null) carried[key] = live[key];
  // F3 reports the log group as top-level ids, F4 takes them as log_config.
  if (!owned.has("log_config") && text(live.log_group_id))
    carried.log_config = dropUndefined({ group_id: live.log_group_id, stream_id: text(live.log_stream_id) });
  return carried;
}

/** strategy_config for F4: the live max instances, and the per-instance concurrency we manage or keep. */
export function strategyConfig(live: Loose, inputs: Loose, removed: boolean): Wire {
  const current = (live.strategy_config ?? {}) as Loose;
  const concurrentNum = inputs.concurrencyPerInstance ?? (removed ? CONCURRENT_NUM_DEFAULT : current.concurrent_num);
  return { strategy_config: dropUndefined({ ...current, concurrent_num: concurrentNum }) };
}

/** Keeps only the fields the user declared (in `declared`), recursively through plain objects. */
export function onlyDeclared(live: unknown, declared: unknown): unknown {
  if (!isPlain(live) || !isPlain(declared)) return live;
  const d = declared as Loose;
  return Object.fromEntries(
    Object.entries(live as Loose)
      .filter(([k]) => k in d)
      .map(([k, v]) => [k, onlyDeclared(v, d[k])]),
  );
}
const isPlain = (v: unknown) => !!v && typeof v === "object" && !Array.isArray(v);

/** The live values of the F4 properties the last state declared (never-declared ones stay out). */
export function liveConfig(info: FunctionInfo, old: Loose): Loose {
  const out: Loose = {};
  for (const prop of F4_PROPS) {
    if (old[prop] === undefined) continue;
    const value = F4_MAPPERS[prop].fromLive(info as Loose);
    out[prop] = value === undefined ? undefined : onlyDeclared(value, old[prop]);
  }
  if (old.maxInstances !== undefined) out.maxInstances = (info as Loose).strategy_config?.concurrency;
  return dropUndefined(out);
}

const byKey = (key: string) => (a: Loose, b: Loose) => String(a[key]).localeCompare(String(b[key]));
const sortedBy = (v: unknown, key: string) => [...((v as Loose[] | undefined) ?? [])].sort(byKey(key));

function normalReserved(v: unknown) {
  return sortedBy(
    ((v as Loose[] | undefined) ?? []).map((r) =>
      dropUndefined({
        qualifier: r.qualifier ?? "latest",
        count: r.count,
        idleMode: r.idleMode ?? false,
        scheduled: sortedBy(r.policies?.scheduled, "name"),
        metric: sortedBy(r.policies?.metric, "name"),
      }),
    ),
    "qualifier",
  );
}

/** Canonical forms of the new properties: platform defaults and orders never diff. */
export const CONFIG_NORMALIZERS: Normalizers = {
  vpc: (v) => v && { ...(v as Loose), securityGroups: [...((v as Loose).securityGroups ?? [])].sort() },
  networkController: (v) =>
    v && {
      disablePublicNetwork: (v as Loose).disablePublicNetwork ?? false,
      vpcs: sortedBy((v as Loose).triggerAccessVpcs, "vpcId"),
    },
  domainNames: (v) => (v === undefined ? undefined : sortedBy(v, "id")),
  mounts: (v) =>
    v && {
      user: (v as Loose).user ?? { userId: MOUNT_USER_ID_DEFAULT, userGroupId: MOUNT_USER_ID_DEFAULT },
      mounts: sortedBy((v as Loose).mounts, "localPath"),
    },
  reservedInstances: (v) => (v === undefined ? undefined : normalReserved(v)),
  customImage: (v) => v && { ...(v as Loose), workingDir: (v as Loose).workingDir ?? CUSTOM_IMAGE_WORKING_DIR },
};
