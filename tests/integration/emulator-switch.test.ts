/**
 * `cloudfn:emulator` is all a stack needs to run against the emulator: providers configured with
 * that one key create real objects in an in-process emulator started with its defaults.
 */
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator, startEmulator } from "../../emulator/server";
import { clearStackConfig as clearFg } from "../../provider/functiongraph/config";
import { provider as fgFunction, tuning as fgTuning } from "../../provider/functiongraph/function";
import { FunctionInputs } from "../../provider/functiongraph/function/schema";
import { clearTokens } from "../../provider/minapp/auth";
import { provider as cloudFunction, tuning as minappTuning } from "../../provider/minapp/cloud-function";
import { CloudFunctionInputs } from "../../provider/minapp/cloud-function/schema";
import { clearStackConfig as clearMinApp } from "../../provider/minapp/config";
import { minappOps } from "../helpers/minapp-http";

jest.setTimeout(60_000);
let emu: RunningEmulator;

/** A stack config holding nothing but the switch. */
const onlyTheSwitch = () => {
  const values: Record<string, string> = { "cloudfn:emulator": emu.url };
  return { config: { get: (k: string) => values[k], require: (k: string) => values[k] } };
};

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  fgTuning.client = { baseDelayMs: 1 };
  minappTuning.client = { baseDelayMs: 1 };
});
afterAll(async () => {
  clearFg();
  clearMinApp();
  clearTokens();
  await emu.close();
});

describe("a stack pointed at the emulator with cloudfn:emulator alone", () => {
  it("creates a FunctionGraph function", async () => {
    await fgFunction.configure!(onlyTheSwitch());
    const code = new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = 1;") });
    const checked = await fgFunction.check!(
      {} as FunctionInputs,
      { name: "switched", runtime: "Node.js18.15", handler: "index.handler", code } as FunctionInputs,
    );
    expect(checked.failures).toBeUndefined();
    const { id } = await fgFunction.create(checked.inputs!);
    const { region, projectId } = emu.credentials;
    expect(id).toBe(`urn:fss:${region}:${projectId}:function:default:switched:latest`);
  });

  it("creates a MinApp cloud function", async () => {
    await cloudFunction.configure!(onlyTheSwitch());
    const source = 'exports.main = async () => "hi";\n';
    const checked = await cloudFunction.check!(
      {} as CloudFunctionInputs,
      { name: "switched", code: source } as unknown as CloudFunctionInputs,
    );
    expect(checked.failures).toBeUndefined();
    const { id, outs } = await cloudFunction.create(checked.inputs!);
    expect(id).toBe("switched");
    expect(outs).toMatchObject({ name: "switched", source });
    expect(await minappOps(emu.url)).toContain("CreateCloudFunction 201");
  });
});
