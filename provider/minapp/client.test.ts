import { AuthError, NotFoundError } from "../core/errors";
import { Scripted, scriptedAdapter } from "../testing/scripted-adapter";
import { parseMinAppError } from "./api";
import { CredentialsError, clearTokens } from "./auth";
import { MinAppClient } from "./client";
import { collect } from "../core/paginate";

const settings = { clientId: "cid", clientSecret: "csecret-value", endpoint: "http://fake" };
const redirect = (location: string, cookie?: string): Scripted => ({
  status: 302,
  headers: { location, ...(cookie ? { "set-cookie": cookie } : {}) },
});
const login = (token = "tok1"): Scripted[] => [
  redirect("/api/oauth2/consent/?x=1", "sessionid=abc; Path=/; HttpOnly"),
  redirect("/api/oauth2/hydrogen/openapi/authorize/?done=1", "csrftoken=def; Path=/"),
  { status: 200, body: { code: "c0de", expires_in: 600 } },
  {
    status: 200,
    body: { access_token: token, token_type: "Bearer", expires_in: 31535999, refresh_token: "r", scope: "write" },
  },
];
const fnObj = {
  id: 1,
  name: "hello",
  function_code: "exports.main = 1;",
  remark: "",
  plan_circle: "P_FREE",
  audit_status: "approved",
  created_at: 1,
  updated_at: 1,
  created_by: "",
  updated_by: "",
};

function client(script: Scripted[], env?: string) {
  const fake = scriptedAdapter(script);
  return { ma: new MinAppClient(settings, env, { adapter: fake.adapter, baseDelayMs: 1 }), fake };
}

describe("MinApp client", () => {
  beforeEach(clearTokens);

  it("runs the two-step flow once: redirects followed as GETs with the cookies set on the way", async () => {
    const { ma, fake } = client([...login(), { status: 200, body: fnObj }, { status: 200, body: fnObj }]);
    await ma.getFunction("hello");
    await ma.getFunction("hello");
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST http://fake/api/oauth2/hydrogen/openapi/authorize/",
      "GET http://fake/api/oauth2/consent/?x=1",
      "GET http://fake/api/oauth2/hydrogen/openapi/authorize/?done=1",
      "POST http://fake/api/oauth2/access_token/",
      "GET http://fake/oserve/v1.3/cloud-function/hello/",
      "GET http://fake/oserve/v1.3/cloud-function/hello/",
    ]);
    expect(JSON.parse(fake.requests[0].body!)).toEqual({ client_id: "cid", client_secret: "csecret-value" });
    expect(fake.requests[1].headers.Cookie).toBe("sessionid=abc");
    expect(fake.requests[2].headers.Cookie).toBe("sessionid=abc; csrftoken=def");
    expect(JSON.parse(fake.requests[3].body!)).toEqual({
      client_id: "cid",
      client_secret: "csecret-value",
      code: "c0de",
      grant_type: "authorization_code",
    });
    expect(fake.requests[4].headers.Authorization).toBe("Bearer tok1");
    expect(fake.requests[4].headers["X-Hydrogen-Env-ID"]).toBeUndefined();
  });

  it("after a 401 runs the two steps again (never the refresh grant) and retries once", async () => {
    const { ma, fake } = client(
      [...login("old"), { status: 401, body: "" }, ...login("new"), { status: 202, body: fnObj }],
      "env1",
    );
    await ma.patchFunction("hello", { remark: "x" });
    const tokenCalls = fake.requests
      .filter((r) => r.url.endsWith("/access_token/"))
      .map((r) => JSON.parse(r.body!).grant_type);
    expect(tokenCalls).toEqual(["authorization_code", "authorization_code"]);
    const patches = fake.requests.filter((r) => r.method === "PATCH");
    expect(patches.map((r) => [r.headers.Authorization, r.headers["X-Hydrogen-Env-ID"]])).toEqual([
      ["Bearer old", "env1"],
      ["Bearer new", "env1"],
    ]);
  });

  it("a second 401 surfaces as AuthError", async () => {
    const { ma } = client([
      ...login(),
      { status: 401, body: { error_msg: "bad token" } },
      ...login(),
      { status: 401, body: { error_msg: "bad token" } },
    ]);
    await expect(ma.getFunction("hello")).rejects.toBeInstanceOf(AuthError);
  });

  it("refused credentials fail once with CredentialsError, without leaking the secret", async () => {
    const { ma, fake } = client([{ status: 400, body: { error_msg: "invalid client" } }]);
    const err = await ma.getFunction("hello").catch((e) => e);
    expect(err).toBeInstanceOf(CredentialsError);
    expect(err.message).toBe("HTTP 400: MinApp refused the ClientID/ClientSecret: invalid client");
    expect(`${err.message} ${err.stack}`).not.toContain("csecret-value");
    expect(fake.requests).toHaveLength(1);
  });

  it("URL-encodes names and maps 404 to NotFoundError", async () => {
    const { ma, fake } = client([...login(), { status: 404, body: "" }]);
    await expect(ma.getFunction("测试")).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.requests[4].url).toBe("http://fake/oserve/v1.3/cloud-function/%E6%B5%8B%E8%AF%95/");
  });

  it("pages job records until there is no next page, passing the filters", async () => {
    const job = (id: number) => ({ id, status: "fulfilled" });
    const { ma, fake } = client([
      ...login(),
      {
        status: 200,
        body: {
          meta: { limit: 100, offset: 0, total_count: 101, next: "/x?offset=100" },
          objects: Array.from({ length: 100 }, (_, i) => job(i)),
        },
      },
      { status: 200, body: { meta: { limit: 100, offset: 100, total_count: 101, next: null }, objects: [job(100)] } },
    ]);
    const jobs = await collect(ma.listJobs("hello", { status: "fulfilled", created_at__gte: 5 }));
    expect(jobs).toHaveLength(101);
    expect(fake.requests.slice(4).map((r) => r.url)).toEqual([
      "http://fake/oserve/v1.3/cloud-function/hello/job/?limit=100&offset=0&status=fulfilled&created_at__gte=5",
      "http://fake/oserve/v1.3/cloud-function/hello/job/?limit=100&offset=100&status=fulfilled&created_at__gte=5",
    ]);
  });
});

describe("MinApp error bodies", () => {
  it.each([
    [{ status: "error", error_msg: "cloud function not found" }, "cloud function not found"],
    [{ message: "m" }, "m"],
    [{ error_message: "e" }, "e"],
    [{ detail: "Authentication credentials were not provided." }, "Authentication credentials were not provided."],
    ["", "HTTP 404"],
    ["<html>oops</html>", "<html>oops</html>"],
  ])("%j → %s", (body, message) => {
    expect(parseMinAppError(404, body, {}).message).toBe(message);
  });
});
