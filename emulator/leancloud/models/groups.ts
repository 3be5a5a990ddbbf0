/**
 * Engine groups, their environment variables, deployed versions, and the app-wide routing
 * table function name → group (one table per environment), as the platform builds it from each
 * deploy's `_ops/metadatas` (docs/reference/leancloud-api.md §1). All plain JSON in the store, keyed by app id.
 */
import { PLATFORM, envName, type LcEnv, type Prod } from "../env";

export interface VersionRecord {
  versionTag: string;
  /** sha256 of the deployed zip; the bytes are kept in the `code` bucket. */
  digest: string;
  /** Entry file named at deploy time (else the host's default order). */
  entry?: string;
  comment?: string;
  /** How the code arrived: "zip" (upload or zipUrl), "path" (control deploy) or "versionTag". */
  source: string;
  deployedAt: string;
  /** Names the instance reported from `_ops/metadatas` at deploy time. */
  functions: string[];
}

export interface EnvState {
  deployable: boolean;
  version?: VersionRecord;
  /** Every version deployed to this environment, oldest first. */
  history: VersionRecord[];
}

export interface GroupRecord {
  groupName: string;
  createdAt: string;
  environments: Record<string, string>;
  staging: EnvState;
  production: EnvState;
}

type Groups = Record<string, GroupRecord>;
/** Per environment ("0" staging, "1" production): function name → owning group. */
type FunctionRoutes = Record<"0" | "1", Record<string, string>>;

export const newGroup = (env: LcEnv, groupName: string, stagingDeployable = true): GroupRecord => ({
  groupName,
  createdAt: env.clock.now().toISOString(),
  environments: {},
  staging: { deployable: stagingDeployable, history: [] },
  production: { deployable: true, history: [] },
});

export const groupsOf = (env: LcEnv): Groups =>
  env.store.bucket<Groups>(PLATFORM, env.creds.appId, "groups", () => ({
    [env.creds.group]: newGroup(env, env.creds.group),
  }));

export const functionRoutesOf = (env: LcEnv): FunctionRoutes =>
  env.store.bucket<FunctionRoutes>(PLATFORM, env.creds.appId, "functionRoutes", () => ({ "0": {}, "1": {} }));

type CodeBucket = Record<string, string>;
export const codeOf = (env: LcEnv): CodeBucket =>
  env.store.bucket<CodeBucket>(PLATFORM, env.creds.appId, "code", () => ({}));

export const envOf = (group: GroupRecord, prod: Prod): EnvState => group[envName(prod)];

/** Names of `group` in `prod` that another group already serves. */
export function conflictingNames(env: LcEnv, group: string, prod: Prod, names: string[]): string[] {
  const routes = functionRoutesOf(env)[String(prod) as "0" | "1"];
  return names.filter((n) => routes[n] !== undefined && routes[n] !== group);
}

/** Makes `group` the owner of exactly `names` among its own (last deployed group wins). */
export function routeFunctions(env: LcEnv, group: string, prod: Prod, names: string[]): void {
  const routes = functionRoutesOf(env)[String(prod) as "0" | "1"];
  for (const [name, owner] of Object.entries(routes)) if (owner === group) delete routes[name];
  for (const name of names) routes[name] = group;
}

/** A version tag in the platform's style (UTC date-time), unique within the group. */
export function nextVersionTag(env: LcEnv, group: GroupRecord): string {
  const base = env.clock.now().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const taken = new Set([...group.staging.history, ...group.production.history].map((v) => v.versionTag));
  let tag = base;
  for (let i = 2; taken.has(tag); i++) tag = `${base}-${i}`;
  return tag;
}

/** The shape `GET /1.1/engine/groups` answers with (fields the lean CLI reads, plus a few). */
export function groupView(env: LcEnv, g: GroupRecord): Record<string, unknown> {
  const deployInfo = (e: EnvState) => ({
    deployable: e.deployable,
    version: e.version
      ? { versionTag: e.version.versionTag, comment: e.version.comment ?? "", deployedAt: e.version.deployedAt }
      : null,
  });
  const instances = [g.staging, g.production].flatMap((e, prod) =>
    e.version ? [{ name: `${g.groupName}-${prod}`, prod }] : [],
  );
  return {
    groupName: g.groupName,
    repository: "",
    domain: `${g.groupName}.${env.creds.appId.slice(0, 8).toLowerCase()}.engine.local`,
    instances,
    staging: deployInfo(g.staging),
    production: deployInfo(g.production),
    environments: { ...g.environments },
    createdAt: g.createdAt,
  };
}
