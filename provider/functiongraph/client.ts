/**
 * Typed FunctionGraph client: one statement per API operation (docs/reference/functiongraph-api.md §0), every
 * response validated with the zod schemas of api.ts. URNs go into paths raw (colons unescaped),
 * as the platform's own SDKs send them; we build URLs ourselves so axios cannot re-encode them.
 */
import { AxiosAdapter, Method } from "axios";
import { z } from "zod";
import { AuthError, ErrorContext, describeCredentials } from "../core/errors";
import { HttpClient, createHttpClient } from "../core/http";
import { Page, paginate } from "../core/paginate";
import {
  CodeInfo,
  CreateFunctionBody,
  FunctionInfo,
  InvokeResult,
  ListItem,
  UpdateCodeBody,
  UpdateConfigBody,
  codeSchema,
  functionSchema,
  invokeSchema,
  listSchema,
  parseFunctionGraphError,
  validate,
} from "./api";
import {
  AsyncConfigBody,
  AsyncConfigInfo,
  ReportInfo,
  asyncConfigSchema,
  asyncInvokeSchema,
  reportSchema,
} from "./api-async";
import { IamAuthError, akskHook, iamCredentials, invalidateToken, tokenHook } from "./auth";
import { CreateTriggerBody, TriggerInfo, UpdateTriggerBody, triggerSchema } from "./trigger/api";
import { FunctionGraphSettings } from "./config";

export interface CallOptions {
  /** Extra request headers (e.g. X-Cff-Log-Type). */
  headers?: Record<string, string>;
  /** No transport retries: for creates that are not idempotent. */
  noRetry?: boolean;
}

export interface ClientOptions {
  /** Replaces the network (unit tests). */
  adapter?: AxiosAdapter;
  /** Overrides the retry settings of `settings`. */
  retries?: number;
  baseDelayMs?: number;
}

/** `urn:...:function:pkg:name:latest` → `urn:...:function:pkg:name` (the whole function). */
export function unqualifiedUrn(urn: string): string {
  return urn.split(":").slice(0, 7).join(":");
}

/** The URN FunctionGraph gives a function, with the `:latest` qualifier. */
export function functionUrn(s: Pick<FunctionGraphSettings, "region" | "projectId">, pkg: string, name: string): string {
  return `urn:fss:${s.region}:${s.projectId}:function:${pkg}:${name}:latest`;
}

/** The signing hook; resolveSettings() always sets both keys for AK/SK auth. */
function akskHookFor(s: FunctionGraphSettings) {
  if (s.accessKey === undefined || s.secretKey === undefined)
    throw new Error("FunctionGraph AK/SK auth needs both an access key and a secret key");
  return akskHook(s.accessKey, s.secretKey, s.projectId);
}

/** What errors of the FunctionGraph API name: where the endpoint and the credentials came from. */
export function functionGraphContext(s: FunctionGraphSettings): ErrorContext {
  const from = s.sources ?? {};
  // Settings built by hand (not resolved from config) have no sources to name.
  const credentials = !s.sources
    ? undefined
    : s.auth === "token"
      ? `IAM token of the ${iamCredentials(s)}`
      : describeCredentials([
          ["access key", from.accessKey],
          ["secret key", from.secretKey],
        ]);
  return { platform: "FunctionGraph", urlSource: from.endpoint, credentials };
}

export class FunctionGraphClient {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(
    private readonly settings: FunctionGraphSettings,
    opts: ClientOptions = {},
  ) {
    const s = settings;
    const onRequest = s.auth === "token" ? tokenHook(s, opts.adapter) : akskHookFor(s);
    this.http = createHttpClient({
      baseURL: s.endpoint,
      parseError: parseFunctionGraphError,
      onRequest,
      adapter: opts.adapter,
      retries: opts.retries ?? s.retries,
      baseDelayMs: opts.baseDelayMs ?? s.retryBaseDelayMs,
      context: functionGraphContext(s),
    });
    this.base = `/v2/${s.projectId}/fgs/functions`;
  }

  createFunction = (body: CreateFunctionBody): Promise<FunctionInfo> =>
    this.call("POST", this.base, functionSchema, "CreateFunction", body);
  getFunctionConfig = (urn: string): Promise<FunctionInfo> =>
    this.call("GET", `${this.base}/${urn}/config`, functionSchema, "ShowFunctionConfig");
  getFunctionCode = (urn: string): Promise<CodeInfo> =>
    this.call("GET", `${this.base}/${urn}/code`, codeSchema, "ShowFunctionCode");
  updateFunctionConfig = (urn: string, body: UpdateConfigBody): Promise<FunctionInfo> =>
    this.call("PUT", `${this.base}/${urn}/config`, functionSchema, "UpdateFunctionConfig", body);
  updateFunctionCode = (urn: string, body: UpdateCodeBody): Promise<CodeInfo> =>
    this.call("PUT", `${this.base}/${urn}/code`, codeSchema, "UpdateFunctionCode", body);
  deleteFunction = (urn: string): Promise<unknown> =>
    this.call("DELETE", `${this.base}/${unqualifiedUrn(urn)}`, z.unknown(), "DeleteFunction");
  invokeFunction = (urn: string, event: unknown): Promise<InvokeResult> =>
    this.call("POST", `${this.base}/${urn}/invocations`, invokeSchema, "InvokeFunction", event ?? {});

