/**
 * Named profiles resolved through the platforms' configs (provider/core/profile.ts): the order
 * of the sources, the emulator switch per profile, the messages, and per-profile caches.
 */
import { EMULATOR_DEFAULTS } from "../platform/common/emulator-defaults";
import { AdoptionConflictError, claimForAdoption, clearAdoptionClaims } from "./core/adoption";
import { inProfile } from "./core/profile";
import { PlatformConfig } from "./core/stack-config";
import { PROFILED } from "./core/profiled";
import { getToken } from "./functiongraph/auth";
import { clearTokens } from "./minapp/auth";
import { MinAppClient } from "./minapp/client";
import { implementationOf } from "./native/resources";
import { RESOURCES } from "./registry";
import { scriptedAdapter } from "./testing/scripted-adapter";
import * as fg from "./functiongraph/config";
import * as lc from "./leancloud/config";
import * as minapp from "./minapp/config";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const configure = (values: Record<string, string>) => {
  for (const platform of [fg, lc, minapp]) platform.setStackConfig(config(values));
};
/** What `pulumi config set --path cloudfn:profiles.…` hands to configure(): one JSON text. */
const profiles = (table: Record<string, Record<string, string>>) => ({ "cloudfn:profiles": JSON.stringify(table) });

const DEFAULTS = {
  "cloudfn:functiongraphRegion": "cn-north-4",
  "cloudfn:functiongraphProjectId": "defaultproject",
  "cloudfn:functiongraphAccessKey": "DEFAULTAK",
  "cloudfn:functiongraphSecretKey": "default-sk",
};

