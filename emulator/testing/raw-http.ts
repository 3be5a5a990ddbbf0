/**
 * The one raw HTTP exchange the test clients (fg-, minapp-, leancloud-client) share: exact bytes
 * and headers out, status, headers and body (JSON when it parses) back, and a dropped connection
 * reported as `dropped` instead of an error, so fault-injection tests can assert on it.
 */
import { request } from "http";

export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON, else the text ("" for no body). */
  body: any;
  /** True when the server destroyed the connection without answering. */
  dropped: boolean;
}

/** Sends `payload` as is; `content-length` is set here. No connection reuse (agent: false). */
export function sendRaw(
  baseUrl: string | URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload: Buffer,
): Promise<RawResult> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...headers, "content-length": String(payload.length) },
        agent: false,
      },
      (res) => {
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
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ECONNRESET" || err.message === "socket hang up")
        resolve({ status: 0, headers: {}, body: "", dropped: true });
      else reject(err);
    });
    req.end(payload);
  });
}
