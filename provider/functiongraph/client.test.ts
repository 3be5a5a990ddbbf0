import { AuthError } from "../core/errors";
import { collect } from "../core/paginate";
import { scriptedAdapter } from "../testing/scripted-adapter";
import { FunctionGraphClient } from "./client";
import { FunctionGraphSettings } from "./config";
import { canonicalRequest, parseAuthorization, signature, stringToSign } from "../../platform/functiongraph/signer";

const settings: FunctionGraphSettings = {
  auth: "aksk",
  region: "cn-north-4",
  projectId: "p1",
  endpoint: "http://fg.local:8080",
  iamEndpoint: "http://iam.local",
  accessKey: "AK1",
  secretKey: "SK1",
};
const urn = "urn:fss:cn-north-4:p1:function:default:hello:latest";
const fn = {
  func_urn: urn,
  func_name: "hello",
  package: "default",
  runtime: "Node.js18.15",
  handler: "index.handler",
  memory_size: 128,
  timeout: 30,
};

describe("FunctionGraphClient", () => {
  it("sends URNs raw and signs every header present, verifiably", async () => {
    const fake = scriptedAdapter([{ status: 200, body: fn }]);
    await new FunctionGraphClient(settings, { adapter: fake.adapter }).updateFunctionConfig(urn, {
      func_name: "hello",
      runtime: "Node.js18.15",
      handler: "index.handler",
      memory_size: 256,
      timeout: 30,
      description: "",
    });
    const req = fake.requests[0];
    expect(req.url).toBe(`http://fg.local:8080/v2/p1/fgs/functions/${urn}/config`);
    expect(req.headers).toMatchObject({
      Host: "fg.local:8080",
      "X-Project-Id": "p1",
      "Content-Type": "application/json",
    });
    const auth = parseAuthorization(req.headers.Authorization)!;
    expect(auth.accessKey).toBe("AK1");
    expect(auth.signedHeaders).toEqual(["accept", "content-type", "host", "x-project-id", "x-sdk-date"]);
    const canonical = canonicalRequest(
      { method: "PUT", path: new URL(req.url).pathname, headers: req.headers, body: req.body },
      auth.signedHeaders,
    );
    expect(auth.signature).toBe(signature("SK1", stringToSign(canonical, req.headers["X-Sdk-Date"])));
    expect(req.body).toBe(
      JSON.stringify({
        func_name: "hello",
        runtime: "Node.js18.15",
        handler: "index.handler",
        memory_size: 256,
        timeout: 30,
        description: "",
      }),
    );
  });

  it("re-signs each retry without signing the previous Authorization", async () => {
    const fake = scriptedAdapter([
      { status: 503, body: { error_code: "FSS.0503", error_msg: "busy" } },
      { status: 200, body: fn },
    ]);
    await new FunctionGraphClient(settings, { adapter: fake.adapter, baseDelayMs: 1 }).getFunctionConfig(urn);
    expect(parseAuthorization(fake.requests[1].headers.Authorization)!.signedHeaders).not.toContain("authorization");
  });

  it("deletes the whole function with the unqualified URN", async () => {
    const fake = scriptedAdapter([{ status: 204 }]);
    await new FunctionGraphClient(settings, { adapter: fake.adapter }).deleteFunction(urn);
    expect(fake.requests[0].url).toBe(
      "http://fg.local:8080/v2/p1/fgs/functions/urn:fss:cn-north-4:p1:function:default:hello",
    );
  });

  it("lists functions across pages by marker", async () => {
    const item = (n: string) => ({ func_urn: `u:${n}`, func_name: n });
    const fake = scriptedAdapter([
      { status: 200, body: { functions: [item("a"), item("b")], next_marker: 2, count: 3 } },
      { status: 200, body: { functions: [item("c")], next_marker: 0, count: 3 } },
    ]);
    const names = (
      await collect(new FunctionGraphClient(settings, { adapter: fake.adapter }).listFunctions("default", 2))
    ).map((f) => f.func_name);
    expect(names).toEqual(["a", "b", "c"]);
    expect(fake.requests.map((r) => r.url.split("?")[1])).toEqual([
      "marker=0&maxitems=2&package_name=default",
      "marker=2&maxitems=2&package_name=default",
    ]);
  });

  it("rejects a response that breaks the contract, quoting the payload", async () => {
    const fake = scriptedAdapter([{ status: 200, body: { func_name: "x" } }]);
    await expect(new FunctionGraphClient(settings, { adapter: fake.adapter }).getFunctionConfig(urn)).rejects.toThrow(
      /^FunctionGraph ShowFunctionConfig returned an unexpected response \(func_urn: Required; .*\): \{"func_name":"x"\}$/,
    );
  });

  describe("token auth", () => {
    const tokenSettings = {
      ...settings,
      auth: "token" as const,
      userName: "u",
      password: "pw",
      domainName: "d",
      iamEndpoint: "http://iam.token-test",
    };
    const tokenReply = (token: string) => ({
      status: 201,
      headers: { "x-subject-token": token },
      body: { token: { expires_at: new Date(Date.now() + 86_400_000).toISOString() } },
    });

    it("fetches one token per process, sends it, and re-fetches once on 401", async () => {
      const fake = scriptedAdapter([
        tokenReply("T1"),
        { status: 200, body: fn },
        { status: 200, body: fn },
        { status: 401, body: { error_code: "APIG.0301", error_msg: "token expires" } },
        tokenReply("T2"),
        { status: 200, body: fn },
      ]);
      const c = new FunctionGraphClient(tokenSettings, { adapter: fake.adapter });
      await c.getFunctionConfig(urn);
      await c.getFunctionConfig(urn);
      await c.getFunctionConfig(urn);
      expect(
        fake.requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers["X-Auth-Token"] ?? "-"}`),
      ).toEqual([
        "POST /v3/auth/tokens -",
        `GET /v2/p1/fgs/functions/${urn}/config T1`,
        `GET /v2/p1/fgs/functions/${urn}/config T1`,
        `GET /v2/p1/fgs/functions/${urn}/config T1`,
        "POST /v3/auth/tokens -",
        `GET /v2/p1/fgs/functions/${urn}/config T2`,
      ]);
      expect(JSON.parse(fake.requests[0].body!).auth.scope).toEqual({ project: { id: "p1" } });
    });

    it("surfaces a bad password as AuthError without echoing it", async () => {
      const fake = scriptedAdapter([
        { status: 401, body: { error: { code: 401, message: "The username or password is wrong." } } },
      ]);
      const err = await new FunctionGraphClient(
        { ...tokenSettings, iamEndpoint: "http://iam.bad", password: "hunter2-secret" },
        { adapter: fake.adapter },
      )
        .getFunctionConfig(urn)
        .catch((e) => e);
      expect(err).toBeInstanceOf(AuthError);
      expect(err.message).toBe("HTTP 401 401: IAM token request failed: The username or password is wrong.");
      expect(fake.requests).toHaveLength(1);
      expect(err.message).not.toContain("hunter2");
    });
  });
});
