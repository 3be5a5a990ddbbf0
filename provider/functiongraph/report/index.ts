/**
 * `getFunctionReport`: the top functions of the project for one metric (M1,
 * `GET /v2/{project_id}/fgs/function/report`, operation ListFunctionAsMetric, docs/reference/functiongraph-api.md §8.1). A plain
 * async helper, not a resource: credentials come from the same stack config and environment
 * variables as the resources, resolved at call time.
 */
import { FunctionGraphClient, type ClientOptions } from "../client";
import type { ProfileOption } from "../../core/call-profile";
import { inCallProfile, resolveSettings, setStackConfig, type ConfigSource } from "../config";

export interface FunctionReportArgs extends ProfileOption {
  /** Metric to rank by; the platform's default is `failcount`. */
  type?: string;
  /** Window start and end (the platform's default window is the last day). */
  startTime?: string | number | Date;
  endTime?: string | number | Date;
  /** How many functions (the platform's default is 10). */
  limit?: number;
}

export interface FunctionReportEntry {
  functionUrn: string;
  value: number;
}

export interface FunctionReport {
  values: FunctionReportEntry[];
  count: number;
}

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

/** Times go out as epoch milliseconds, the unit of the platform's other metric APIs (§1.5). */
const timeParam = (t: string | number | Date) => String(t instanceof Date ? t.getTime() : t);

export function reportQuery(args: FunctionReportArgs): Record<string, string> {
  const q: Record<string, string> = {};
  if (args.type !== undefined) q.type = args.type;
  if (args.startTime !== undefined) q.start_time = timeParam(args.startTime);
  if (args.endTime !== undefined) q.end_time = timeParam(args.endTime);
  if (args.limit !== undefined) {
    if (!Number.isInteger(args.limit) || args.limit < 1)
      throw new Error(`limit must be a positive integer; got ${args.limit}`);
    q.limit = String(args.limit);
  }
  return q;
}

/**
 * @param config stack config to read the `cloudfn:functiongraph*` keys from (the SDK passes the
 *   program's config); environment variables are the fallback, as for the resources. `args.profile`
 *   picks a named profile's settings first, as for a resource.
 */
export async function getFunctionReport(args: FunctionReportArgs = {}, config?: ConfigSource): Promise<FunctionReport> {
  if (config) setStackConfig(config);
  const info = await inCallProfile(args.profile, () =>
    new FunctionGraphClient(resolveSettings(), tuning.client).listFunctionReport(reportQuery(args)),
  );
  const values = (info.values ?? []).map((v) => ({ functionUrn: v.key, value: v.value }));
  return { values, count: info.count ?? values.length };
}
