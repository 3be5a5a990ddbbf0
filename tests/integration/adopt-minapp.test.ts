/**
 * `adopt: true` on MinApp CloudFunction against the in-process emulator: the function is created
 * out of band (raw Open API call), then the provider adopts it. The request log proves that
 * adoption never POSTs and patches only what differs.
 */
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { EMULATOR_DEFAULTS } from "../../emulator/defaults";
import { clearAdoptionClaims } from "../../provider/core/adoption";
import { clearTokens } from "../../provider/minapp/auth";
import { provider, tuning } from "../../provider/minapp/cloud-function";
import { CloudFunctionInputs } from "../../provider/minapp/cloud-function/schema";
import { clearStackConfig } from "../../provider/minapp/config";
import { FUNCTIONS, clearRequestLog, minappApiCounts, minappCall } from "../helpers/minapp-http";

jest.setTimeout(60_000);
let emu: RunningEmulator;
const { clientId, clientSecret } = EMULATOR_DEFAULTS.minapp;
const V1 = 'exports.main = async (event) => "hello";\n';

async function checked(over: Record<string, unknown> = {}): Promise<CloudFunctionInputs> {
  const res = await provider.check!(
    {} as CloudFunctionInputs,
    { name: "legacy", code: V1, adopt: true, ...over } as unknown as CloudFunctionInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  tuning.client = { baseDelayMs: 1 };
});
afterAll(async () => {
  clearStackConfig();
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
  clearTokens();
  clearAdoptionClaims();
  const values: Record<string, string> = {
    "cloudfn:minappEndpoint": emu.url,
    "cloudfn:minappClientId": clientId,
    "cloudfn:minappClientSecret": clientSecret,
  };
  await provider.configure!({ config: { get: (k: string) => values[k], require: (k: string) => values[k] } });
  expect(
    (await minappCall(emu.url, "POST", FUNCTIONS, { name: "legacy", function_code: V1, remark: "old" })).status,
  ).toBe(201);
  await clearRequestLog(emu.url);
});

describe("adopting a MinApp cloud function", () => {
  it("same code, other remark: one GET and one PATCH of the remark, no POST; diff clean afterwards", async () => {
    const inputs = await checked({ remark: "managed by pulumi" });
    const { id, outs } = await provider.create(inputs);
    expect(await minappApiCounts(emu.url)).toEqual({ GetCloudFunction: 1, UpdateCloudFunction: 1 });
    expect(id).toBe("legacy");
    expect(outs).toMatchObject({ name: "legacy", remark: "managed by pulumi", source: V1 });
    expect(outs).not.toHaveProperty("adopt");
    clearAdoptionClaims(); // the next deployment
    const read = await provider.read!(id, outs);
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
    expect(await provider.diff!(id, read.props!, await checked({ remark: "managed by pulumi", adopt: false }))).toEqual(
      { changes: false, replaces: [] },
    );
  });

  it("identical program: only the GET", async () => {
    await provider.create(await checked({ remark: "old" }));
    expect(await minappApiCounts(emu.url)).toEqual({ GetCloudFunction: 1 });
  });

  it("a missing function fails naming it; two adopters of one function fail clearly", async () => {
    await expect(provider.create(await checked({ name: "ghost" }))).rejects.toThrow(
      /cannot adopt MinApp cloud function "ghost": it does not exist \(key ghost\)/,
    );
    await provider.create(await checked());
    await expect(provider.create(await checked({ remark: "x" }))).rejects.toThrow(
      /adopted by two resources of this deployment/,
    );
    expect(await minappApiCounts(emu.url)).not.toHaveProperty("CreateCloudFunction");
  });
});
