/**
 * The platform's rules for the production configuration of a function
 * (docs/reference/functiongraph-api.md §3.1, §3.2), as problem lists over the parsed value: each
 * sentence names the property path and the rule. The limits come from
 * platform/functiongraph/function-config.ts, which the emulator enforces too.
 */
import { zodOf, type TypeSpec } from "../../core/definition";
import { notOneOfMessage } from "../../core/rules";
import * as F from "../../../platform/functiongraph/function-config";
import { INLINE_CODE_MAX_BYTES } from "../../../platform/functiongraph/limits";

type Problems<T> = (value: T) => (string | undefined)[];

/** The base validator of the type plus the property's own problems. */
export function ruled<T>(type: TypeSpec, property: string, problems: Problems<T>) {
  return zodOf(type, property).superRefine((value, ctx) => {
    for (const message of problems(value as T)) if (message !== undefined) ctx.addIssue({ code: "custom", message });
  });
}

const range = (path: string, v: number, min: number, max: number) =>
  Number.isInteger(v) && v >= min && v <= max
    ? undefined
    : `${path} must be an integer from ${min} to ${max}; got ${v}`;
const nonEmpty = (path: string, v: string | undefined) => (v?.trim() !== "" ? undefined : `${path} must not be empty`);
const AGENCY_RE = /^[A-Za-z0-9_.-]{1,64}$/;
const agency = (path: string) => (v: string) => [
  AGENCY_RE.test(v)
    ? undefined
    : `${path} must be an IAM agency name of 1-64 letters, digits, "_", "-" and "."; got ${JSON.stringify(v)}`,
];

/** Two entries with the same key: the platform keeps one, so the program would never converge. */
function duplicate(path: string, keys: string[], what: string): string | undefined {
  const seen = keys.find((k, i) => keys.indexOf(k) !== i);
  return seen === undefined ? undefined : `${path} has two entries with ${what} ${JSON.stringify(seen)}`;
}

function tagProblems(path: string, tags: Record<string, string>): (string | undefined)[] {
  const entries = Object.entries(tags);
  const count = F.tagCountProblem(entries.length);
  return [
    count && `${path}: ${count}`,
    ...entries.flatMap(([k, v]) => [F.tagKeyProblem(k), F.tagValueProblem(k, v)].map((p) => p && `${path}: ${p}`)),
  ];
}

interface Hook {
  handler: string;
  timeout: number;
}
const hook = (path: string, max: number) => (v: Hook) => [
  /^[^.\s]+\.[^.\s]+$/.test(v.handler)
    ? undefined
    : `${path}.handler must be "file.function"; got ${JSON.stringify(v.handler)}`,
  range(`${path}.timeout`, v.timeout, 1, max),
];

interface Mount {
  type: string;
  resource: string;
  sharePath?: string;
  localPath: string;
}
function mountProblems(m: Mount, i: number): (string | undefined)[] {
  const path = `mounts.mounts[${i}]`;
  return [
    (F.MOUNT_TYPES as readonly string[]).includes(m.type)
      ? undefined
      : notOneOfMessage(`${path}.type`, F.MOUNT_TYPES, m.type),
    F.MOUNT_TYPES_NEEDING_SHARE_PATH.includes(m.type) && !m.sharePath
      ? `${path}.sharePath is required for type ${m.type}`
      : undefined,
    m.localPath.startsWith("/")
      ? undefined
      : `${path}.localPath must be an absolute path; got ${JSON.stringify(m.localPath)}`,
    nonEmpty(`${path}.resource`, m.resource),
  ];
}

interface Scheduled {
  name: string;
  cron: string;
  count: number;
  startTime: number;
  expiredTime: number;
}
interface Metric {
  name: string;
  type: string;
  threshold: number;
  min: number;
}
interface Reserved {
  qualifier?: string;
  count: number;
  idleMode?: boolean;
  policies?: { scheduled?: Scheduled[]; metric?: Metric[] };
}
const policyName = (path: string, name: string) =>
  F.RESERVED_POLICY_NAME_RE.test(name)
    ? undefined
    : `${path}.name must be 1-60 letters, digits, "-" and "_", starting with a letter and ending with a letter or digit; got ${JSON.stringify(name)}`;

