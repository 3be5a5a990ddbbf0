import { scriptedAdapter } from "../../testing/scripted-adapter";
import { UNKNOWN } from "../../core/diff";
import { clearStackConfig } from "../config";
import { provider, tuning } from "./";
import { InvocationInputs } from "./schema";

const ENV = {
  LEANCLOUD_APP_ID: "testApp0-gzGzoHsz",
  LEANCLOUD_APP_KEY: "app-key-value",
  LEANCLOUD_APP_MASTER_KEY: "master-key-value",
  CLOUDFN_LEANCLOUD_SERVER_URL: "http://lc.test",
};
const saved = { ...process.env };
beforeEach(() => Object.assign(process.env, ENV));
afterEach(() => {
  process.env = { ...saved };
  clearStackConfig();
  tuning.client = {};
});

const base: InvocationInputs = {
  name: "hello",
  params: { who: "ann" },
  rpc: false,
  environment: "production",
  useMasterKey: false,
};

async function checked(news: Record<string, unknown>) {
  return provider.check!({} as InvocationInputs, news as unknown as InvocationInputs);
}

describe("Invocation check", () => {
  it("applies defaults and accepts JSON text params", async () => {
    const res = await checked({ name: "hello", params: '{"a":[1,2]}' });
    expect(res).toEqual({
      inputs: { name: "hello", params: '{"a":[1,2]}', rpc: false, environment: "production", useMasterKey: false },
    });
  });

  it("names the property and the rule for a slash, non-JSON params and an unknown environment", async () => {
    const res = await checked({ name: "a/b", params: "{oops", environment: "prod" });
    expect(res.failures?.map((f) => f.property)).toEqual(["name", "params", "environment"]);
    expect(res.failures?.[0].reason).toMatch(/name must be one URL path segment: no "\/"/);
    expect(res.failures?.[1].reason).toMatch(/^params must be JSON/);
    expect(res.failures?.[2].reason).toBe(
      'environment must be one of production, staging; got "prod"; did you mean "production"?',
    );
  });

  it("rejects params that are a scalar, and RPC Dates without a valid iso", async () => {
    expect((await checked({ name: "f", params: 3 })).failures?.[0].reason).toBe(
      "params must be a JSON object or array (or its JSON text); got number",
    );
    expect(
      (await checked({ name: "f", rpc: true, params: { d: { __type: "Date", iso: "x" } } })).failures?.[0].reason,
    ).toBe('params must be JSON: params.d is a Date without a valid "iso" timestamp');
  });

  it("lets unknown values through during preview", async () => {
    expect((await checked({ name: "f", params: UNKNOWN })).failures).toBeUndefined();
  });
});

describe("Invocation diff", () => {
  const olds = { ...base, result: "x" };
  it("calls again when params, environment or triggers change, never replaces", async () => {
    expect(await provider.diff!("id", olds, { ...base, triggers: [1] })).toEqual({ changes: true, replaces: [] });
    expect(await provider.diff!("id", olds, { ...base, environment: "staging" })).toEqual({
      changes: true,
      replaces: [],
    });
    expect(await provider.diff!("id", olds, { ...base, params: { who: "bob" } })).toEqual({
      changes: true,
      replaces: [],
    });
  });
  it("sees no change for equal JSON text, or a new session token", async () => {
    expect(await provider.diff!("id", olds, { ...base, params: '{"who":"ann"}', sessionToken: "new" })).toEqual({
      changes: false,
      replaces: [],
    });
  });
});

