import { clearStackConfig, defaultConsoleUrl, defaultServerUrl, resolveSettings, setStackConfig } from "./config";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });

describe("LeanCloud config", () => {
  afterEach(clearStackConfig);

  it("reads the variables LeanEngine injects, with region hosts derived from the app id", () => {
    const s = resolveSettings({
      LEANCLOUD_APP_ID: "AbCdEfGh12-9Nh9j0Va",
      LEANCLOUD_APP_KEY: "k",
      LEANCLOUD_APP_MASTER_KEY: "m",
      LEANCLOUD_CONSOLE_TOKEN: "t",
    });
    expect(s).toMatchObject({
      appId: "AbCdEfGh12-9Nh9j0Va",
      appKey: "k",
      masterKey: "m",
      consoleToken: "t",
      serverUrl: "https://abcdefgh.lc-cn-e1-shared.com",
      consoleUrl: "https://cn-e1-console-api.leancloud.cn",
      pollIntervalMs: 700,
    });
    expect([defaultServerUrl("AbCdEfGh12-MdYXbMMI"), defaultConsoleUrl("AbCdEfGh12-MdYXbMMI")]).toEqual([
      "https://abcdefgh.api.lncldglobal.com",
      "https://us-w1-console-api.leancloud.app",
    ]);
    expect([defaultServerUrl("AbCdEfGh12-gzGzoHsz"), defaultConsoleUrl("x")]).toEqual([
      "https://abcdefgh.lc-cn-n1-shared.com",
      "https://cn-n1-console-api.leancloud.cn",
    ]);
  });

  it("prefers stack config over the environment and trims trailing slashes", () => {
    setStackConfig(
      config({
        "cloudfn:leancloudAppId": "cfgApp",
        "cloudfn:leancloudServerUrl": "http://127.0.0.1:1/",
        "cloudfn:leancloudConsoleUrl": "http://127.0.0.1:2//",
      }),
    );
    expect(resolveSettings({ LEANCLOUD_APP_ID: "envApp", CLOUDFN_LEANCLOUD_SERVER_URL: "http://env" })).toMatchObject({
      appId: "cfgApp",
      serverUrl: "http://127.0.0.1:1",
      consoleUrl: "http://127.0.0.1:2",
    });
  });

  it("names the key and the variable when the app id is missing, never a value", () => {
    expect(() => resolveSettings({ LEANCLOUD_APP_KEY: "secret-value" })).toThrow(
      'LeanCloud app id is not set: set stack config "cloudfn:leancloudAppId" (pulumi config set cloudfn:leancloudAppId ...) or the environment variable LEANCLOUD_APP_ID',
    );
  });
});
