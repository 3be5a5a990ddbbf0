/**
 * The native plugin serves `profile` too: the same implementations (wrapped by
 * provider/core/profiled.ts) resolve it against the provider's own `profiles` input, then the
 * suffixed environment variables, then the provider's other settings; a change is a replace
 * with `profile` as the reason.
 */
import { clearStackConfig } from "../functiongraph/config";
import { checkConfig, configSource, configureAll } from "./config";
import * as lifecycle from "./lifecycle";
import { unwrap } from "./values";

const URN = "urn:pulumi:s::p::cloudfn:functiongraph:Trigger::t";
const FN = "urn:fss:cn-north-4:p:function:default:hello:latest";
const timer = { name: "nightly", scheduleType: "Cron", schedule: "0 0 2 * * ?" };
const inputs = (profile?: string) => unwrap({ functionUrn: FN, type: "TIMER", timer, ...(profile ? { profile } : {}) });

describe("profiles in the native plugin", () => {
  beforeAll(() =>
    configureAll(configSource({ emulator: "http://x", profiles: { south: { functiongraphRegion: "cn-south-1" } } })),
  );
  afterAll(clearStackConfig);

  it("accepts `profiles` as a provider setting", () => {
    expect(checkConfig({ profiles: { south: { functiongraphRegion: "r" } } })).toEqual([]);
  });

  it("check keeps a known profile and fails one the provider has no settings for", async () => {
    const ok = await lifecycle.check(URN, unwrap({}), inputs("south"));
    expect(ok.failures).toEqual([]);
    expect(ok.inputs.profile).toBe("south");
    const ghost = await lifecycle.check(URN, unwrap({}), inputs("ghost"));
    expect(ghost.failures).toEqual([
      { property: "profile", reason: expect.stringContaining('profile "ghost" has no FunctionGraph settings') },
    ]);
  });

  it("a changed profile is a detailed replace naming `profile`", async () => {
    const olds = unwrap({ ...inputs("south").props, status: "ACTIVE", triggerId: "t1" });
    const d = await lifecycle.diff(URN, "id", olds, inputs(), inputs("south"));
    expect(d.replaces).toEqual(["profile"]);
    expect(d.detailed).toEqual({ profile: "DELETE_REPLACE" });
  });
});
