/**
 * A tiny raw HTTP client for tests of the emulator (and of anything deployed to it): signs
 * FunctionGraph requests with the project's signer, sends the path byte-for-byte (URN colons
 * raw) and reports a destroyed connection as `dropped` instead of throwing.
 */
import { request } from "http";
import { sign } from "../../provider/functiongraph/signer";
import type { FgCredentials } from "../functiongraph/env";

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

export interface FgResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON, else the text ("" for no body). */
  body: any;
  /** True when the server destroyed the connection without answering. */
  dropped: boolean;
}

export function fgCall(baseUrl: string, creds: FgCredentials, call: FgCall): Promise<FgResult> {
  const url = new URL(baseUrl);
  const payload = call.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof call.body === "string" ? call.body : JSON.stringify(call.body));
  const [path, search = ""] = call.path.split(/\?(.*)/s, 2);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = k in query ? ([] as string[]).concat(query[k], v) : v;
  const headers: Record<string, string> = { "content-type": "application/json", host: url.host, ...call.headers };
  const auth = call.auth ?? "sign";
  if (auth === "sign") {
    Object.assign(headers, sign({ method: call.method, path, query, headers, body: payload }, { accessKey: call.accessKey ?? creds.accessKey, secretKey: call.secretKey ?? creds.secretKey, now: call.now }));
  } else if (auth !== "none") headers["x-auth-token"] = auth.token;
  const wire = call.wireBody === undefined ? payload : Buffer.from(call.wireBody);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: call.method, path: call.path, headers: { ...headers, "content-length": String(wire.length) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : "";
        } catch {
          /* not JSON: keep the text */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, dropped: false });
      });
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNRESET" || err.message === "socket hang up") resolve({ status: 0, headers: {}, body: "", dropped: true });
      else reject(err);
    });
    req.end(wire);
  });
}
