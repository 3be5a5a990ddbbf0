import { CONFIG_NAMES, checkConfig, configInputs, configSource } from "./config";

describe("native provider configuration", () => {
  it("reads provider inputs by stack config key or bare name, JSON for non-strings", () => {
    const config = configSource({ functiongraphRegion: "cn-south-1", emulator: "http://x", retries: 3 });
    expect(config.get("cloudfn:functiongraphRegion")).toBe("cn-south-1");
    expect(config.get("emulator")).toBe("http://x");
    expect(config.get("retries")).toBe("3");
    expect(config.get("cloudfn:functiongraphProjectId")).toBeUndefined();
  });

  it("takes the args struct, else the older variables map without namespaces", () => {
    expect(configInputs({ a: "1" }, new Map([["cloudfn:b", "2"]]))).toEqual({ a: "1" });
    expect(configInputs({}, new Map([["cloudfn:functiongraphRegion", "r"]]))).toEqual({ functiongraphRegion: "r" });
  });

  it("fails unknown settings by name and accepts every stack config key and the engine's own", () => {
    expect(checkConfig({ functiongraphRegon: "x" })).toEqual([
      {
        property: "functiongraphRegon",
        reason: expect.stringContaining('unknown cloudfn provider setting "functiongraphRegon"'),
      },
    ]);
    const all = Object.fromEntries([...CONFIG_NAMES, "version"].map((n) => [n, "v"]));
    expect(checkConfig(all)).toEqual([]);
  });
});
