import * as pulumi from "@pulumi/pulumi";
import { withCodeEtag, withImportedCodeHash } from "./imported-code";
import { buildPackage, md5Hex } from "./mapping";
import type { DependencyVersionInputs, DependencyVersionOutputs } from "./schema";

const code = new pulumi.asset.AssetArchive({ "lib.js": new pulumi.asset.StringAsset("module.exports = 1;") });
const news = { name: "lib", runtime: "Node.js18.15", code, codeHash: "h" } as unknown as DependencyVersionInputs;

describe("an imported dependency version's code", () => {
  it("check records the zip's MD5 for old inputs from an import, or from an up that kept its outputs", async () => {
    const etag = md5Hex((await buildPackage(news))!.zip);
    const imported = { name: "lib" } as DependencyVersionInputs;
    expect((await withCodeEtag(imported, { inputs: news })).inputs).toMatchObject({ __codeEtag: etag });
    const afterNoopUp = { name: "lib", codeHash: "h", __codeEtag: etag } as unknown as DependencyVersionInputs;
    expect((await withCodeEtag(afterNoopUp, { inputs: news })).inputs).toMatchObject({ __codeEtag: etag });
    const managed = { name: "lib", codeHash: "h" } as DependencyVersionInputs;
    expect(await withCodeEtag(managed, { inputs: news })).toEqual({ inputs: news });
  });

  it("diff takes the program's hash when the live etag matches, and only then", () => {
    const olds = { name: "lib", etag: "e" } as DependencyVersionOutputs;
    const same = { ...news, __codeEtag: "e" } as DependencyVersionInputs;
    expect(withImportedCodeHash(olds, same).codeHash).toBe("h");
    expect(
      withImportedCodeHash(olds, { ...news, __codeEtag: "x" } as DependencyVersionInputs).codeHash,
    ).toBeUndefined();
    expect(withImportedCodeHash({ ...olds, codeUrl: "https://b/o.zip" }, same).codeHash).toBeUndefined();
  });
});
