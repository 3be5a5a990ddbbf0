/**
 * Typed LeanCloud client: the invocation endpoints of the app API (docs/reference/leancloud-api.md §4) signed
 * with `X-LC-Sign`, and the console API subset lean-cli uses (§8) with `Authorization: Token`.
 * One statement per operation; responses validated with the zod schemas of api.ts.
 */
import { AxiosAdapter, AxiosError, AxiosRequestConfig, Method } from "axios";
import { z } from "zod";
import { ErrorContext, describeCredentials } from "../core/errors";
import { HttpClient, createHttpClient } from "../core/http";
import {
  Group,
  PollPage,
  deploySchema,
  functionResultSchema,
  groupsSchema,
  metadatasSchema,
  parseLeanCloudError,
  pollSchema,
  validate,
} from "./api";
import { LeanCloudSettings, requireAppKey, requireConsoleToken, requireMasterKey } from "./config";
import { Environment, envIndex, prodHeader, signature } from "../../platform/leancloud/sign";

export interface ClientOptions {
  /** Replaces the network (unit tests). */
  adapter?: AxiosAdapter;
  retries?: number;
  baseDelayMs?: number;
  /** Clock for signatures (tests). */
  now?: () => number;
}

export interface CallOptions {
  environment: Environment;
  /** `/1.1/call` (RPC, typed values) instead of `/1.1/functions`. */
  rpc: boolean;
  useMasterKey: boolean;
  sessionToken?: string;
}

/** Connection failures that happen before a request is sent. */
const NEVER_SENT = new Set(["ECONNREFUSED", "EAI_AGAIN", "ENOTFOUND"]);

/**
 * A function call is not idempotent, so it is retried only when it surely did not run or the
 * platform said "not now": a connection that was never made, 429, 502 (maintenance) and 503
 * unless the body says 124 (the function timed out on the server, so it did run). A reset or a
 * timeout after sending, 500 and 524 are not retried: the call may have run, and the error
 * says so instead of running it twice.
 */
export function isRetryableCall(error: AxiosError): boolean {
  const status = error.response?.status;
  if (status === undefined) return error.code !== undefined && NEVER_SENT.has(error.code);
  if (status === 503) return (error.response?.data as { code?: unknown } | undefined)?.code !== 124;
  return status === 429 || status === 502;
}

/** What errors name: the URL's and the key's sources, per API (app, master-key or console). */
export function leanCloudContext(s: LeanCloudSettings, api: "app" | "master" | "console"): ErrorContext {
  const from = s.sources ?? {};
  const key = {
    app: describeCredentials([["app key", from.appKey]]),
    master: describeCredentials([["master key", from.masterKey]]),
    console: describeCredentials([["console access token", from.consoleToken]]),
  }[api];
  const urlSource = api === "console" ? from.consoleUrl : from.serverUrl;
  return { platform: "LeanCloud", urlSource, credentials: s.sources && key };
}

export class LeanCloudClient {
  private readonly engine: Record<"app" | "master", HttpClient>;
  private readonly console: HttpClient;

  constructor(
    private readonly s: LeanCloudSettings,
    opts: ClientOptions = {},
  ) {
    const now = opts.now ?? Date.now;
    const common = {
      adapter: opts.adapter,
      retries: opts.retries ?? s.retries,
      baseDelayMs: opts.baseDelayMs ?? s.retryBaseDelayMs,
      parseError: parseLeanCloudError,
    };
    const signed = (master: boolean) =>
      createHttpClient({
        ...common,
        baseURL: s.serverUrl,
        context: leanCloudContext(s, master ? "master" : "app"),
        onRequest: (config) => {
          const key = master
            ? requireMasterKey(s, "master-key calls")
            : requireAppKey(s, "function calls without useMasterKey");
          config.headers.set("X-LC-Id", s.appId);
          config.headers.set("X-LC-Sign", signature(key, now(), master));
          return config;
        },
      });
    this.engine = { app: signed(false), master: signed(true) };
    this.console = createHttpClient({
      ...common,
      baseURL: s.consoleUrl,
      context: leanCloudContext(s, "console"),
      onRequest: (config) => {
        config.headers.set(
          "Authorization",
          `Token ${requireConsoleToken(s, "engine deployments and environment variables use the console API")}`,
        );
        config.headers.set("X-LC-Id", s.appId);
        return config;
      },
    });
  }