describe("profile resolution", () => {
  afterEach(() => {
    for (const platform of [fg, lc, minapp]) platform.clearStackConfig();
  });

  it("takes the profile's stack config, then its suffixed variable, then the default configuration", () => {
    configure({
      ...DEFAULTS,
      ...profiles({ south: { functiongraphRegion: "cn-south-1", functiongraphSecretKey: "south-sk" } }),
    });
    const env = { HW_PROJECT_ID_SOUTH: "southproject", HW_REGION_NAME_SOUTH: "ignored", HW_ACCESS_KEY: "ENVAK" };
    const south = inProfile("south", () => fg.resolveSettings(env));
    expect(south).toMatchObject({
      profile: "south",
      region: "cn-south-1",
      projectId: "southproject",
      accessKey: "DEFAULTAK",
      secretKey: "south-sk",
      endpoint: "https://functiongraph.cn-south-1.myhuaweicloud.com",
    });
    expect(south.sources).toMatchObject({
      region: "stack config cloudfn:profiles.south.functiongraphRegion",
      projectId: "environment variable HW_PROJECT_ID_SOUTH",
      accessKey: "stack config cloudfn:functiongraphAccessKey",
    });
    const plain = fg.resolveSettings(env);
    expect(plain).toMatchObject({ region: "cn-north-4", projectId: "defaultproject", secretKey: "default-sk" });
    expect(plain).not.toHaveProperty("profile");
  });

  it("a profile's own emulator beats the default configuration; the default switch serves what it leaves", () => {
    const fgd = EMULATOR_DEFAULTS.functiongraph;
    configure({
      ...DEFAULTS,
      "cloudfn:emulator": "http://default-emu",
      ...profiles({ local: { emulator: "http://local-emu/" }, south: { functiongraphRegion: "cn-south-1" } }),
    });
    expect(inProfile("local", () => fg.resolveSettings({}))).toMatchObject({
      endpoint: "http://local-emu",
      accessKey: fgd.accessKey,
      projectId: fgd.projectId,
    });
    const south = inProfile("south", () => fg.resolveSettings({}));
    expect(south).toMatchObject({ region: "cn-south-1", projectId: "defaultproject", endpoint: "http://default-emu" });
    expect(inProfile("local", () => minapp.resolveSettings({}))).toMatchObject({ endpoint: "http://local-emu" });
    expect(inProfile("local", () => lc.resolveSettings({}))).toMatchObject({ serverUrl: "http://local-emu" });
  });

  it("reads the emulator switch and settings of a profile from the environment, '-' as '_'", () => {
    configure({});
    const env = { CLOUDFN_EMULATOR_EU_WEST: "http://eu", MINAPP_CLIENT_ID_EU_WEST: "euclient" };
    expect(inProfile("eu-west", () => minapp.resolveSettings(env))).toMatchObject({
      endpoint: "http://eu",
      clientId: "euclient",
      clientSecret: EMULATOR_DEFAULTS.minapp.clientSecret,
    });
  });

  it("accepts the profiles as an object and numbers as text (the native plugin's provider input)", () => {
    for (const platform of [fg, lc, minapp])
      platform.setStackConfig({
        get: (k) => (k === "cloudfn:profiles" ? JSON.stringify({ n: { functiongraphProjectId: 42 } }) : undefined),
      });
    expect(inProfile("n", () => fg.knownRegionAndProject({ HW_REGION_NAME: "r" }))).toEqual({
      region: "r",
      projectId: "42",
    });
  });

  it("a missing setting names the profile's key and variable, and the default ones", () => {
    configure(profiles({ south: { functiongraphRegion: "cn-south-1" } }));
    expect(() => inProfile("south", () => fg.resolveSettings({}))).toThrow(
      'FunctionGraph project id is not set for profile "south": set stack config "cloudfn:profiles.south.functiongraphProjectId" (pulumi config set --path cloudfn:profiles.south.functiongraphProjectId ...) or the environment variable HW_PROJECT_ID_SOUTH, or the default "cloudfn:functiongraphProjectId" or HW_PROJECT_ID',
    );
  });

  it("a malformed cloudfn:profiles fails profile lookups with the rule, never the value", () => {
    configure({ "cloudfn:profiles": "secret-looking-text" });
    const error = (() => {
      try {
        inProfile("south", () => fg.resolveSettings({}));
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toContain("stack config cloudfn:profiles must be an object of profiles");
    expect(error).not.toContain("secret-looking-text");
    // Without a profile the key is not read at all.
    configure({ ...DEFAULTS, "cloudfn:profiles": "secret-looking-text" });
    expect(fg.resolveSettings({}).region).toBe("cn-north-4");
  });
});

describe("every resource has a profile", () => {
  it("in its definition (replace on change) and in the implementation the shims and the plugin load", () => {
    for (const def of RESOURCES) {
      expect(def.inputs.profile).toMatchObject({ replaceOnChange: true });
      expect((implementationOf(def) as unknown as Record<symbol, unknown>)[PROFILED]).toBe(true);
    }
  });
});

describe("per-process caches are per profile", () => {
  afterEach(() => {
    clearTokens();
    clearAdoptionClaims();
  });

  it("two profiles with the same IAM user never share a FunctionGraph token", async () => {
    const settings: fg.FunctionGraphSettings = {
      auth: "token",
      region: "r",
      projectId: "p",
      endpoint: "http://fg",
      iamEndpoint: "http://iam.profiles-test",
      userName: "u",
      password: "pw",
      domainName: "d",
    };
    const reply = (token: string) => ({
      status: 201,
      headers: { "x-subject-token": token },
      body: { token: { expires_at: new Date(Date.now() + 86_400_000).toISOString() } },
    });
    const fake = scriptedAdapter([reply("NORTH"), reply("SOUTH")]);
    expect(await getToken({ ...settings, profile: "north" }, fake.adapter)).toBe("NORTH");
    expect(await getToken({ ...settings, profile: "south" }, fake.adapter)).toBe("SOUTH");
    expect(await getToken({ ...settings, profile: "north" }, fake.adapter)).toBe("NORTH");
    expect(fake.requests).toHaveLength(2);
  });

  it("two profiles of the same MinApp client each log in", async () => {
    const login = (token: string) => [
      { status: 200, body: { code: "c0de", expires_in: 600 } },
      { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: 9999, refresh_token: "r" } },
    ];
    const fake = scriptedAdapter([...login("A"), { status: 200, body: {} }, ...login("B"), { status: 200, body: {} }]);
    const settings = { clientId: "cid", clientSecret: "cs", endpoint: "http://ma" };
    for (const profile of ["a", "b"]) {
      const client = new MinAppClient({ ...settings, profile }, undefined, { adapter: fake.adapter, baseDelayMs: 1 });
      await client.getFunction("hello").catch(() => undefined);
    }
    const bearers = fake.requests.map((r) => r.headers.Authorization).filter(Boolean);
    expect(bearers).toEqual(["Bearer A", "Bearer B"]);
  });

  it("the same adoption key in two profiles is two objects; twice in one profile conflicts", () => {
    expect(inProfile("north", () => claimForAdoption("minapp:hello", "function hello"))).toBe(true);
    expect(inProfile("south", () => claimForAdoption("minapp:hello", "function hello"))).toBe(true);
    expect(() => inProfile("south", () => claimForAdoption("minapp:hello", "function hello"))).toThrow(
      AdoptionConflictError,
    );
  });
});

describe("profile checks", () => {
  const judge = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
    const platform = new PlatformConfig("FunctionGraph", fg.CONFIG_KEYS);
    platform.set(config(values));
    return (profile: string) => platform.profileProblem(profile, env);
  };

  it("a profile with no setting of the platform names every key and variable looked for", () => {
    const problem = judge(profiles({ south: { minappClientId: "x" } }))("south");
    expect(problem).toMatch(
      /^profile "south" has no FunctionGraph settings: looked for stack config cloudfn:profiles\.south\.<setting>/,
    );
    expect(problem).toContain("functiongraphRegion");
    expect(problem).toContain("HW_REGION_NAME_SOUTH");
    expect(problem).toContain("CLOUDFN_EMULATOR_SOUTH");
    expect(judge({}, { HW_REGION_NAME_SOUTH: "r" })("south")).toBeUndefined();
  });

  it("a misspelt setting of the platform fails with a suggestion; other platforms' keys are left alone", () => {
    const check = judge(profiles({ south: { functiongraphRegon: "r", functiongraphProjectId: "p", minappFoo: "x" } }));
    expect(check("south")).toBe(
      'cloudfn:profiles.south.functiongraphRegon is not a FunctionGraph setting; did you mean "functiongraphRegion"?',
    );
  });
});
