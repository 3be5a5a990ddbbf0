import { readFileSync } from "fs";
import * as path from "path";
import { EMULATOR_DEFAULTS } from "../platform/common/emulator-defaults";
import { informationRequested, parseCliArgs, switchHint, usage } from "./cli-args";

describe("parseCliArgs", () => {
  it("defaults to port 0 and no credential overrides", () => {
    expect(parseCliArgs([], {})).toEqual({ port: 0 });
  });

  it("reads flags, with flags overriding the environment", () => {
    const env = { CLOUDFN_EMULATOR_FG_ACCESS_KEY: "ENVAK", CLOUDFN_EMULATOR_FG_REGION: "ap-southeast-1" };
    expect(
      parseCliArgs(
        [
          "--port",
          "8080",
          "--host=0.0.0.0",
          "--state",
          "/tmp/s.json",
          "--fg-access-key",
          "FLAGAK",
          "--fg-project-id=p1",
          "--seed",
          "3",
        ],
        env,
      ),
    ).toEqual({
      port: 8080,
      host: "0.0.0.0",
      stateFile: "/tmp/s.json",
      seed: 3,
      credentials: { accessKey: "FLAGAK", region: "ap-southeast-1", projectId: "p1" },
    });
  });

  it("reads LeanCloud keys from the environment and flags, and the function timeout", () => {
    const env = { CLOUDFN_EMULATOR_LC_APP_ID: "envApp", CLOUDFN_EMULATOR_LC_MASTER_KEY: "envMaster" };
    expect(
      parseCliArgs(["--lc-app-key", "flagKey", "--lc-master-key=flagMaster", "--lc-function-timeout-ms", "2000"], env),
    ).toEqual({
      port: 0,
      leancloudFunctionTimeoutMs: 2000,
      leancloud: { appId: "envApp", appKey: "flagKey", masterKey: "flagMaster" },
    });
  });

  it("reads the APIG app that APP-authenticated triggers accept, flags over the environment", () => {
    const env = { CLOUDFN_EMULATOR_APIG_APP_KEY: "envKey", CLOUDFN_EMULATOR_APIG_APP_CODE: "envCode" };
    expect(parseCliArgs(["--apig-app-secret", "flagSecret", "--apig-app-code=flagCode"], env)).toEqual({
      port: 0,
      apigApp: { key: "envKey", secret: "flagSecret", code: "flagCode" },
    });
    expect(usage()).toContain("--apig-app-key");
  });

  it("reads MinApp credentials and the sync job limit", () => {
    expect(
      parseCliArgs(["--minapp-client-secret", "s3", "--minapp-sync-timeout-ms=800"], {
        CLOUDFN_EMULATOR_MINAPP_CLIENT_ID: "cid",
      }),
    ).toEqual({
      port: 0,
      minapp: { syncTimeoutMs: 800, credentials: { clientId: "cid", clientSecret: "s3" } },
    });
  });

  it.each([
    [["--port", "70000"], '--port must be an integer from 0 to 65535, got "70000"'],
    [["--port"], "--port needs a value"],
    [["--bogus"], "unknown argument --bogus"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv, {})).toThrow(message);
  });
});

describe("--version, --help and the start-up hint", () => {
  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
    expect(informationRequested(["--port", "0", "--version"])).toBe(version);
  });

  it("--help prints the defaults the emulator really uses", () => {
    const help = informationRequested(["-h"])!;
    const { functiongraph: fg, leancloud: lc, minapp } = EMULATOR_DEFAULTS;
    for (const value of [fg.accessKey, fg.secretKey, fg.projectId, fg.region, fg.password, lc.appId, lc.consoleToken])
      expect(help).toContain(value);
    expect(help).toContain(minapp.clientSecret);
    expect(help).toMatch(/--port defaults to 0/);
    expect(help).toMatch(/--fg-access-key +CLOUDFN_EMULATOR_FG_ACCESS_KEY +CLOUDFNLOCALACCESSKEY/);
  });

  it("starts normally without either", () => {
    expect(informationRequested(["--port", "8080"])).toBeUndefined();
  });

  it("names the switch, and warns when the credentials are not the defaults", () => {
    const url = "http://127.0.0.1:8080";
    expect(switchHint(url, { port: 0 })).toBe(
      `use it: pulumi config set cloudfn:emulator ${url}   (or export CLOUDFN_EMULATOR=${url})`,
    );
    expect(switchHint(url, { port: 0, leancloud: { appKey: "k" } })).toMatch(/overridden here explicitly/);
  });
});
