/**
 * `adopt: true` on FunctionGraph Function against the in-process emulator: the function is
 * created out of band (raw signed API), then the provider adopts it. The request log proves that
 * adoption never calls CreateFunction and updates only what differs.
 */
import * as pulumi from "@pulumi/pulumi";
import { clearAdoptionClaims } from "../../provider/core/adoption";
import { provider, tuning } from "../../provider/functiongraph/function";
import { buildCode, createBody } from "../../provider/functiongraph/function/mapping";
import { FunctionInputs } from "../../provider/functiongraph/function/schema";
import { clearRequestLog, fgRequest, operationLines } from "../helpers/fg-http";
import { fgAdoptionEmulator } from "../helpers/fg-adoption";

const adopt = fgAdoptionEmulator();
const source = (text: string) => new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(text) });
const HELLO = "exports.handler = async () => 'hello';";

const operations = () => operationLines(adopt.emu.url, "functiongraph");

async function checked(over: Record<string, unknown> = {}): Promise<FunctionInputs> {
  const res = await provider.check!(
    {} as FunctionInputs,
    {
      name: "legacy",
      runtime: "Node.js18.15",
      handler: "index.handler",
      code: source(HELLO),
      adopt: true,
      ...over,
    } as unknown as FunctionInputs,
  );
  expect(res.failures).toBeUndefined();
  return res.inputs!;
}

/** Creates a function the way someone else would: a signed CreateFunction call. */
async function createOutOfBand(over: Partial<FunctionInputs> = {}) {
  const inputs = { ...(await checked()), ...over };
  const res = await fgRequest(
    adopt.emu.url,
    "POST",
    `/v2/${adopt.emu.credentials.projectId}/fgs/functions`,
    createBody(inputs, await buildCode(inputs)),
  );
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(() => {
  tuning.client = { baseDelayMs: 1 };
});

describe("adopting a FunctionGraph function", () => {
  it("identical program: one read, no create, no update; outputs diff clean against the program", async () => {
    const live = await createOutOfBand();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked();
    const { id, outs } = await provider.create(inputs);
    expect(await operations()).toEqual(["ShowFunctionConfig 200"]);
    clearAdoptionClaims(); // the next deployment
    expect(id).toBe(live.func_urn);
    expect(outs).toMatchObject({
      funcUrn: live.func_urn,
      funcId: live.func_id,
      digest: live.digest,
      codeHash: inputs.codeHash,
    });
    expect(outs).not.toHaveProperty("adopt");
    expect(await provider.diff!(id, outs!, inputs)).toEqual({ changes: false, replaces: [] });
    // Removing the flag afterwards is no change either.
    expect(await provider.diff!(id, outs!, await checked({ adopt: undefined }))).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("differing memory and code: the config and code calls an update would make, nothing else", async () => {
    await createOutOfBand();
    await clearRequestLog(adopt.emu.url);
    const inputs = await checked({ memorySize: 512, code: source("exports.handler = async () => 'v2';") });
    const { id, outs } = await provider.create(inputs);
    expect(await operations()).toEqual([
      "ShowFunctionConfig 200",
      "UpdateFunctionConfig 200",
      "UpdateFunctionCode 200",
    ]);
    expect(outs).toMatchObject({ memorySize: 512, codeHash: inputs.codeHash });
    clearAdoptionClaims(); // the next deployment
    const read = await provider.read!(id, outs);
    expect(read.props).toMatchObject({ memorySize: 512, digest: outs!.digest });
    expect(await provider.diff!(id, read.props!, inputs)).toEqual({ changes: false, replaces: [] });
  });

  it("differing description only: UpdateFunctionConfig but no code upload", async () => {
    await createOutOfBand();
    await clearRequestLog(adopt.emu.url);
    await provider.create(await checked({ description: "now managed" }));
    expect(await operations()).toEqual(["ShowFunctionConfig 200", "UpdateFunctionConfig 200"]);
  });

  it("a missing function fails naming the key, and creates nothing", async () => {
    await expect(provider.create(await checked({ name: "ghost" }))).rejects.toThrow(
      /cannot adopt FunctionGraph function "ghost" in package "default": it does not exist \(key urn:fss:[^ ]+:function:default:ghost:latest\)/,
    );
    expect(await operations()).toEqual(["ShowFunctionConfig 404"]);
  });

  it("two resources adopting one function: the second fails before any call", async () => {
    await createOutOfBand();
    await provider.create(await checked());
    await clearRequestLog(adopt.emu.url);
    await expect(provider.create(await checked({ memorySize: 256 }))).rejects.toThrow(
      /adopted by two resources of this deployment/,
    );
    expect(await operations()).toEqual([]);
  });

  it("a function this stack already manages (seen by diff) cannot be adopted by another resource", async () => {
    const first = await provider.create(await checked({ adopt: undefined }));
    await provider.diff!(first.id, first.outs!, await checked({ adopt: undefined }));
    await expect(provider.create(await checked())).rejects.toThrow(/already managed by another resource of this stack/);
  });

  it("a different runtime is refused (it cannot change in place)", async () => {
    await createOutOfBand({ runtime: "Python3.9", handler: "index.handler" });
    await expect(provider.create(await checked())).rejects.toThrow(
      /its runtime is "Python3.9" but the program declares "Node.js18.15"/,
    );
  });

  it("a replacement of an adopted resource creates, even with adopt still set", async () => {
    await createOutOfBand();
    const first = await provider.create(await checked());
    clearAdoptionClaims(); // the next deployment
    const renamed = await checked({ name: "renamed" });
    expect((await provider.diff!(first.id, first.outs!, renamed)).replaces).toEqual(["name"]);
    await clearRequestLog(adopt.emu.url);
    await provider.create(renamed);
    expect(await operations()).toEqual(["CreateFunction 200"]);
  });
});
