import { promises as fs } from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ARCHIVE_SIG, SIG_KEY, archiveToZip, sha256Hex, zipBase64, zipSha256 } from "./archive";
import type { Entry } from "./archive";
import { cachedZip, clearZipCache, zipCacheStats } from "./zip-cache";
import { tempTree } from "../../tests/helpers/temp-dirs";

const folder = async (files: Record<string, string>) => tempTree("cloudfn-zip-cache-", files);

const wire = (p: string) => ({ [SIG_KEY]: ARCHIVE_SIG, path: p });

describe("the zip cache", () => {
  beforeEach(clearZipCache);

  it("zips a folder once for any number of resources and steps sharing it", async () => {
    const dir = await folder({ "index.js": "exports.handler = 1;\n", "lib/a.js": "a\n" });
    const zips = await Promise.all(Array.from({ length: 5 }, () => archiveToZip(wire(dir))));
    const again = await archiveToZip(new pulumi.asset.FileArchive(dir));
    expect(zipCacheStats).toEqual({ misses: 1, hits: 5 });
    expect(new Set([...zips, again].map(sha256Hex)).size).toBe(1);
  });

  it("zips again when a file changes (its stats move)", async () => {
    const dir = await folder({ "index.js": "exports.handler = 1;\n" });
    const before = sha256Hex(await archiveToZip(wire(dir)));
    await fs.writeFile(path.join(dir, "index.js"), "exports.handler = 22;\n");
    const after = sha256Hex(await archiveToZip(wire(dir)));
    expect(after).not.toBe(before);
    expect(zipCacheStats).toEqual({ misses: 2, hits: 0 });
  });

  it("does not trust equal stats: other content under the same stats is zipped again (verified by hash)", async () => {
    const dir = await folder({ "index.js": "exports.handler = 1;\n" });
    const entries = (text: string) => new Map([["index.js", { data: Buffer.from(text), executable: false }]]);
    const write = async (e: Map<string, Entry>) => Buffer.from(e.get("index.js")!.data);
    // Same folder, same stats on disk: only the digest of what was read tells the two apart.
    const sameStats = `${dir}\nindex.js:21:1700000000000:33188`;
    expect(String(await cachedZip(sameStats, entries("one"), write))).toBe("one");
    expect(String(await cachedZip(sameStats, entries("two"), write))).toBe("two");
    expect(String(await cachedZip(sameStats, entries("two"), write))).toBe("two");
    expect(zipCacheStats).toEqual({ misses: 2, hits: 1 });
  });

  it("finds archives without a path by their content", async () => {
    const archive = () => new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("x") });
    await archiveToZip(archive());
    await archiveToZip(archive());
    expect(zipCacheStats).toEqual({ misses: 1, hits: 1 });
  });

  it("hands create the zip check hashed, by that hash, without reading the folder again", async () => {
    const dir = await folder({ "index.js": "exports.handler = 1;\n" });
    const checked = await archiveToZip(wire(dir));
    const hash = zipSha256(checked);
    await fs.writeFile(path.join(dir, "index.js"), "exports.handler = 2;\n");
    expect(await archiveToZip(wire(dir), hash)).toBe(checked);
    const rebuilt = await archiveToZip(wire(dir));
    expect(zipSha256(rebuilt)).not.toBe(hash);
    expect(await archiveToZip(wire(dir), "0".repeat(64))).toBe(rebuilt);
    expect(zipBase64(checked)).toBe(checked.toString("base64"));
  });
});
