import { clearStackConfig, defaultEnvironmentId, resolveSettings, setStackConfig } from "./config";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const env = { MINAPP_CLIENT_ID: "envid", MINAPP_CLIENT_SECRET: "env-secret-value" };

describe("MinApp config resolution", () => {
  afterEach(clearStackConfig);

  it("falls back to MINAPP_CLIENT_ID / MINAPP_CLIENT_SECRET and the public host", () => {
    expect(resolveSettings(env)).toMatchObject({
      clientId: "envid",
      clientSecret: "env-secret-value",
      endpoint: "https://cloud.minapp.com",
    });
    expect(defaultEnvironmentId(env)).toBeUndefined();
  });

  it("prefers stack config, and strips trailing slashes from the endpoint", () => {
    setStackConfig(
      config({
        "cloudfn:minappClientId": "cfgid",
        "cloudfn:minappEndpoint": "http://127.0.0.1:9/",
        "cloudfn:minappEnvironmentId": "staging1",
      }),
    );
    expect(resolveSettings(env)).toMatchObject({
      clientId: "cfgid",
      clientSecret: "env-secret-value",
      endpoint: "http://127.0.0.1:9",
    });
    expect(defaultEnvironmentId(env)).toBe("staging1");
  });

  it("uses CLOUDFN_MINAPP_ENDPOINT and MINAPP_ENVIRONMENT_ID", () => {
    const e = { ...env, CLOUDFN_MINAPP_ENDPOINT: "http://localhost:1", MINAPP_ENVIRONMENT_ID: "envx" };
    expect(resolveSettings(e).endpoint).toBe("http://localhost:1");
    expect(defaultEnvironmentId(e)).toBe("envx");
  });

  it("names the missing key and variable, never a value", () => {
    expect(() => resolveSettings({ MINAPP_CLIENT_ID: "envid" })).toThrow(
      'MinApp ClientSecret is not set: set stack config "cloudfn:minappClientSecret" (pulumi config set --secret cloudfn:minappClientSecret ...) or the environment variable MINAPP_CLIENT_SECRET',
    );
    expect(() => resolveSettings({})).toThrow(/cloudfn:minappClientId.*MINAPP_CLIENT_ID/);
  });

  it("an explicit config source replaces the stored stack config", () => {
    setStackConfig(config({ "cloudfn:minappClientId": "stored" }));
    expect(resolveSettings(env, config({ "cloudfn:minappClientId": "given" })).clientId).toBe("given");
    expect(resolveSettings(env, config({})).clientId).toBe("envid");
  });
});