  /** Calls a cloud function; resolves with the raw body (`{result}` or `{}`). */
  async callFunction(name: string, params: unknown, o: CallOptions): Promise<{ result?: unknown }> {
    const headers: Record<string, string> = {
      "X-LC-Prod": prodHeader(o.environment),
      "Content-Type": "application/json; charset=utf-8",
    };
    if (o.sessionToken) headers["X-LC-Session"] = o.sessionToken;
    const url = `/1.1/${o.rpc ? "call" : "functions"}/${encodeURIComponent(name)}`;
    const config = {
      method: "POST",
      url,
      data: JSON.stringify(params ?? {}),
      headers,
      "axios-retry": { retryCondition: isRetryableCall },
    } as AxiosRequestConfig;
    const res = await this.engine[o.useMasterKey ? "master" : "app"].request(config);
    return validate(functionResultSchema, res.data === "" ? {} : res.data, o.rpc ? "call" : "functions");
  }

  /** Names (functions and hooks) the engine of an environment serves. */
  async metadatas(environment: Environment): Promise<string[]> {
    const res = await this.engine.master.request({
      method: "GET",
      url: "/1.1/functions/_ops/metadatas",
      headers: { "X-LC-Prod": prodHeader(environment) },
    });
    return validate(metadatasSchema, res.data, "metadatas").result;
  }

  getGroups = async (): Promise<Group[]> =>
    this.consoleCall("GET", "/1.1/engine/groups?all=true", groupsSchema, "getGroups");

  /** The named group, or undefined when the app has no such group. */
  async getGroup(name: string): Promise<Group | undefined> {
    return (await this.getGroups()).find((g) => g.groupName === name);
  }

  /** Replaces the whole variable map of a group (the API has no per-key operation). */
  putEnvironments = (group: string, environments: Record<string, string>): Promise<unknown> =>
    this.consoleCall("PATCH", `/1.1/engine/groups/${encodeURIComponent(group)}`, z.unknown(), "patchGroup", {
      environments,
    });

  /** Deploys a zip as a new version (direct multipart upload); resolves with the event token. */
  async deployZip(
    group: string,
    environment: Environment,
    zip: Buffer,
    fields: Record<string, string | boolean>,
  ): Promise<string> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
    form.append("zip", new Blob([zip], { type: "application/zip" }), "leanengine.zip");
    const url = `/1.1/engine/groups/${encodeURIComponent(group)}/envs/${envIndex(environment)}/version`;
    // An upload is not idempotent: a retry after a lost answer would deploy a second version.
    const once = { "axios-retry": { retryCondition: isRetryableCall } };
    return (await this.consoleCall("POST", url, deploySchema, "deploy", form, once)).eventToken;
  }

  /** One page of deploy events after `from` (newest first). */
  pollEvents = (token: string, from?: string): Promise<PollPage> =>
    this.consoleCall(
      "GET",
      `/1.1/engine/events/poll/${encodeURIComponent(token)}${from ? `?from=${encodeURIComponent(from)}` : ""}`,
      pollSchema,
      "pollEvents",
    );

  private async consoleCall<T>(
    method: Method,
    url: string,
    schema: z.ZodType<T>,
    operation: string,
    data?: unknown,
    extra: AxiosRequestConfig = {},
  ): Promise<T> {
    const res = await this.console.request({ ...extra, method, url, data });
    return validate(schema, res.status === 204 ? undefined : res.data, operation);
  }
}
