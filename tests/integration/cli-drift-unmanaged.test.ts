/**
 * `cloudfn drift`'s search for functions created outside Pulumi, against an in-process emulator:
 * credentials from a stack config map (as `pulumi config --json --show-secrets` gives them),
 * FunctionGraph ListFunctions and MinApp's function list, prefix match minus managed names.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { fgCall } from "../../emulator/testing/fg-client";
import { findUnmanaged } from "../../cli/drift/unmanaged";
import { FUNCTIONS, minappCall } from "../helpers/minapp-http";
import { inlineFunction } from "../helpers/fg-emulator";

let emu: RunningEmulator;
const fg = EMULATOR_DEFAULTS.functiongraph;

const createFg = (name: string) =>
  fgCall(emu.url, emu.credentials, {
    method: "POST",
    path: `/v2/${fg.projectId}/fgs/functions`,
    body: inlineFunction(name, "exports.handler = async () => 1;", 5),
  });
const createMinApp = (name: string) =>
  minappCall(emu.url, "POST", FUNCTIONS, { name, function_code: "exports.main = async () => 1;\n" });

const stackConfig = () => ({
  "cloudfn:functiongraphEndpoint": emu.url,
  "cloudfn:functiongraphRegion": fg.region,
  "cloudfn:functiongraphProjectId": fg.projectId,
  "cloudfn:functiongraphAccessKey": fg.accessKey,
  "cloudfn:functiongraphSecretKey": fg.secretKey,
  "cloudfn:minappEndpoint": emu.url,
  "cloudfn:minappClientId": EMULATOR_DEFAULTS.minapp.clientId,
  "cloudfn:minappClientSecret": EMULATOR_DEFAULTS.minapp.clientSecret,
});

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  for (const name of ["shop-api", "shop-stray", "other-fn"]) expect((await createFg(name)).status).toBe(200);
  for (const name of ["shop_api", "shop_stray", "other_fn"]) expect((await createMinApp(name)).status).toBe(201);
});
afterAll(() => emu.close());

describe("findUnmanaged", () => {
  it("lists prefixed functions the stack does not manage, on each platform the stack uses", async () => {
    const found = await findUnmanaged({
      prefix: "shop",
      config: stackConfig(),
      env: {},
      platforms: new Set(["functiongraph", "minapp", "leancloud"]),
      managed: { functiongraph: new Set(["shop-api"]), minapp: new Set(["shop_api"]) },
    });
    expect(found.map((f) => `${f.cause} ${f.type} ${f.name}`)).toEqual([
      "unmanaged functiongraph:Function shop-stray",
      "unmanaged minapp:CloudFunction shop_stray",
    ]);
  });

  it("does not call a platform the stack does not use (its credentials may be absent)", async () => {
    const found = await findUnmanaged({
      prefix: "shop",
      config: {},
      env: {},
      platforms: new Set(["leancloud"]),
      managed: { functiongraph: new Set(), minapp: new Set() },
    });
    expect(found).toEqual([]);
  });

  it("names the missing setting, never a value, when the stack config lacks credentials", async () => {
    const { ["cloudfn:functiongraphSecretKey"]: _omitted, ...config } = stackConfig();
    const query = {
      prefix: "shop",
      config,
      env: {},
      platforms: new Set(["functiongraph"]),
      managed: { functiongraph: new Set<string>(), minapp: new Set<string>() },
    };
    await expect(findUnmanaged(query)).rejects.toThrow(/secret key is not set .*cloudfn:functiongraphSecretKey/);
  });
});
