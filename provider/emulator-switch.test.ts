/**
 * The emulator switch (`cloudfn:emulator` / CLOUDFN_EMULATOR) resolved through each platform's
 * config: alone it gives every endpoint and credential; anything set explicitly wins.
 */
import { EMULATOR_DEFAULTS } from "../platform/common/emulator-defaults";
import * as fg from "./functiongraph/config";
import * as lc from "./leancloud/config";
import * as minapp from "./minapp/config";

const URL = "http://127.0.0.1:8080";
const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const configureAll = (values: Record<string, string>) => {
  for (const platform of [fg, lc, minapp]) platform.setStackConfig(config(values));
};

describe("the emulator switch", () => {
  afterEach(() => {
    for (const platform of [fg, lc, minapp]) platform.clearStackConfig();
  });

  it("alone points all three platforms at the emulator, with its default credentials", () => {
    configureAll({ "cloudfn:emulator": `${URL}/` });
    const d = EMULATOR_DEFAULTS;
    expect(fg.resolveSettings({})).toMatchObject({
      auth: "aksk",
      endpoint: URL,
      iamEndpoint: URL,
      accessKey: d.functiongraph.accessKey,
      secretKey: d.functiongraph.secretKey,
      region: d.functiongraph.region,
      projectId: d.functiongraph.projectId,
    });
    expect(minapp.resolveSettings({})).toMatchObject({
      endpoint: URL,
      clientId: d.minapp.clientId,
      clientSecret: d.minapp.clientSecret,
    });
    expect(minapp.defaultEnvironmentId({})).toBeUndefined();
    expect(lc.resolveSettings({})).toMatchObject({
      serverUrl: URL,
      consoleUrl: URL,
      appId: d.leancloud.appId,
      appKey: d.leancloud.appKey,
      masterKey: d.leancloud.masterKey,
      consoleToken: d.leancloud.consoleToken,
    });
  });

  it("gives the emulator's IAM user for token auth", () => {
    configureAll({ "cloudfn:emulator": URL, "cloudfn:functiongraphAuth": "token" });
    const { userName, password, domainName } = EMULATOR_DEFAULTS.functiongraph;
    expect(fg.resolveSettings({})).toMatchObject({ auth: "token", iamEndpoint: URL, userName, password, domainName });
  });

  it("works from the CLOUDFN_EMULATOR environment variable", () => {
    const env = { CLOUDFN_EMULATOR: URL };
    expect(fg.resolveSettings(env)).toMatchObject({ endpoint: URL, region: EMULATOR_DEFAULTS.functiongraph.region });
    expect(minapp.resolveSettings(env).endpoint).toBe(URL);
    expect(lc.resolveSettings(env).serverUrl).toBe(URL);
  });

  it("loses to any setting made explicitly, in stack config or its own environment variable", () => {
    configureAll({
      "cloudfn:emulator": URL,
      "cloudfn:functiongraphEndpoint": "http://127.0.0.1:9999",
      "cloudfn:minappClientId": "mine",
      "cloudfn:leancloudConsoleUrl": "http://127.0.0.1:7777",
    });
    const env = { HW_PROJECT_ID: "envproject", LEANCLOUD_APP_KEY: "envkey" };
    expect(fg.resolveSettings(env)).toMatchObject({
      endpoint: "http://127.0.0.1:9999",
      iamEndpoint: URL,
      projectId: "envproject",
    });
    expect(minapp.resolveSettings(env)).toMatchObject({ endpoint: URL, clientId: "mine" });
    expect(lc.resolveSettings(env)).toMatchObject({
      serverUrl: URL,
      consoleUrl: "http://127.0.0.1:7777",
      appKey: "envkey",
    });
  });

  it("takes the stack config's URL over the environment's", () => {
    configureAll({ "cloudfn:emulator": URL });
    const env = { CLOUDFN_EMULATOR: "http://127.0.0.1:1111" };
    expect(fg.resolveSettings(env).endpoint).toBe(URL);
    expect(minapp.resolveSettings(env).endpoint).toBe(URL);
    expect(lc.resolveSettings(env).consoleUrl).toBe(URL);
  });

  it("reads the switch from a config handed in directly (MinApp job helpers)", () => {
    expect(minapp.resolveSettings({}, config({ "cloudfn:emulator": URL }))).toMatchObject({
      endpoint: URL,
      clientId: EMULATOR_DEFAULTS.minapp.clientId,
    });
  });

  it("changes nothing when unset", () => {
    expect(() => fg.resolveSettings({})).toThrow(/region is not set/);
    expect(() => minapp.resolveSettings({})).toThrow(/ClientID is not set/);
  });
});
