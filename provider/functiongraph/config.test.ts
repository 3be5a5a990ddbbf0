import { clearStackConfig, resolveSettings, setStackConfig } from "./config";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const env = {
  HW_ACCESS_KEY: "ENVAK",
  HW_SECRET_KEY: "env-secret-value",
  HW_REGION_NAME: "cn-east-3",
  HW_PROJECT_ID: "envproject",
};

describe("config resolution", () => {
  afterEach(clearStackConfig);

  it("falls back to the Terraform provider's environment variables, with the default endpoint", () => {
    expect(resolveSettings(env)).toMatchObject({
      auth: "aksk",
      accessKey: "ENVAK",
      secretKey: "env-secret-value",
      region: "cn-east-3",
      projectId: "envproject",
      endpoint: "https://functiongraph.cn-east-3.myhuaweicloud.com",
      iamEndpoint: "https://iam.myhuaweicloud.com",
    });
  });

  it("prefers stack config over the environment", () => {
    setStackConfig(
      config({
        "cloudfn:functiongraphAccessKey": "CFGAK",
        "cloudfn:functiongraphSecretKey": "cfg-secret",
        "cloudfn:functiongraphRegion": "cn-north-4",
        "cloudfn:functiongraphEndpoint": "http://127.0.0.1:9999/",
      }),
    );
    expect(resolveSettings(env)).toMatchObject({
      accessKey: "CFGAK",
      secretKey: "cfg-secret",
      region: "cn-north-4",
      projectId: "envproject",
      endpoint: "http://127.0.0.1:9999",
    });
  });

  it("uses CLOUDFN_FUNCTIONGRAPH_ENDPOINT and HW_AUTH_URL", () => {
    const s = resolveSettings({
      ...env,
      CLOUDFN_FUNCTIONGRAPH_ENDPOINT: "http://localhost:1",
      HW_AUTH_URL: "https://iam.example.com:443/v3",
    });
    expect([s.endpoint, s.iamEndpoint]).toEqual(["http://localhost:1", "https://iam.example.com:443"]);
  });

  it("token mode needs user, password and domain", () => {
    setStackConfig(
      config({
        "cloudfn:functiongraphAuth": "token",
        "cloudfn:functiongraphUserName": "u",
        "cloudfn:functiongraphDomainName": "d",
      }),
    );
    expect(() => resolveSettings(env)).toThrow(
      'FunctionGraph IAM password is not set (token auth): set stack config "cloudfn:functiongraphPassword" (pulumi config set --secret cloudfn:functiongraphPassword ...) or the environment variable HW_PASSWORD',
    );
  });

  it("names the missing key and never prints credential values", () => {
    let message = "";
    try {
      resolveSettings({ HW_ACCESS_KEY: "ENVAK", HW_REGION_NAME: "r", HW_PROJECT_ID: "p" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      'FunctionGraph secret key is not set (AK/SK auth): set stack config "cloudfn:functiongraphSecretKey" (pulumi config set --secret cloudfn:functiongraphSecretKey ...) or the environment variable HW_SECRET_KEY',
    );
    expect(message).not.toContain("ENVAK");
  });

  it("rejects an unknown auth mode", () => {
    expect(() => resolveSettings({ ...env, CLOUDFN_FUNCTIONGRAPH_AUTH: "magic" })).toThrow(
      'FunctionGraph auth mode "magic" is not supported: set "cloudfn:functiongraphAuth" to "aksk" or "token"',
    );
  });
});
