/**
 * `--profile` of the CLI commands that call a platform, against two in-process emulators: the
 * default configuration points at "north", the profile `south` at an emulator with its own
 * region, project and keys, given as the providers take it (suffixed environment variables for
 * `adopt` outside a project, stack config `cloudfn:profiles` for `drift`'s unmanaged scan).
 */
import { main } from "../../cli/index";
import type { Io } from "../../cli/io";
import { findUnmanaged } from "../../cli/drift/unmanaged";
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { fgCall } from "../../emulator/testing/fg-client";
import { clearTokens } from "../../provider/minapp/auth";
import { clearRequestLog, requestLog } from "../helpers/fg-http";
import { FUNCTIONS, minappCall } from "../helpers/minapp-http";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(60_000);
const SOUTH = {
  region: "cn-south-1",
  projectId: "50u7h000000000000000000000000000",
  accessKey: "SOUTHPROFILEACCESSKEY",
  secretKey: "south-profile-secret-key-value",
};
let north: RunningEmulator;
let south: RunningEmulator;

async function createFunction(emu: RunningEmulator, name: string): Promise<void> {
  const c = emu.credentials;
  const res = await fgCall(emu.url, c, {
    method: "POST",
    path: `/v2/${c.projectId}/fgs/functions`,
    headers: { "x-project-id": c.projectId },
    body: inlineFunction(name, "exports.handler = async () => 1;", 5),
  });
  expect(res.status).toBe(200);
}

async function cloudfn(args: string[]) {
  const env = {
    CLOUDFN_EMULATOR: north.url,
    CLOUDFN_EMULATOR_SOUTH: south.url,
    HW_REGION_NAME_SOUTH: SOUTH.region,
    HW_PROJECT_ID_SOUTH: SOUTH.projectId,
    HW_ACCESS_KEY_SOUTH: SOUTH.accessKey,
    HW_SECRET_KEY_SOUTH: SOUTH.secretKey,
  };
  const io: Io & { stdout: string; stderr: string } = {
    stdout: "",
    stderr: "",
    env,
    cwd: "/",
    out: (t) => (io.stdout += t),
    err: (t) => (io.stderr += t),
  };
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const platformsCalled = async (emu: RunningEmulator) => new Set((await requestLog(emu.url)).map((r) => r.platform));

beforeAll(async () => {
  north = await startEmulator({ port: 0 });
  south = await startEmulator({ port: 0, credentials: SOUTH });
  await createFunction(north, "shop-north");
  await createFunction(south, "shop-south");
  await createFunction(south, "shop-managed");
  expect((await minappCall(south.url, "POST", FUNCTIONS, { name: "shop_mini", function_code: "x" })).status).toBe(201);
});
afterAll(async () => {
  clearTokens();
  await north?.close();
  await south?.close();
});
beforeEach(async () => {
  for (const emu of [north, south]) await clearRequestLog(emu.url);
});

describe("cloudfn adopt --profile", () => {
  it("functiongraph: lists the profile's account and every printed resource carries the profile", async () => {
    const res = await cloudfn(["adopt", "--platform", "functiongraph", "--profile", "south"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      'export const shopSouth = new cloudfn.functiongraph.Function("shop-south", {\n    adopt: true,\n    profile: "south",\n    name: "shop-south",',
    );
    expect(res.stdout).toContain('// Read with profile "south"');
    expect(res.stdout.match(/^ {4}adopt: true,$/gm)).toHaveLength(
      res.stdout.match(/^ {4}profile: "south",$/gm)!.length,
    );
    expect(res.stdout).not.toContain("shop-north");
    expect(await platformsCalled(north)).toEqual(new Set());
  });

  it("without --profile: the default account, and no profile printed (as before)", async () => {
    const res = await cloudfn(["adopt", "--platform", "functiongraph"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('new cloudfn.functiongraph.Function("shop-north", {\n    adopt: true,\n    name:');
    expect(res.stdout).not.toMatch(/profile/);
    expect(await platformsCalled(south)).toEqual(new Set());
  });

  it("minapp and leancloud: the profile's own emulator serves them", async () => {
    const mini = await cloudfn(["adopt", "--platform", "minapp", "--profile", "south"]);
    expect(mini.code).toBe(0);
    expect(mini.stdout).toContain(
      'new cloudfn.minapp.CloudFunction("shop_mini", {\n    adopt: true,\n    profile: "south",\n    name: "shop_mini",',
    );
    expect((await cloudfn(["adopt", "--platform", "leancloud", "--profile", "south"])).code).toBe(0);
    expect(await platformsCalled(south)).toEqual(new Set(["minapp", "leancloud"]));
    expect(await platformsCalled(north)).toEqual(new Set());
  });

  it("a profile without settings for the platform fails before any call, naming where it looked", async () => {
    const res = await cloudfn(["adopt", "--platform", "functiongraph", "--profile", "ghost"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/profile "ghost" has no FunctionGraph settings.*HW_REGION_NAME_GHOST/);
    const bad = await cloudfn(["adopt", "--platform", "minapp", "--profile", "-x"]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining("--profile must be 1-63 letters") });
    for (const emu of [north, south]) expect(await platformsCalled(emu)).toEqual(new Set());
  });
});

describe("drift's unmanaged scan with a profile", () => {
  it("looks in the profile's account (stack config cloudfn:profiles), minus the names managed with it", async () => {
    const profiles = {
      south: {
        emulator: south.url,
        functiongraphRegion: SOUTH.region,
        functiongraphProjectId: SOUTH.projectId,
        functiongraphAccessKey: SOUTH.accessKey,
        functiongraphSecretKey: SOUTH.secretKey,
      },
    };
    const found = await findUnmanaged({
      prefix: "shop",
      config: { "cloudfn:emulator": north.url, "cloudfn:profiles": JSON.stringify(profiles) },
      env: {},
      profile: "south",
      platforms: new Set(["functiongraph", "minapp"]),
      managed: { functiongraph: new Set(["shop-managed"]), minapp: new Set() },
    });
    expect(found.map((f) => `${f.type} ${f.name}`)).toEqual([
      "functiongraph:Function shop-south",
      "minapp:CloudFunction shop_mini",
    ]);
    expect(await platformsCalled(north)).toEqual(new Set());
  });
});
