/**
 * Each platform's client supplies the error context from its resolved settings: a refused key
 * is named with where it came from, and a transport error with where the URL came from.
 * Secret values never appear.
 */
import * as fg from "../functiongraph/config";
import { FunctionGraphClient } from "../functiongraph/client";
import * as lc from "../leancloud/config";
import { LeanCloudClient } from "../leancloud/client";
import * as ma from "../minapp/config";
import { MinAppClient } from "../minapp/client";
import { clearTokens } from "../minapp/auth";
import { scriptedAdapter } from "../testing/scripted-adapter";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => new Error("expected a failure"),
    (e: unknown) => e as Error,
  );
const opts = (script: Parameters<typeof scriptedAdapter>[0]) => ({
  adapter: scriptedAdapter(script).adapter,
  retries: 0,
  baseDelayMs: 1,
});

afterEach(() => {
  fg.clearStackConfig();
  lc.clearStackConfig();
  ma.clearStackConfig();
  clearTokens();
});

describe("FunctionGraph", () => {
  const env = { HW_SECRET_KEY: "sk-value-never-printed", HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: "p1" };

  it("names the AK/SK and their sources on 403, never the values", async () => {
    fg.setStackConfig(config({ "cloudfn:functiongraphAccessKey": "AK-VALUE" }));
    const body = { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information" };
    const client = new FunctionGraphClient(fg.resolveSettings(env), opts([{ status: 403, body }]));
    const err = await failure(client.getFunctionConfig("urn:x"));
    expect(err.message).toBe(
      "HTTP 403 APIG.0301: Incorrect IAM authentication information. FunctionGraph rejected the access key (from stack config cloudfn:functiongraphAccessKey) and secret key (from environment variable HW_SECRET_KEY)",
    );
    expect(err.message).not.toMatch(/AK-VALUE|sk-value/);
  });

  it("names the endpoint's source when it cannot connect", async () => {
    fg.setStackConfig(
      config({ "cloudfn:functiongraphEndpoint": "http://127.0.0.1:9", "cloudfn:functiongraphAccessKey": "AK" }),
    );
    const refused = { networkError: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9" };
    const client = new FunctionGraphClient(fg.resolveSettings(env), opts([refused]));
    const err = await failure(client.getFunctionConfig("urn:x"));
    expect(err.message).toMatch(
      /^FunctionGraph: cannot reach http:\/\/127\.0\.0\.1:9 \(from stack config cloudfn:functiongraphEndpoint\) after 1 attempt over [\d.]+ s: connect ECONNREFUSED 127\.0\.0\.1:9$/,
    );
  });
});

describe("LeanCloud", () => {
  it("names the console token and its source on 401", async () => {
    const env = { LEANCLOUD_CONSOLE_TOKEN: "console-token-never-printed", CLOUDFN_EMULATOR: "http://emu.test" };
    const client = new LeanCloudClient(
      lc.resolveSettings(env),
      opts([{ status: 401, body: { code: 401, error: "Unauthorized." } }]),
    );
    const err = await failure(client.getGroups());
    expect(err.message).toBe(
      "HTTP 401 401: Unauthorized. LeanCloud rejected the console access token (from environment variable LEANCLOUD_CONSOLE_TOKEN)",
    );
    expect(err.message).not.toContain("console-token-never-printed");
  });

  it("says the console URL came from the emulator switch when it cannot connect", async () => {
    const env = { CLOUDFN_EMULATOR: "http://127.0.0.1:9" };
    const refused = { networkError: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9" };
    const client = new LeanCloudClient(lc.resolveSettings(env), opts([refused]));
    const err = await failure(client.getGroups());
    expect(err.message).toMatch(
      /^LeanCloud: cannot reach http:\/\/127\.0\.0\.1:9 \(from the emulator switch \(environment variable CLOUDFN_EMULATOR\)\) after 1 attempt/,
    );
  });
});

describe("MinApp", () => {
  it("names the ClientID and ClientSecret and their sources when the token flow is refused", async () => {
    ma.setStackConfig(config({ "cloudfn:minappClientSecret": "client-secret-never-printed" }));
    const env = { MINAPP_CLIENT_ID: "cid", CLOUDFN_MINAPP_ENDPOINT: "http://ma.test" };
    const client = new MinAppClient(
      ma.resolveSettings(env),
      undefined,
      opts([{ status: 401, body: { error_msg: "invalid client" } }]),
    );
    const err = await failure(client.getFunction("hello"));
    expect(err.message).toContain(
      "MinApp rejected the ClientID (from environment variable MINAPP_CLIENT_ID) and ClientSecret (from stack config cloudfn:minappClientSecret)",
    );
    expect(err.message).not.toContain("client-secret-never-printed");
  });
});
