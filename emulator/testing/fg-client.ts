/**
 * A tiny raw HTTP client for tests of the emulator (and of anything deployed to it): signs
 * FunctionGraph requests with the project's signer, sends the path byte-for-byte (URN colons
 * raw) and reports a destroyed connection as `dropped` instead of throwing.
 */
import { sign } from "../../platform/functiongraph/signer";
import type { FgCredentials } from "../functiongraph/env";
import { sendRaw, type RawResult } from "./raw-http";

export interface FgCall {
  method: string;
  /** Path plus optional `?query`, exactly as it goes on the wire. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** "sign" (default) adds an SDK-HMAC-SHA256 signature; "none" sends no auth. */
  auth?: "sign" | "none" | { token: string };
  /** Signing time (default now). */
  now?: Date;
  /** Override the keys used for signing (to test rejection). */
  accessKey?: string;
  secretKey?: string;
  /** Send this body instead of the signed one (to test tamper detection). */
  wireBody?: string;
}

export type FgResult = RawResult;

export function fgCall(baseUrl: string, creds: FgCredentials, call: FgCall): Promise<FgResult> {
  const url = new URL(baseUrl);
  const payload =
    call.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(typeof call.body === "string" ? call.body : JSON.stringify(call.body));
  const [path, search = ""] = call.path.split(/\?(.*)/s, 2);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = k in query ? ([] as string[]).concat(query[k], v) : v;
  const headers: Record<string, string> = { "content-type": "application/json", host: url.host, ...call.headers };
  const auth = call.auth ?? "sign";
  if (auth === "sign") {
    Object.assign(
      headers,
      sign(
        { method: call.method, path, query, headers, body: payload },
        { accessKey: call.accessKey ?? creds.accessKey, secretKey: call.secretKey ?? creds.secretKey, now: call.now },
      ),
    );
  } else if (auth !== "none") headers["x-auth-token"] = auth.token;
  const wire = call.wireBody === undefined ? payload : Buffer.from(call.wireBody);
  return sendRaw(url, call.method, call.path, headers, wire);
}
