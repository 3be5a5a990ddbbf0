/**
 * Errors that say what to do: the HTTP layer names the platform, the URL and where it was
 * configured, the attempts made, and which credentials a 401/403 refused; never their values.
 */
import { AuthError, TransportError } from "./errors";
import { createHttpClient } from "./http";
import { PlatformConfig } from "./stack-config";
import { parseFunctionGraphError } from "../functiongraph/api";
import { Scripted, scriptedAdapter } from "../testing/scripted-adapter";

const context = {
  platform: "FunctionGraph",
  urlSource: "stack config cloudfn:functiongraphEndpoint",
  credentials: "access key (from environment variable HW_ACCESS_KEY)",
};

function client(script: Scripted[], retries: number) {
  const fake = scriptedAdapter(script);
  const http = createHttpClient({
    baseURL: "http://127.0.0.1:9",
    parseError: parseFunctionGraphError,
    adapter: fake.adapter,
    retries,
    baseDelayMs: 1,
    maxDelayMs: 5,
    context,
  });
  return { http, fake };
}

describe("transport errors with a context", () => {
  it("name the platform, the URL, its source and one attempt for a refused connection", async () => {
    const { http } = client([{ networkError: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9" }], 3);
    const err = await http.request({ url: "/x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe("ECONNREFUSED");
    expect((err as Error).message).toMatch(
      /^FunctionGraph: cannot reach http:\/\/127\.0\.0\.1:9 \(from stack config cloudfn:functiongraphEndpoint\) after 1 attempt over \d+\.\d s: connect ECONNREFUSED 127\.0\.0\.1:9$/,
    );
  });

  it("count every retry of a broken connection", async () => {
    const reset: Scripted = { networkError: "ECONNRESET", message: "socket hang up" };
    const { http, fake } = client([reset, reset, reset], 2);
    const err = await http.request({ url: "/x" }).catch((e: unknown) => e);
    expect(fake.requests).toHaveLength(3);
    expect((err as Error).message).toMatch(
      /^FunctionGraph: no answer from http:\/\/127\.0\.0\.1:9 \(from .*\) after 3 attempts over [\d.]+ s: socket hang up \(ECONNRESET\)$/,
    );
  });
});

describe("auth errors with a context", () => {
  it.each([401, 403])("%d names the refused credentials and where they came from", async (status) => {
    const { http } = client(
      [{ status, body: { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information" } }],
      0,
    );
    const err = await http.request({ url: "/x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toBe(
      `HTTP ${status} APIG.0301: Incorrect IAM authentication information. FunctionGraph rejected the access key (from environment variable HW_ACCESS_KEY)`,
    );
  });
});

describe("PlatformConfig.source", () => {
  const keys = {
    endpoint: { key: "cloudfn:demoEndpoint", env: "DEMO_ENDPOINT" },
    token: { key: "cloudfn:demoToken", env: "DEMO_TOKEN", secret: true },
  };
  const stack = new PlatformConfig<"endpoint" | "token">("Demo", keys, (url) => ({ endpoint: url }));
  const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });

  it("says stack config, environment variable, emulator switch or default, never the value", () => {
    const env = { DEMO_ENDPOINT: "http://env", CLOUDFN_EMULATOR: "http://emu" };
    expect(stack.source("endpoint", env, config({ "cloudfn:demoEndpoint": "http://cfg" }))).toBe(
      "stack config cloudfn:demoEndpoint",
    );
    expect(stack.source("endpoint", env, config({}))).toBe("environment variable DEMO_ENDPOINT");
    expect(stack.source("endpoint", { CLOUDFN_EMULATOR: "http://emu" }, config({}))).toBe(
      "the emulator switch (environment variable CLOUDFN_EMULATOR)",
    );
    expect(stack.source("endpoint", {}, config({ "cloudfn:emulator": "http://emu" }))).toBe(
      "the emulator switch (stack config cloudfn:emulator)",
    );
    expect(stack.source("token", { CLOUDFN_EMULATOR: "http://emu" }, config({}))).toBe("default");
  });
});
