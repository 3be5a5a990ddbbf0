/**
 * Typed MinApp Open API client (docs/reference/minapp-api.md §3): one statement per operation, every response
 * validated with the zod schemas of api.ts. Functions are addressed by name only, per app and per
 * environment (`X-Hydrogen-Env-ID`; absent = production). A 401 re-runs the two-step token flow
 * once and repeats the request; the refresh grant is never used.
 */
import { AxiosAdapter, Method } from "axios";
import { z } from "zod";
import { AuthError } from "../core/errors";
import { HttpClient, createHttpClient } from "../core/http";
import { Page, paginate } from "../core/paginate";
import {
  CreateFunctionBody,
  DebugResult,
  FunctionObject,
  JobRecord,
  JobResult,
  PatchFunctionBody,
  debugResultSchema,
  functionSchema,
  jobRecordSchema,
  jobResultSchema,
  listSchema,
  parseMinAppError,
  validate,
} from "./api";
import { CredentialsError, getToken, invalidateToken, minAppContext } from "./auth";
import { MinAppSettings } from "./config";

export const FUNCTIONS_PATH = "/oserve/v1.3/cloud-function/";
/** Page size for lists; the documented default is 20 and the data API's cap is 1000. */
export const PAGE_SIZE = 100;

export interface ClientOptions {
  /** Replaces the network (unit tests). */
  adapter?: AxiosAdapter;
  retries?: number;
  baseDelayMs?: number;
}

/** Job list filters (§3.2, §4): Django-style, times in Unix seconds. */
export interface JobFilters {
  source?: string;
  status?: string;
  service_type?: string;
  created_at__gte?: number;
  created_at__lte?: number;
}

/** `/oserve/v1.3/cloud-function/<name>/<suffix>`, the name URL-encoded as one path segment. */
export function functionPath(name: string, suffix = ""): string {
  return `${FUNCTIONS_PATH}${encodeURIComponent(name)}/${suffix}`;
}

export class MinAppClient {
  private readonly http: HttpClient;

  /** `environmentId` undefined or "" targets production. */
  constructor(
    private readonly settings: MinAppSettings,
    private readonly environmentId?: string,
    private readonly opts: ClientOptions = {},
  ) {
    this.http = createHttpClient({
      baseURL: settings.endpoint,
      parseError: parseMinAppError,
      adapter: opts.adapter,
      retries: opts.retries ?? settings.retries,
      baseDelayMs: opts.baseDelayMs ?? settings.retryBaseDelayMs,
      context: minAppContext(settings),
    });
  }

  createFunction = (body: CreateFunctionBody): Promise<FunctionObject> =>
    this.call("POST", FUNCTIONS_PATH, functionSchema, "create", body);
  getFunction = (name: string): Promise<FunctionObject> => this.call("GET", functionPath(name), functionSchema, "get");
  patchFunction = (name: string, body: PatchFunctionBody): Promise<FunctionObject> =>
    this.call("PATCH", functionPath(name), functionSchema, "update", body);
  deleteFunction = (name: string): Promise<unknown> => this.call("DELETE", functionPath(name), z.unknown(), "delete");
  runJob = (name: string, data: unknown, sync: boolean): Promise<JobResult> =>
    this.call("POST", functionPath(name, "job/"), jobResultSchema, "invoke", { data: data ?? {}, sync });
  debug = (name: string, data: unknown): Promise<DebugResult> =>
    this.call("POST", functionPath(name, "debug/"), debugResultSchema, "debug", { data: data ?? {} });

  /** Every function of the app (in this environment), page by page. */
  listFunctions(): AsyncGenerator<FunctionObject> {
    return this.list(FUNCTIONS_PATH, {}, functionSchema, "list");
  }

  /** Every job record of a function matching the filters, page by page. */
  listJobs(name: string, filters: JobFilters = {}): AsyncGenerator<JobRecord> {
    return this.list(functionPath(name, "job/"), filters, jobRecordSchema, "list jobs");
  }

  /** Offset paging until the platform says there is no `next` page. */
  private list<T>(path: string, filters: object, item: z.ZodType<T>, operation: string): AsyncGenerator<T> {
    const schema = listSchema(item);
    return paginate(0, async (offset): Promise<Page<T, number>> => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
      for (const [k, v] of Object.entries(filters)) if (v !== undefined) query.set(k, String(v));
      const page = await this.call("GET", `${path}?${query.toString()}`, schema, operation);
      const items = page.objects;
      const more =
        items.length > 0 &&
        (page.meta.next ? true : page.meta.total_count !== undefined && offset + items.length < page.meta.total_count);
      return { items, next: more ? offset + items.length : undefined };
    });
  }

  private async send(method: Method, url: string, token: string, data?: unknown) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    if (this.environmentId) headers["X-Hydrogen-Env-ID"] = this.environmentId;
    return this.http.request({ method, url, data, headers });
  }

  /** One request; a 401 drops the token, runs the two-step flow again and retries once. */
  private async call<T>(
    method: Method,
    url: string,
    schema: z.ZodType<T>,
    operation: string,
    data?: unknown,
  ): Promise<T> {
    const token = await getToken(this.settings, this.opts.adapter);
    let res;
    try {
      res = await this.send(method, url, token, data);
    } catch (e) {
      if (!(e instanceof AuthError && e.status === 401) || e instanceof CredentialsError) throw e;
      await invalidateToken(this.settings, token);
      res = await this.send(method, url, await getToken(this.settings, this.opts.adapter), data);
    }
    return validate(schema, res.status === 204 ? undefined : res.data, `${operation} (${method} ${url.split("?")[0]})`);
  }
}