describe("Invocation create", () => {
  it("signs with the app key, sends X-LC-Prod and the session, and outputs the result", async () => {
    const net = scriptedAdapter([{ status: 200, body: { result: { hi: "ann" } } }]);
    tuning.client = { adapter: net.adapter, now: () => 1700000000000 };
    const res = await provider.create({ ...base, environment: "staging", sessionToken: "sess-token" });
    expect(res.outs).toEqual({
      name: "hello",
      params: { who: "ann" },
      rpc: false,
      environment: "staging",
      useMasterKey: false,
      result: { hi: "ann" },
      rawResult: { hi: "ann" },
    });
    const [req] = net.requests;
    expect([req.method, req.url, req.body]).toEqual(["POST", "http://lc.test/1.1/functions/hello", '{"who":"ann"}']);
    expect(req.headers).toMatchObject({
      "X-LC-Id": ENV.LEANCLOUD_APP_ID,
      "X-LC-Prod": "0",
      "X-LC-Session": "sess-token",
    });
    expect(req.headers["X-LC-Sign"]).toMatch(/^[0-9a-f]{32},1700000000000$/);
    expect(JSON.stringify(req.headers)).not.toContain("app-key-value");
  });

  it("RPC: posts to /call with the master key and decodes typed results", async () => {
    const net = scriptedAdapter([
      {
        status: 200,
        body: {
          result: {
            __type: "Object",
            className: "Post",
            objectId: "p1",
            at: { __type: "Date", iso: "2024-05-01T08:00:00.000Z" },
          },
        },
      },
    ]);
    tuning.client = { adapter: net.adapter };
    const res = await provider.create({ ...base, rpc: true, useMasterKey: true });
    expect(net.requests[0].url).toBe("http://lc.test/1.1/call/hello");
    expect(net.requests[0].headers["X-LC-Sign"]).toMatch(/,master$/);
    expect(res.outs?.result).toEqual({ className: "Post", objectId: "p1", at: "2024-05-01T08:00:00.000Z" });
    expect((res.outs?.rawResult as any).__type).toBe("Object");
  });

  it("an empty body (function returned undefined) gives no result output", async () => {
    tuning.client = { adapter: scriptedAdapter([{ status: 200, body: {} }]).adapter };
    expect((await provider.create(base)).outs).not.toHaveProperty("result");
  });

  it("a thrown Cloud.Error fails with LeanCloud's code and message, without retrying", async () => {
    const net = scriptedAdapter([{ status: 400, body: { code: 4242, error: "nope" } }]);
    tuning.client = { adapter: net.adapter, baseDelayMs: 1 };
    await expect(provider.create(base)).rejects.toThrow(
      'LeanCloud function "hello" (production, POST /1.1/functions/hello) failed: LeanCloud code 4242, HTTP 400: nope',
    );
    expect(net.requests).toHaveLength(1);
  });

  it("a server-side timeout (503 code 124) and a crash (500) are not retried; a sleeping engine (503) is", async () => {
    const timeout = scriptedAdapter([
      { status: 503, body: { code: 124, error: "The request timed out on the server." } },
    ]);
    tuning.client = { adapter: timeout.adapter, baseDelayMs: 1 };
    await expect(provider.create(base)).rejects.toThrow(/LeanCloud code 124, HTTP 503/);
    expect(timeout.requests).toHaveLength(1);
    const crash = scriptedAdapter([{ status: 500, body: { code: "ENOENT", error: "no file" } }]);
    tuning.client = { adapter: crash.adapter, baseDelayMs: 1 };
    await expect(provider.create(base)).rejects.toThrow(/LeanCloud code ENOENT, HTTP 500: no file/);
    expect(crash.requests).toHaveLength(1);
    const asleep = scriptedAdapter([
      { status: 503, body: { code: 1, error: "asleep" } },
      { networkError: "ECONNREFUSED" },
      { status: 429, body: {} },
      { status: 200, body: { result: 1 } },
    ]);
    tuning.client = { adapter: asleep.adapter, baseDelayMs: 1 };
    expect((await provider.create(base)).outs?.result).toBe(1);
    expect(asleep.requests).toHaveLength(4);
  });

  it("a connection reset after sending (the call may have run) fails instead of calling twice", async () => {
    const reset = scriptedAdapter([
      { networkError: "ECONNRESET", message: "socket hang up" },
      { status: 200, body: { result: 1 } },
    ]);
    tuning.client = { adapter: reset.adapter, baseDelayMs: 1 };
    await expect(provider.create(base)).rejects.toThrow(
      /failed: LeanCloud: no answer from http:\/\/lc\.test \(from environment variable CLOUDFN_LEANCLOUD_SERVER_URL\) after 1 attempt over [\d.]+ s: socket hang up \(ECONNRESET\)/,
    );
    expect(reset.requests).toHaveLength(1);
  });

  it("a missing key names the config key and the variable", async () => {
    delete process.env.LEANCLOUD_APP_KEY;
    tuning.client = { adapter: scriptedAdapter([]).adapter };
    await expect(provider.create(base)).rejects.toThrow(/cloudfn:leancloudAppKey.*LEANCLOUD_APP_KEY/);
  });
});

describe("Invocation read and delete", () => {
  it("make no calls", async () => {
    const net = scriptedAdapter([]);
    tuning.client = { adapter: net.adapter };
    const props = { ...base, result: 1 };
    expect(await provider.read!("id", props)).toEqual({ id: "id", props });
    await provider.delete!("id", props);
    expect(net.requests).toEqual([]);
  });
});