  // Triggers (T1-T6): addressed by the function URN, the trigger type and the trigger id.
  private triggerPath = (urn: string, type?: string, id?: string) =>
    `/v2/${this.settings.projectId}/fgs/triggers/${urn}${type ? `/${type}/${id}` : ""}`;
  createTrigger = (urn: string, body: CreateTriggerBody): Promise<TriggerInfo> =>
    this.call("POST", this.triggerPath(urn), triggerSchema, "CreateFunctionTrigger", body);
  /** The function's triggers: a bare array, unpaginated (§1.4). */
  listTriggers = (urn: string): Promise<TriggerInfo[]> =>
    this.call("GET", this.triggerPath(urn), z.array(triggerSchema), "ListFunctionTriggers");
  getTrigger = (urn: string, type: string, id: string): Promise<TriggerInfo> =>
    this.call("GET", this.triggerPath(urn, type, id), triggerSchema, "ShowFunctionTrigger");
  /** Answers the trigger, or (older platform versions) an empty body. */
  updateTrigger = (urn: string, type: string, id: string, body: UpdateTriggerBody): Promise<unknown> =>
    this.call("PUT", this.triggerPath(urn, type, id), z.unknown(), "UpdateTrigger", body);
  deleteTrigger = (urn: string, type: string, id: string): Promise<unknown> =>
    this.call("DELETE", this.triggerPath(urn, type, id), z.unknown(), "DeleteFunctionTrigger");
  /** F8 asking for the last 4 KB of the log (`X-Cff-Log-Type: tail`). */
  invokeFunctionWithLog = (urn: string, event: unknown): Promise<InvokeResult> =>
    this.call("POST", `${this.base}/${urn}/invocations`, invokeSchema, "InvokeFunction", event ?? {}, {
      headers: { "X-Cff-Log-Type": "tail", "X-CFF-Request-Version": "v1" },
    });
  asyncInvokeFunction = (urn: string, event: unknown): Promise<{ request_id: string }> =>
    this.call("POST", `${this.base}/${urn}/invocations-async`, asyncInvokeSchema, "AsyncInvokeFunction", event ?? {});
  putAsyncInvokeConfig = (urn: string, body: AsyncConfigBody): Promise<AsyncConfigInfo> =>
    this.call(
      "PUT",
      `${this.base}/${urn}/async-invoke-config`,
      asyncConfigSchema,
      "UpdateFunctionAsyncInvokeConfig",
      body,
    );
  getAsyncInvokeConfig = (urn: string): Promise<AsyncConfigInfo> =>
    this.call("GET", `${this.base}/${urn}/async-invoke-config`, asyncConfigSchema, "ShowFunctionAsyncInvokeConfig");
  deleteAsyncInvokeConfig = (urn: string): Promise<unknown> =>
    this.call("DELETE", `${this.base}/${urn}/async-invoke-config`, z.unknown(), "DeleteFunctionAsyncInvokeConfig");
  /** M1 (`GET /v2/{project_id}/fgs/function/report`); `query` holds type, start_time, end_time, limit. */
  listFunctionReport = (query: Record<string, string>): Promise<ReportInfo> => {
    const qs = new URLSearchParams(query).toString();
    return this.call(
      "GET",
      `/v2/${this.settings.projectId}/fgs/function/report${qs ? `?${qs}` : ""}`,
      reportSchema,
      "ListFunctionAsMetric",
    );
  };

  /** Every function of the project (optionally of one package), following `next_marker`. */
  listFunctions(packageName?: string, pageSize = 100): AsyncGenerator<ListItem> {
    return paginate("0", async (marker): Promise<Page<ListItem, string>> => {
      const pkg = packageName ? `&package_name=${encodeURIComponent(packageName)}` : "";
      const page = await this.call(
        "GET",
        `${this.base}?marker=${marker}&maxitems=${pageSize}${pkg}`,
        listSchema,
        "ListFunctions",
      );
      const next = page.next_marker === undefined ? undefined : String(page.next_marker);
      // The marker is an offset; the platform signals the end with 0 or by repeating the marker.
      const done = page.functions.length === 0 || next === undefined || next === "0" || next === marker;
      return { items: page.functions, next: done ? undefined : next };
    });
  }

  /** `/v2/{project_id}/fgs` + suffix: where the resource API modules (dependencies, workflows...) build paths. */
  fgsPath(suffix: string): string {
    return `/v2/${this.settings.projectId}/fgs${suffix}`;
  }

  /** `/v2/{project_id}` + suffix: for the APIs outside `/fgs` (the tag API, §0 F18). */
  projectPath(suffix: string): string {
    return `/v2/${this.settings.projectId}${suffix}`;
  }

  /**
   * One request; in token mode a 401 drops the cached token and retries once with a new one.
   * Public for the resource API modules; `noRetry` turns off the transport retries for creates
   * that are not idempotent (their callers reconcile instead).
   */
  async call<T>(
    method: Method,
    url: string,
    schema: z.ZodType<T>,
    operation: string,
    data?: unknown,
    opts: CallOptions = {},
  ): Promise<T> {
    const send = () =>
      this.http.request({
        method,
        url,
        data,
        headers: opts.headers,
        ...(opts.noRetry ? { "axios-retry": { retries: 0 } } : {}),
      });
    let res;
    try {
      res = await send();
    } catch (e) {
      if (!(e instanceof AuthError && e.status === 401 && this.settings.auth === "token") || e instanceof IamAuthError)
        throw e;
      invalidateToken(this.settings);
      res = await send();
    }
    return validate(schema, res.status === 204 ? undefined : res.data, operation);
  }
}
