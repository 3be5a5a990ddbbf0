/**
 * Where MinApp state lives in the store: platform "minapp" → project = the app's ClientID →
 * kinds "environments" (one namespace of functions and jobs per environment, docs/reference/minapp-api.md §5: names
 * are unique per app per environment), "sequences" (app-wide integer ids) and "auth".
 */
import { header, type RequestContext } from "../../core/http";
import { PLATFORM, type MinAppEnv } from "../env";
import { minappErrors } from "../errors";
import type { CloudFunction } from "./cloud-function";
import type { JobRecord } from "./job";

/** Key of the production namespace (no X-Hydrogen-Env-ID header). */
export const PRODUCTION = "production";

export interface Namespace {
  functions: Record<string, CloudFunction>;
  /** Jobs by function id, oldest first (a rename keeps them, a delete drops them). */
  jobs: Record<string, JobRecord[]>;
}

interface Sequences {
  function: number;
  job: number;
}

/**
 * The environment a request targets: production without the header, else one of the configured
 * test environments. An unknown id is a 400 (the real answer is undocumented; rejecting it keeps
 * a typo from silently creating a new namespace).
 */
export function envKeyOf(env: MinAppEnv, ctx: RequestContext): string {
  const id = header(ctx, "x-hydrogen-env-id")?.trim();
  if (!id) return PRODUCTION;
  if (!env.creds.environments.includes(id)) throw minappErrors.invalid(`invalid X-Hydrogen-Env-ID: ${id}`);
  return id;
}

export function namespaceOf(env: MinAppEnv, envKey: string): Namespace {
  const all = env.store.bucket<Record<string, Namespace>>(PLATFORM, env.creds.clientId, "environments", () => ({}));
  return (all[envKey] ??= { functions: {}, jobs: {} });
}

/** The next integer id of a kind, app-wide (ids never repeat across environments). */
export function nextId(env: MinAppEnv, kind: keyof Sequences): number {
  const seq = env.store.bucket<Sequences>(PLATFORM, env.creds.clientId, "sequences", () => ({ function: 0, job: 0 }));
  return ++seq[kind];
}
