/**
 * `listAsyncInvocations`: a function's async invocations with their status and error
 * (ListAsyncInvocations, `GET /v2/{project_id}/fgs/functions/{urn}/async-invocations`). A plain
 * async helper, not a resource: credentials come from the same stack config and environment
 * variables as the resources, at call time. Filters and paging are the platform's: status,
 * request id, a query window (the platform's default is the last hour), marker/limit pages.
 */
import { z } from "zod";
import { collect, paginate } from "../../core/paginate";
import { FunctionGraphClient, type ClientOptions } from "../client";
import type { ProfileOption } from "../../core/call-profile";
import { inCallProfile, resolveSettings, setStackConfig, type ConfigSource } from "../config";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

export const ASYNC_STATUSES = ["WAIT", "RUNNING", "SUCCESS", "FAIL", "DISCARD"] as const;
/** The platform's largest page (SDK docs). */
const PAGE = 500;

export interface ListAsyncInvocationsArgs extends ProfileOption {
  /** Function URN, usually a Function's `funcUrn`. */
  functionUrn: string;
  status?: (typeof ASYNC_STATUSES)[number];
  /** One request id (as F9 answered it). */
  requestId?: string;
  /** Window on the start time, UTC; the platform's default is the last hour. */
  beginTime?: string | Date;
  endTime?: string | Date;
  /** At most this many (newest first); default: all in the window. */
  limit?: number;
}

export interface AsyncInvocation {
  requestId: string;
  status: string;
  errorCode?: number;
  errorMessage?: string;
  startTime?: string;
  endTime?: string;
}

const record = z
  .object({
    request_id: z.string(),
    status: z.string(),
    error_code: z.number().optional().nullable(),
    error_message: z.string().optional().nullable(),
    start_time: z.string().optional().nullable(),
    end_time: z.string().optional().nullable(),
  })
  .passthrough();
const pageSchema = z
  .object({
    invocations: z.array(record).optional().nullable(),
    count: z.number().optional().nullable(),
    next_marker: z.union([z.number(), z.string()]).optional().nullable(),
  })
  .passthrough();

/** query_begin_time / query_end_time: `YYYY-MM-DDTHH:mm:ss`, UTC (SDK docs). */
export function queryTime(t: string | Date): string {
  return typeof t === "string" ? t : t.toISOString().slice(0, 19);
}

function checkArgs(args: ListAsyncInvocationsArgs): void {
  if (!args.functionUrn) throw new Error("functionUrn is required");
  if (args.status !== undefined && !(ASYNC_STATUSES as readonly string[]).includes(args.status))
    throw new Error(`status must be one of ${ASYNC_STATUSES.join(", ")}; got ${JSON.stringify(args.status)}`);
  if (args.limit !== undefined && (!Number.isInteger(args.limit) || args.limit < 1))
    throw new Error(`limit must be a positive integer; got ${args.limit}`);
}

function query(args: ListAsyncInvocationsArgs, marker: number, limit: number): string {
  const q = new URLSearchParams({ marker: String(marker), limit: String(limit) });
  if (args.status) q.set("status", args.status);
  if (args.requestId) q.set("request_id", args.requestId);
  if (args.beginTime !== undefined) q.set("query_begin_time", queryTime(args.beginTime));
  if (args.endTime !== undefined) q.set("query_end_time", queryTime(args.endTime));
  return q.toString();
}

const text = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? undefined : v);

function view(r: z.infer<typeof record>): AsyncInvocation {
  return {
    requestId: r.request_id,
    status: r.status,
    // 0 is the platform's "no error".
    errorCode: r.error_code === 0 ? undefined : (r.error_code ?? undefined),
    errorMessage: text(r.error_message),
    startTime: text(r.start_time),
    endTime: text(r.end_time),
  };
}

/**
 * @param config stack config to read the `cloudfn:functiongraph*` keys from (the SDK passes the
 *   program's config); environment variables are the fallback, as for the resources. `args.profile`
 *   picks a named profile's settings first, as for a resource.
 */
export async function listAsyncInvocations(
  args: ListAsyncInvocationsArgs,
  config?: ConfigSource,
): Promise<AsyncInvocation[]> {
  checkArgs(args);
  if (config) setStackConfig(config);
  return inCallProfile(args.profile, () => listPages(args));
}

async function listPages(args: ListAsyncInvocationsArgs): Promise<AsyncInvocation[]> {
  const fg = new FunctionGraphClient(resolveSettings(), tuning.client);
  const want = args.limit ?? Number.POSITIVE_INFINITY;
  const path = fg.fgsPath(`/functions/${args.functionUrn}/async-invocations`);
  const items = paginate(0, async (marker) => {
    const limit = Math.min(PAGE, want - marker);
    const page = await fg.call("GET", `${path}?${query(args, marker, limit)}`, pageSchema, "ListAsyncInvocations");
    const got = page.invocations ?? [];
    const next = marker + got.length;
    const done =
      got.length < limit || next >= want || (page.count !== undefined && page.count !== null && next >= page.count);
    return { items: got, next: done ? undefined : next };
  });
  return (await collect(items)).slice(0, args.limit).map(view);
}