function reservedProblems(r: Reserved, i: number): (string | undefined)[] {
  const path = `reservedInstances[${i}]`;
  const scheduled = (r.policies?.scheduled ?? []).flatMap((s, j) => {
    const at = `${path}.policies.scheduled[${j}]`;
    return [
      policyName(at, s.name),
      nonEmpty(`${at}.cron`, s.cron),
      range(`${at}.count`, s.count, F.RESERVED_INSTANCES_MIN, F.RESERVED_INSTANCES_MAX),
      s.expiredTime > s.startTime ? undefined : `${at}.expiredTime must be after startTime`,
    ];
  });
  const metric = (r.policies?.metric ?? []).flatMap((m, j) => {
    const at = `${path}.policies.metric[${j}]`;
    return [
      policyName(at, m.name),
      (F.RESERVED_METRIC_TYPES as readonly string[]).includes(m.type)
        ? undefined
        : notOneOfMessage(`${at}.type`, F.RESERVED_METRIC_TYPES, m.type),
      range(`${at}.threshold`, m.threshold, F.RESERVED_METRIC_THRESHOLD_MIN, F.RESERVED_METRIC_THRESHOLD_MAX),
      range(`${at}.min`, m.min, F.RESERVED_INSTANCES_MIN, F.RESERVED_INSTANCES_MAX),
    ];
  });
  return [
    r.qualifier === undefined ? undefined : nonEmpty(`${path}.qualifier`, r.qualifier),
    range(`${path}.count`, r.count, F.RESERVED_INSTANCES_MIN, F.RESERVED_INSTANCES_MAX),
    ...scheduled,
    ...metric,
  ];
}

interface Log {
  groupId?: string;
  groupName?: string;
  streamId?: string;
  streamName?: string;
}

