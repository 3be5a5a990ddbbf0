/**
 * A tiny signed FunctionGraph HTTP client for tests: it plays "someone else" (the console, a
 * colleague's script) changing things out of band, and invokes deployed functions.
 */
import axios from "axios";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { fgCall, FgResult } from "../../emulator/testing/fg-client";

const fg = EMULATOR_DEFAULTS.functiongraph;

/** A request signed with the emulator's default credentials; the body comes back parsed. */
export function fgRequest(baseUrl: string, method: string, path: string, body?: unknown): Promise<FgResult> {
  return fgCall(baseUrl, fg, { method, path, body, headers: { "x-project-id": fg.projectId } });
}

export function functionPath(urnOrName: string, suffix = ""): string {
  return `/v2/${fg.projectId}/fgs/functions/${urnOrName}${suffix}`;
}

/** Invokes a function synchronously and returns the parsed platform response body. */
export async function invoke(baseUrl: string, urn: string, event: unknown): Promise<FgResult> {
  return fgRequest(baseUrl, "POST", functionPath(urn, "/invocations"), event);
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

/**
 * A call to the emulator's control plane (/_emulator/...) with an optional JSON body; a 204
 * answers undefined. Tests reset, inject faults and read state through it.
 */
export async function controlCall(baseUrl: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return res.status === 204 ? undefined : res.json();
}

/** The request log as "Operation status" lines (of one platform if given): what log assertions compare. */
export async function operationLines(baseUrl: string, platform?: string): Promise<string[]> {
  const log = await requestLog(baseUrl);
  return log.filter((r) => !platform || r.platform === platform).map((r) => `${r.operation} ${r.status}`);
}
