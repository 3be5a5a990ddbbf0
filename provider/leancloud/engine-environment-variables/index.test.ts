import { scriptedAdapter } from "../../testing/scripted-adapter";
import { clearStackConfig } from "../config";
import { provider, secretHash, tuning } from "./";
import { EnvVarsInputs, EnvVarsOutputs } from "./schema";

const ENV = {
  LEANCLOUD_APP_ID: "testApp0-gzGzoHsz",
  LEANCLOUD_CONSOLE_TOKEN: "console-token-value",
  CLOUDFN_LEANCLOUD_CONSOLE_URL: "http://console.test",
};
const saved = { ...process.env };
beforeEach(() => Object.assign(process.env, ENV));
afterEach(() => {
  process.env = { ...saved };
  clearStackConfig();
  tuning.client = {};
});

const group = (environments: Record<string, string>) => ({ status: 200, body: [{ groupName: "web", environments }] });
const patched = (net: ReturnType<typeof scriptedAdapter>) =>
  net.requests.filter((r) => r.method === "PATCH").map((r) => JSON.parse(r.body!).environments);

describe("EngineEnvironmentVariables check", () => {
  it("hashes secret values and names reserved, malformed and repeated names", async () => {
    const ok = await provider.check!(
      {} as EnvVarsInputs,
      { variables: { A: "1" }, secretVariables: { TOKEN: "s3cret" } } as any,
    );
    expect(ok).toEqual({
      inputs: {
        group: "web",
        variables: { A: "1" },
        secretVariables: { TOKEN: "s3cret" },
        secretVariableHashes: { TOKEN: await secretHash("TOKEN", "s3cret") },
      },
    });
    expect(JSON.stringify(ok.inputs?.secretVariableHashes)).not.toContain("s3cret");
    const bad = await provider.check!(
      {} as EnvVarsInputs,
      { variables: { LEANCLOUD_X: "1", "1A": "2", B: "3" }, secretVariables: { B: "x" } } as any,
    );
    expect(bad.failures?.map((f) => f.reason)).toEqual([
      'variables name "LEANCLOUD_X" is reserved: names starting with LEANCLOUD or LEAN_CLI belong to the runtime',
      'variables name "1A" must be 1-128 letters, digits and "_", not starting with a digit',
      "secretVariables must not repeat names of variables: B",
    ]);
    const overlap = await provider.check!(
      {} as EnvVarsInputs,
      { variables: { B: "3" }, secretVariables: { B: "x" } } as any,
    );
    expect(overlap.failures).toEqual([
      { property: "secretVariables", reason: "secretVariables must not repeat names of variables: B" },
    ]);
  });
});

describe("EngineEnvironmentVariables writes", () => {
  it("create merges into the live map, keeping other people's variables", async () => {
    const net = scriptedAdapter([group({ THEIRS: "keep", A: "old" }), { status: 200, body: {} }]);
    tuning.client = { adapter: net.adapter };
    const res = await provider.create({ group: "web", variables: { A: "1" }, secretVariables: { S: "v" } });
    expect(res.id).toBe("testApp0-gzGzoHsz:web");
    expect(res.outs).toEqual({
      group: "web",
      variables: { A: "1" },
      secretVariableHashes: { S: await secretHash("S", "v") },
    });
    expect(patched(net)).toEqual([{ THEIRS: "keep", A: "1", S: "v" }]);
    expect(net.requests[1].url).toBe("http://console.test/1.1/engine/groups/web");
  });

  it("update removes the names it no longer declares, and only those", async () => {
    const net = scriptedAdapter([group({ THEIRS: "keep", A: "1", B: "2", S: "v" }), { status: 200, body: {} }]);
    tuning.client = { adapter: net.adapter };
    const olds: EnvVarsOutputs = {
      group: "web",
      variables: { A: "1", B: "2" },
      secretVariableHashes: { S: await secretHash("S", "v") },
    };
    await provider.update!("id", olds, { group: "web", variables: { A: "9" } });
    expect(patched(net)).toEqual([{ THEIRS: "keep", A: "9" }]);
  });

  it("delete removes only owned names; a vanished group is success", async () => {
    const net = scriptedAdapter([
      group({ THEIRS: "keep", A: "1" }),
      { status: 200, body: {} },
      { status: 200, body: [] },
    ]);
    tuning.client = { adapter: net.adapter };
    const props: EnvVarsOutputs = { group: "web", variables: { A: "1" } };
    await provider.delete!("id", props);
    await provider.delete!("id", props);
    expect(patched(net)).toEqual([{ THEIRS: "keep" }]);
  });
});

describe("EngineEnvironmentVariables read", () => {
  it("reports live values of owned names and marks changed or removed secrets as drift", async () => {
    const props: EnvVarsOutputs = {
      group: "web",
      variables: { A: "1", B: "2" },
      secretVariableHashes: {
        S: await secretHash("S", "v"),
        T: await secretHash("T", "t"),
        U: await secretHash("U", "u"),
      },
    };
    const net = scriptedAdapter([group({ A: "changed", S: "v", T: "other", OTHER: "x" })]);
    tuning.client = { adapter: net.adapter };
    expect((await provider.read!("id", props)).props).toEqual({
      group: "web",
      variables: { A: "changed" },
      secretVariableHashes: { S: await secretHash("S", "v"), T: "drift:changed", U: "drift:removed" },
    });
  });

  it("diff sees the drift against the declaration; a group that is gone is gone", async () => {
    const olds: EnvVarsOutputs = { group: "web", variables: { A: "changed" } };
    expect(await provider.diff!("id", olds, { group: "web", variables: { A: "1" } })).toEqual({
      changes: true,
      replaces: [],
    });
    expect(
      await provider.diff!("id", { group: "web", variables: { A: "1" } }, { group: "web", variables: { A: "1" } }),
    ).toEqual({ changes: false, replaces: [] });
    tuning.client = { adapter: scriptedAdapter([{ status: 200, body: [] }]).adapter };
    expect(await provider.read!("id", olds)).toEqual({});
  });
});
