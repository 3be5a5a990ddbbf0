/**
 * A fake axios transport for unit tests: replays a queue of scripted answers and records every
 * request it saw (method, url, headers, body), like a tiny recorded network.
 */
import { AxiosAdapter, AxiosError, AxiosResponse, InternalAxiosRequestConfig } from "axios";

/** One scripted answer: an HTTP response, or a connection failure with a Node error code. */
export type Scripted =
  { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: string; message?: string };

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ScriptedAdapter {
  adapter: AxiosAdapter;
  requests: Recorded[];
  /** Scripts still unused. */
  remaining(): number;
}

/** Answers requests in order; when the script runs out, `fallback` (default 200 `{}`) answers. */
export function scriptedAdapter(script: Scripted[], fallback: Scripted = { status: 200, body: {} }): ScriptedAdapter {
  const queue = [...script];
  const requests: Recorded[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const url = `${config.baseURL ?? ""}${config.url ?? ""}`;
    requests.push({
      method: (config.method ?? "get").toUpperCase(),
      url,
      headers: config.headers.toJSON(true),
      body: config.data,
    });
    const next = queue.shift() ?? fallback;
    if ("networkError" in next) throw new AxiosError(next.message ?? next.networkError, next.networkError, config);
    const response: AxiosResponse = {
      status: next.status,
      statusText: "",
      data: next.body,
      headers: next.headers ?? {},
      config,
    };
    if (next.status >= 400)
      throw new AxiosError(
        `Request failed with status code ${next.status}`,
        AxiosError.ERR_BAD_RESPONSE,
        config,
        null,
        response,
      );
    return response;
  };
  return { adapter, requests, remaining: () => queue.length };
}
