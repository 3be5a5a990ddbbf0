import * as pulumi from "@pulumi/pulumi";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY, archiveToZip, sha256Hex } from "../../core/archive";
import { UNKNOWN } from "../../core/diff";
import { scriptedAdapter } from "../../testing/scripted-adapter";
import { clearStackConfig } from "../config";
import { provider, tuning } from "./";
import { DeploymentInputs, DeploymentOutputs } from "./schema";

const ENV = {
  LEANCLOUD_APP_ID: "testApp0-gzGzoHsz",
  LEANCLOUD_APP_MASTER_KEY: "master-key-value",
  LEANCLOUD_CONSOLE_TOKEN: "console-token-value",
  CLOUDFN_LEANCLOUD_SERVER_URL: "http://api.test",
  CLOUDFN_LEANCLOUD_CONSOLE_URL: "http://console.test",
  CLOUDFN_LEANCLOUD_POLL_INTERVAL_MS: "1",
};
const saved = { ...process.env };
beforeEach(() => Object.assign(process.env, ENV));
afterEach(() => {
  process.env = { ...saved };
  clearStackConfig();
  tuning.client = {};
});

/** The wire form the dynamic-provider host passes. */
const code = (text: string) => ({ [SIG_KEY]: ARCHIVE_SIG, assets: { "server.js": { [SIG_KEY]: ASSET_SIG, text } } });
const hashOf = async (text: string) => sha256Hex(await archiveToZip(code(text)));
const inputs = async (text = "v1"): Promise<DeploymentInputs> => ({
  group: "web",
  environment: "staging",
  code: code(text),
  noDependenciesCache: false,
  overwriteFunctions: false,
  timeoutSeconds: 60,
  codeHash: await hashOf(text),
});
const groups = (staging: string | null, production = "p1") => [
  {
    groupName: "web",
    staging: { deployable: true, version: { versionTag: staging } },
    production: { deployable: true, version: { versionTag: production } },
    environments: {},
  },
];

describe("EngineDeployment check", () => {
  it("computes codeHash from the deterministic zip (any shape of archive) and applies defaults", async () => {
    const res = await provider.check!(
      {} as DeploymentInputs,
      { code: new pulumi.asset.AssetArchive({ "server.js": new pulumi.asset.StringAsset("v1") }) } as any,
    );
    expect(res.failures).toBeUndefined();
    expect(res.inputs).toMatchObject({
      group: "web",
      environment: "production",
      noDependenciesCache: false,
      overwriteFunctions: false,
      timeoutSeconds: 600,
      codeHash: await hashOf("v1"),
    });
  });

  it("names the property for a bad environment, a missing archive and a bad group", async () => {
    const res = await provider.check!({} as DeploymentInputs, { environment: "dev", group: "a/b" } as any);
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["code", "environment", "group"]);
  });

  it("passes an unknown archive through as unknown", async () => {
    expect((await provider.check!({} as DeploymentInputs, { code: UNKNOWN } as any)).inputs).toMatchObject({
      codeHash: UNKNOWN,
    });
  });
});

describe("EngineDeployment diff", () => {
  it("redeploys on code changes, replaces on environment, and only records options", async () => {
    const olds = { ...(await inputs()), version: "s1", functions: ["hello"] } as DeploymentOutputs;
    expect(await provider.diff!("id", olds, await inputs("v1"))).toEqual({ changes: false, replaces: [] });
    expect(await provider.diff!("id", olds, await inputs("v2"))).toEqual({ changes: true, replaces: [] });
    expect(await provider.diff!("id", olds, { ...(await inputs()), environment: "production" })).toEqual({
      changes: true,
      replaces: ["environment"],
      deleteBeforeReplace: false,
    });
    expect(await provider.diff!("id", olds, { ...(await inputs()), comment: "x" })).toEqual({
      changes: true,
      replaces: [],
    });
  });
});

