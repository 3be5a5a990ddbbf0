/**
 * A tiny raw HTTP client for tests of the LeanCloud emulator: app-key, master-key or signed
 * (`X-LC-Sign`) calls, the console token, or no auth at all; reports a destroyed connection as
 * `dropped` instead of throwing.
 */
import { createHash } from "crypto";
import type { LcCredentials } from "../leancloud/env";
import { sendRaw, type RawResult } from "./raw-http";

export type LcAuth = "key" | "master" | "sign" | "signMaster" | "console" | "none";

export interface LcCall {
  method: string;
  /** Path plus optional `?query`, as sent on the wire. */
  path: string;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
  auth?: LcAuth;
  /** X-LC-Prod: 1 production, 0 staging; absent = header not sent (production). */
  prod?: 0 | 1;
  session?: string;
  headers?: Record<string, string>;
  /** Signing time in ms (default now). */
  timestamp?: number;
}

export type LcResult = RawResult;

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

export function lcAuthHeaders(creds: LcCredentials, auth: LcAuth, timestamp = Date.now()): Record<string, string> {
  switch (auth) {
    case "key":
      return { "X-LC-Id": creds.appId, "X-LC-Key": creds.appKey };
    case "master":
      return { "X-LC-Id": creds.appId, "X-LC-Key": `${creds.masterKey},master` };
    case "sign":
      return { "X-LC-Id": creds.appId, "X-LC-Sign": `${md5(`${timestamp}${creds.appKey}`)},${timestamp}` };
    case "signMaster":
      return { "X-LC-Id": creds.appId, "X-LC-Sign": `${md5(`${timestamp}${creds.masterKey}`)},${timestamp},master` };
    case "console":
      return { "X-LC-Id": creds.appId, Authorization: `Token ${creds.consoleToken}` };
    case "none":
      return {};
  }
}

export function lcCall(baseUrl: string, creds: LcCredentials, call: LcCall): Promise<LcResult> {
  const isRaw = typeof call.body === "string" || Buffer.isBuffer(call.body);
  const payload =
    call.body === undefined ? Buffer.alloc(0) : Buffer.from(isRaw ? (call.body as string) : JSON.stringify(call.body));
  const headers: Record<string, string> = { ...lcAuthHeaders(creds, call.auth ?? "key", call.timestamp) };
  if (call.body !== undefined && !isRaw) headers["Content-Type"] = "application/json";
  if (call.prod !== undefined) headers["X-LC-Prod"] = String(call.prod);
  if (call.session !== undefined) headers["X-LC-Session"] = call.session;
  Object.assign(headers, call.headers);
  return sendRaw(baseUrl, call.method, call.path, headers, payload);
}