/** Each input's problems; absent means the type's own validation says all. */
export const configProblems = {
  agency: agency("agency"),
  appAgency: agency("appAgency"),
  vpc: (v: { vpcId: string; subnetId: string; securityGroups?: string[] }) => [
    nonEmpty("vpc.vpcId", v.vpcId),
    nonEmpty("vpc.subnetId", v.subnetId),
  ],
  networkController: (v: { triggerAccessVpcs?: { vpcId: string }[] }) => [
    duplicate(
      "networkController.triggerAccessVpcs",
      (v.triggerAccessVpcs ?? []).map((x) => x.vpcId),
      "vpcId",
    ),
  ],
  domainNames: (v: { id: string; domainName: string }[]) => [
    duplicate(
      "domainNames",
      v.map((d) => d.id),
      "id",
    ),
  ],
  mounts: (v: { user?: { userId: number; userGroupId: number }; mounts: Mount[] }) => [
    v.mounts.length <= F.MOUNTS_MAX
      ? undefined
      : `mounts.mounts must have at most ${F.MOUNTS_MAX} entries; got ${v.mounts.length}`,
    v.user && F.mountUserIdProblem("mounts.user.userId", v.user.userId),
    v.user && F.mountUserIdProblem("mounts.user.userGroupId", v.user.userGroupId),
    duplicate(
      "mounts.mounts",
      v.mounts.map((m) => m.localPath),
      "localPath",
    ),
    ...v.mounts.flatMap(mountProblems),
  ],
  maxInstances: (v: number) => [
    F.maxInstancesProblem("maxInstances", v) &&
      `${F.maxInstancesProblem("maxInstances", v)} (-1 unlimited, 0 disables the function)`,
  ],
  concurrencyPerInstance: (v: number) => [
    range("concurrencyPerInstance", v, F.CONCURRENT_NUM_MIN, F.CONCURRENT_NUM_MAX),
  ],
  reservedInstances: (v: Reserved[]) => [
    duplicate(
      "reservedInstances",
      v.map((r) => r.qualifier ?? "latest"),
      "qualifier",
    ),
    ...v.flatMap(reservedProblems),
  ],
  log: (v: Log) => [
    (v.groupId === undefined) === (v.streamId === undefined)
      ? undefined
      : "log: groupId and streamId go together (set both, or neither to let the platform create them)",
    (v.groupName !== undefined || v.streamName !== undefined) && v.groupId === undefined
      ? "log: groupName and streamName need groupId and streamId"
      : undefined,
  ],
  ltsCustomTags: (v: Record<string, string>) => tagProblems("ltsCustomTags", v),
  tags: (v: Record<string, string>) => tagProblems("tags", v),
  enterpriseProjectId: (v: string) => [nonEmpty("enterpriseProjectId", v)],
  initializer: hook("initializer", F.INITIALIZER_TIMEOUT_MAX_S),
  preStop: hook("preStop", F.PRE_STOP_TIMEOUT_MAX_S),
  ephemeralStorage: (v: number) => [
    (F.EPHEMERAL_STORAGE_SIZES as readonly number[]).includes(v)
      ? undefined
      : `ephemeralStorage must be one of ${F.EPHEMERAL_STORAGE_SIZES.join(", ")} (MB); got ${v}`,
  ],
  customImage: (v: { image: string; workingDir?: string }) => [
    v.image.startsWith(F.CUSTOM_IMAGE_PREFIX)
      ? undefined
      : `customImage.image must be an SWR image URL starting with "${F.CUSTOM_IMAGE_PREFIX}"; got ${JSON.stringify(v.image)}`,
    v.workingDir === undefined || v.workingDir === F.CUSTOM_IMAGE_WORKING_DIR
      ? undefined
      : `customImage.workingDir can only be "${F.CUSTOM_IMAGE_WORKING_DIR}"; got ${JSON.stringify(v.workingDir)}`,
  ],
  gpu: (v: { memory: number; type: string }) => [
    range("gpu.memory", v.memory, F.GPU_MEMORY_MIN_MB, F.GPU_MEMORY_MAX_MB) ??
      (v.memory % F.GPU_MEMORY_STEP_MB === 0
        ? undefined
        : `gpu.memory must be a multiple of ${F.GPU_MEMORY_STEP_MB}; got ${v.memory}`),
    nonEmpty("gpu.type", v.type),
  ],
  codeType: (v: string) => [
    ["zip", "inline"].includes(v) ? undefined : notOneOfMessage("codeType", ["zip", "inline"], v),
  ],
  codeFilename: (v: string) => [
    /^[^/\\\s]{1,128}$/.test(v)
      ? undefined
      : `codeFilename must be a file name of 1-128 characters without "/" or spaces; got ${JSON.stringify(v)}`,
  ],
};

/** What the inputs say together (absent values are skipped). */
export interface CrossConfig {
  runtime?: string;
  code?: unknown;
  codeUrl?: string;
  codeType?: string;
  customImage?: unknown;
  gpu?: unknown;
}

/** Rules that involve the new inputs and the old ones. */
export function configCrossIssues(v: CrossConfig): { property: string; reason: string }[] {
  const out: { property: string; reason: string }[] = [];
  if (v.gpu !== undefined && v.runtime && !(F.GPU_RUNTIMES as readonly string[]).includes(v.runtime))
    out.push({
      property: "gpu",
      reason: `gpu needs runtime ${F.GPU_RUNTIMES.join(" or ")}; got ${JSON.stringify(v.runtime)}`,
    });
  if (v.customImage !== undefined && (v.code !== undefined || v.codeUrl !== undefined))
    out.push({ property: "customImage", reason: "customImage runs an image instead of code: remove code and codeUrl" });
  if (v.codeType === "inline" && v.codeUrl !== undefined)
    out.push({ property: "codeType", reason: 'codeType "inline" uploads `code`; it cannot be used with codeUrl' });
  return out;
}

/** The single file inline code holds, or why there is none; sizes are the platform's (≤ 10 KB). */
export function inlineProblem(files: { path: string; size: number }[]): string | undefined {
  if (files.length !== 1)
    return `codeType "inline" needs code with exactly one file; got ${files.length} (${files
      .map((f) => f.path)
      .slice(0, 5)
      .join(", ")})`;
  return files[0].size <= INLINE_CODE_MAX_BYTES
    ? undefined
    : `codeType "inline": ${files[0].path} is ${files[0].size} bytes, more than the platform's ${INLINE_CODE_MAX_BYTES} (use zip)`;
}
