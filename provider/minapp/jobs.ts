/**
 * Plain helpers (not resources) over the job-record API (docs/reference/minapp-api.md §3.5): every record of a
 * function that matches the filters, following the pages to the end. They run in the Pulumi
 * program (or any Node script), so credentials come from the options, then from the named
 * `profile` if any (as for a resource), then from the program's stack config (`cloudfn:minapp*`),
 * then from the environment variables.
 */
import { collect } from "../core/paginate";
import { JobRecord } from "./api";
import { JobFilters, MinAppClient } from "./client";
import type { ProfileOption } from "../core/call-profile";
import {
  CONFIG_KEYS,
  ConfigSource,
  MinAppSettings,
  defaultEnvironmentId,
  inCallProfile,
  resolveSettings,
} from "./config";

export type { JobRecord } from "./api";

export interface MinAppConnection extends ProfileOption {
  clientId?: string;
  clientSecret?: string;
  /** Base URL, e.g. the local emulator's. Default https://cloud.minapp.com. */
  endpoint?: string;
  /** Test environment id; absent = production. */
  environmentId?: string;
}

export interface JobRecordQuery extends MinAppConnection {
  /** Trigger source: sdk, open_api, cloud_function, flex_schema, timer, ... */
  source?: string;
  /** waiting, executing, fulfilled, schedule_failed, execution_rejected, deadline_exceeded, execution_failed. */
  status?: string;
  /** time_sensitive (sync) or batch (async). */
  serviceType?: string;
  /** Only records created at or after this time (a Date, or Unix seconds). */
  createdAfter?: Date | number;
  /** Only records created at or before this time (a Date, or Unix seconds). */
  createdBefore?: Date | number;
}

const seconds = (t: Date | number | undefined) =>
  t === undefined ? undefined : t instanceof Date ? Math.floor(t.getTime() / 1000) : Math.floor(t);

/** The options given explicitly, by config key. */
const givenOptions = (conn: MinAppConnection): Record<string, string | undefined> => ({
  [CONFIG_KEYS.clientId.key]: conn.clientId,
  [CONFIG_KEYS.clientSecret.key]: conn.clientSecret,
  [CONFIG_KEYS.endpoint.key]: conn.endpoint,
  [CONFIG_KEYS.environmentId.key]: conn.environmentId,
});

/**
 * Options first, then the given config source (the program's stack config), then the
 * environment; with `conn.profile`, that profile's settings come right after the options.
 */
export function connectionSettings(
  conn: MinAppConnection,
  config?: ConfigSource,
  env: NodeJS.ProcessEnv = process.env,
): { settings: MinAppSettings; environmentId?: string } {
  return inCallProfile(conn.profile, () => resolveConnection(conn, config, env), env, config);
}

/** A profile's settings are looked up before the stack's, so explicit options are put back on top. */
function resolveConnection(
  conn: MinAppConnection,
  config: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
): { settings: MinAppSettings; environmentId?: string } {
  const given = givenOptions(conn);
  const source: ConfigSource = { get: (k) => given[k] ?? config?.get(k) };
  const settings = resolveSettings(env, source);
  const explicit = {
    ...(conn.clientId ? { clientId: conn.clientId } : {}),
    ...(conn.clientSecret ? { clientSecret: conn.clientSecret } : {}),
    ...(conn.endpoint ? { endpoint: conn.endpoint.replace(/\/+$/, "") } : {}),
  };
  return {
    settings: { ...settings, ...explicit },
    environmentId: conn.environmentId || defaultEnvironmentId(env, source),
  };
}

/** Every job record of `functionName` matching the query, oldest page first as the platform orders them. */
export async function listJobRecords(
  functionName: string,
  query: JobRecordQuery = {},
  config?: ConfigSource,
): Promise<JobRecord[]> {
  const { settings, environmentId } = connectionSettings(query, config);
  const filters: JobFilters = {
    source: query.source,
    status: query.status,
    service_type: query.serviceType,
    created_at__gte: seconds(query.createdAfter),
    created_at__lte: seconds(query.createdBefore),
  };
  // The token cache is keyed by settings.profile, so the calls need not run in the profile's scope.
  return collect(new MinAppClient(settings, environmentId).listJobs(functionName, filters));
}
