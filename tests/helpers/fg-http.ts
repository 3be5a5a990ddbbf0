/**
 * A tiny signed FunctionGraph HTTP client for tests: it plays "someone else" (the console, a
 * colleague's script) changing things out of band, and invokes deployed functions.
 */
import axios, { AxiosResponse } from "axios";
import { sign } from "../../provider/functiongraph/signer";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";

const fg = EMULATOR_DEFAULTS.functiongraph;

export async function fgRequest(baseUrl: string, method: string, path: string, body?: unknown): Promise<AxiosResponse> {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? "" : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json", host: url.host, "x-project-id": fg.projectId };
  const query = Object.fromEntries(url.searchParams.entries());
  Object.assign(headers, sign({ method, path: url.pathname, query, headers, body: payload }, { accessKey: fg.accessKey, secretKey: fg.secretKey }));
  return axios.request({ method, url: url.toString(), headers, data: payload || undefined, validateStatus: () => true, transformResponse: (d) => d });
}

export function functionPath(urnOrName: string, suffix = ""): string {
  return `/v2/${fg.projectId}/fgs/functions/${urnOrName}${suffix}`;
}

/** Invokes a function synchronously and returns the parsed platform response body. */
export async function invoke(baseUrl: string, urn: string, event: unknown): Promise<{ status: number; body: any }> {
  const res = await fgRequest(baseUrl, "POST", functionPath(urn, "/invocations"), event);
  return { status: res.status, body: JSON.parse(res.data) };
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  platform: string;
  operation: string;
}

export async function requestLog(baseUrl: string): Promise<LoggedRequest[]> {
  return (await axios.get(`${baseUrl}/_emulator/requests`)).data;
}

export async function clearRequestLog(baseUrl: string): Promise<void> {
  await axios.delete(`${baseUrl}/_emulator/requests`);
}

export function countOps(log: LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of log) counts[r.operation] = (counts[r.operation] ?? 0) + 1;
  return counts;
}
