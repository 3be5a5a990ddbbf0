import {
  AuthError,
  ConflictError,
  NotFoundError,
  ServerError,
  ThrottledError,
  TransportError,
  ValidationError,
  platformError,
} from "./errors";
import { backoffDelay, createHttpClient, retryAfterMs } from "./http";
import { parseFunctionGraphError } from "../functiongraph/api";
import { Scripted, scriptedAdapter } from "../testing/scripted-adapter";

function client(script: Scripted[], retries = 3) {
  const fake = scriptedAdapter(script);
  const http = createHttpClient({
    baseURL: "http://fake",
    parseError: parseFunctionGraphError,
    adapter: fake.adapter,
    retries,
    baseDelayMs: 1,
    maxDelayMs: 5,
  });
  return { http, fake };
}

const fss = (status: number, code: string, msg: string, headers?: Record<string, string>): Scripted => ({
  status,
  body: { error_code: code, error_msg: msg },
  headers,
});

describe("error mapping", () => {
  it.each([
    [404, NotFoundError],
    [409, ConflictError],
    [429, ThrottledError],
    [401, AuthError],
    [403, AuthError],
    [400, ValidationError],
    [413, ValidationError],
    [500, ServerError],
    [503, ServerError],
  ])("status %d → %p", (status, cls) => {
    expect(platformError(status, "X.1", "m")).toBeInstanceOf(cls);
  });

  it("carries status, code, message and request id, and formats them", async () => {
    const { http } = client([fss(404, "FSS.1051", "Not found the function", { "x-request-id": "rid-1" })]);
    const err = await http.request({ url: "/x" }).catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({
      status: 404,
      code: "FSS.1051",
      platformMessage: "Not found the function",
      requestId: "rid-1",
    });
    expect(err.message).toBe("HTTP 404 FSS.1051: Not found the function (request id rid-1)");
  });

  it("reads IAM-shaped errors", () => {
    expect(parseFunctionGraphError(401, { error: { code: 401, message: "bad password" } }, {})).toEqual({
      code: "401",
      message: "bad password",
      requestId: undefined,
    });
  });

  it("never puts request headers (credentials) into messages", async () => {
    const { http } = client([fss(401, "APIG.0301", "Incorrect IAM authentication information")]);
    const err = await http
      .request({ url: "/x", headers: { "X-Auth-Token": "SECRET-TOKEN", Authorization: "SDK-HMAC-SHA256 Access=AKID" } })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toMatch(/SECRET-TOKEN|AKID/);
  });
});

describe("retry policy", () => {
  it("retries 429 then succeeds", async () => {
    const { http, fake } = client([fss(429, "APIG.0308", "throttled"), { status: 200, body: { ok: 1 } }]);
    const res = await http.request({ url: "/x" });
    expect(res.data).toEqual({ ok: 1 });
    expect(fake.requests).toHaveLength(2);
  });

  it("retries 503s, including for POST (creates are made safe by adopt)", async () => {
    const { http, fake } = client([
      fss(503, "FSS.0503", "busy"),
      fss(503, "FSS.0503", "busy"),
      { status: 200, body: {} },
    ]);
    await http.request({ method: "POST", url: "/x", data: "{}" });
    expect(fake.requests.map((r) => r.method)).toEqual(["POST", "POST", "POST"]);
  });

  it.each(["ECONNRESET", "ETIMEDOUT"])("retries %s", async (code) => {
    const { http, fake } = client([{ networkError: code }, { status: 200, body: {} }]);
    await http.request({ url: "/x" });
    expect(fake.requests).toHaveLength(2);
  });

  it("retries socket hang up", async () => {
    const { http, fake } = client([{ networkError: "ERR_UNKNOWN", message: "socket hang up" }, { status: 204 }]);
    await http.request({ url: "/x" });
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up after N retries with the last error", async () => {
    const { http, fake } = client(
      [fss(503, "FSS.0503", "a"), fss(503, "FSS.0503", "b"), fss(503, "FSS.0503", "c"), fss(503, "FSS.0503", "d")],
      2,
    );
    const err = await http.request({ url: "/x" }).catch((e) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err.platformMessage).toBe("c");
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry other 4xx", async () => {
    const { http, fake } = client([fss(400, "FSS.1007", "bad memory")]);
    await expect(http.request({ url: "/x" })).rejects.toBeInstanceOf(ValidationError);
    expect(fake.requests).toHaveLength(1);
  });

  it("maps exhausted connection failures to TransportError", async () => {
    const { http } = client([{ networkError: "ECONNRESET" }, { networkError: "ECONNRESET" }], 1);
    const err = await http.request({ url: "/x" }).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err.message).toBe("request failed: ECONNRESET (ECONNRESET)");
  });
});

describe("backoff", () => {
  const opts = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it("doubles per attempt with equal jitter", () => {
    expect(backoffDelay(1, opts, 0, () => 0)).toBe(50);
    expect(backoffDelay(1, opts, 0, () => 1)).toBe(100);
    expect(backoffDelay(3, opts, 0, () => 0.5)).toBe(300);
  });
  it("is capped", () => {
    expect(backoffDelay(10, opts, 0, () => 1)).toBe(1000);
  });
  it("honours Retry-After when longer, still capped", () => {
    expect(backoffDelay(1, opts, 700, () => 0)).toBe(700);
    expect(backoffDelay(1, opts, 5000, () => 0)).toBe(1000);
  });
  it("parses Retry-After seconds and dates", () => {
    expect(retryAfterMs({ "retry-after": "2" })).toBe(2000);
    expect(retryAfterMs({ "retry-after": new Date(10_000).toUTCString() }, 4_000)).toBe(6000);
    expect(retryAfterMs({})).toBe(0);
  });
});