describe("EngineDeployment create", () => {
  it("checks the group, uploads the zip, polls until done, then reads the version and the functions", async () => {
    const net = scriptedAdapter([
      { status: 200, body: groups("s0") },
      { status: 200, body: { eventToken: "tok1" } },
      { status: 200, body: { moreEvent: true, events: [{ level: "info", content: "building", time: "t1" }] } },
      {
        status: 200,
        body: {
          moreEvent: false,
          events: [
            { level: "info", content: "done", time: "t3" },
            { level: "info", content: "started", time: "t2" },
          ],
        },
      },
      { status: 200, body: groups("s1") },
      { status: 200, body: { result: ["hello", "__before_save_for_Todo", "add"] } },
    ]);
    tuning.client = { adapter: net.adapter };
    const res = await provider.create(await inputs());
    expect(res.id).toBe("testApp0-gzGzoHsz:web:staging");
    expect(res.outs).toMatchObject({
      version: "s1",
      functions: ["__before_save_for_Todo", "add", "hello"],
      codeHash: await hashOf("v1"),
    });
    expect(net.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET http://console.test/1.1/engine/groups?all=true",
      "POST http://console.test/1.1/engine/groups/web/envs/0/version",
      "GET http://console.test/1.1/engine/events/poll/tok1",
      "GET http://console.test/1.1/engine/events/poll/tok1?from=t1",
      "GET http://console.test/1.1/engine/groups?all=true",
      "GET http://api.test/1.1/functions/_ops/metadatas",
    ]);
    expect(net.requests[0].headers).toMatchObject({
      Authorization: "Token console-token-value",
      "X-LC-Id": "testApp0-gzGzoHsz",
    });
    expect(net.requests[5].headers).toMatchObject({ "X-LC-Prod": "0" });
    expect(net.requests[5].headers["X-LC-Sign"]).toMatch(/,master$/);
  });

  it("fails with the deploy's error events when the newest event is an error", async () => {
    const net = scriptedAdapter([
      { status: 200, body: groups("s0") },
      { status: 200, body: { eventToken: "tok" } },
      {
        status: 200,
        body: {
          moreEvent: false,
          events: [
            { level: "error", content: "npm install failed", time: "t2" },
            { level: "info", content: "building", time: "t1" },
          ],
        },
      },
    ]);
    tuning.client = { adapter: net.adapter };
    await expect(provider.create(await inputs())).rejects.toThrow(
      'LeanEngine deploy to group "web" (staging) failed: [info] building | [error] npm install failed',
    );
  });

  it("refuses an environment that is not deployable before uploading anything", async () => {
    const g = groups("s0");
    g[0].staging.deployable = false;
    const net = scriptedAdapter([{ status: 200, body: g }]);
    tuning.client = { adapter: net.adapter };
    await expect(provider.create(await inputs())).rejects.toThrow(/not deployable/);
    expect(net.requests).toHaveLength(1);
  });

  it("a missing console token names the config key", async () => {
    delete process.env.LEANCLOUD_CONSOLE_TOKEN;
    tuning.client = { adapter: scriptedAdapter([]).adapter };
    await expect(provider.create(await inputs())).rejects.toThrow(
      /cloudfn:leancloudConsoleToken.*LEANCLOUD_CONSOLE_TOKEN/,
    );
  });
});

describe("EngineDeployment read and update", () => {
  it("reports an out-of-band deploy as drift of codeHash, and a vanished environment as gone", async () => {
    const olds = { ...(await inputs()), version: "s1", functions: ["hello"] } as DeploymentOutputs;
    const net = scriptedAdapter([
      { status: 200, body: groups("s1") },
      { status: 200, body: groups("s9") },
      { status: 200, body: { result: ["other"] } },
      { status: 200, body: groups(null) },
    ]);
    tuning.client = { adapter: net.adapter };
    expect((await provider.read!("id", olds)).props).toEqual(olds);
    const drift = await provider.read!("id", olds);
    expect(drift.props).toMatchObject({ version: "s9", codeHash: "drift:s9", functions: ["other"] });
    expect(drift.inputs).toMatchObject({ codeHash: "drift:s9" });
    expect(drift.inputs).not.toHaveProperty("version");
    expect(await provider.read!("id", olds)).toEqual({});
  });

  it("an update without a code change makes no call", async () => {
    const net = scriptedAdapter([]);
    tuning.client = { adapter: net.adapter };
    const olds = { ...(await inputs()), version: "s1", functions: ["hello"] } as DeploymentOutputs;
    const res = await provider.update!("id", olds, { ...(await inputs()), comment: "c" });
    expect(res.outs).toMatchObject({ comment: "c", version: "s1", functions: ["hello"] });
    expect(net.requests).toEqual([]);
  });
});
