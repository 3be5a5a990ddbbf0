import * as pulumi from "@pulumi/pulumi";
import { sha512Hex } from "../../core/archive";
import { withCodeDigest, withImportedCodeHash } from "./imported-code";
import { buildCode } from "./mapping";
import type { FunctionInputs, FunctionOutputs } from "./schema";

const code = new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = 1;") });
const news = { name: "f", runtime: "Node.js18.15", handler: "index.handler", code, codeHash: "h" } as FunctionInputs;

describe("an imported function's code", () => {
  it("check records the program's digest only when the old inputs came from an import read", async () => {
    const digest = sha512Hex((await buildCode(news))!.zip);
    const imported = await withCodeDigest({ name: "f" } as FunctionInputs, { inputs: news });
    expect(imported.inputs).toMatchObject({ __codeDigest: digest });
    expect(await withCodeDigest({} as FunctionInputs, { inputs: news })).toEqual({ inputs: news });
    const managed = { name: "f", codeHash: "h" } as FunctionInputs;
    expect(await withCodeDigest(managed, { inputs: news })).toEqual({ inputs: news });
    // An up with nothing to do after the import stored the program's inputs, digest included.
    const afterNoopUp = { name: "f", codeHash: "h", __codeDigest: digest } as unknown as FunctionInputs;
    expect((await withCodeDigest(afterNoopUp, { inputs: news })).inputs).toMatchObject({ __codeDigest: digest });
  });

  it("diff takes the program's hash when the live digest matches, and only then", () => {
    const olds = { name: "f", digest: "d" } as FunctionOutputs;
    const same = { ...news, __codeDigest: "d" } as FunctionInputs;
    expect(withImportedCodeHash(olds, same).codeHash).toBe("h");
    expect(withImportedCodeHash(olds, { ...news, __codeDigest: "other" } as FunctionInputs).codeHash).toBeUndefined();
    expect(withImportedCodeHash({ ...olds, codeHash: "old" }, same).codeHash).toBe("old");
  });
});
