import { promises as fs } from "fs";
import * as path from "path";
import { ARCHIVE_SIG, SIG_KEY, archiveEntries } from "./archive";
import { clearFolderReads, folderReadOptions, folderReadStats } from "./folder-reads";
import { tempTree } from "../../tests/helpers/temp-dirs";

const folder = async (files: Record<string, string>) => tempTree("cloudfn-folder-reads-", files);

const wire = (p: string) => ({ [SIG_KEY]: ARCHIVE_SIG, path: p });
const text = async (dir: string, name: string) => String((await archiveEntries(wire(dir))).get(name)?.data);
const defaultRacyMs = folderReadOptions.racyMs;

describe("folder reads", () => {
  beforeEach(clearFolderReads);
  afterEach(() => (folderReadOptions.racyMs = defaultRacyMs));

  it("reads an unchanged folder once and hands back the same entries", async () => {
    folderReadOptions.racyMs = -60_000; // files written just now count as settled
    const dir = await folder({ "index.js": "exports.handler = 1;\n", "lib/a.js": "a\n" });
    const first = await archiveEntries(wire(dir));
    const again = await archiveEntries(wire(dir));
    expect(again).toBe(first);
    expect([...first.keys()]).toEqual(["index.js", "lib/a.js"]);
    expect(folderReadStats).toEqual({ reads: 1, reuses: 1 });
  });

  it("reads again when a file's stats move: changed, added or removed", async () => {
    folderReadOptions.racyMs = -60_000;
    const dir = await folder({ "index.js": "one\n" });
    expect(await text(dir, "index.js")).toBe("one\n");
    await fs.writeFile(path.join(dir, "index.js"), "three\n");
    expect(await text(dir, "index.js")).toBe("three\n");
    await fs.writeFile(path.join(dir, "lib.js"), "x");
    expect([...(await archiveEntries(wire(dir))).keys()]).toEqual(["index.js", "lib.js"]);
    await fs.rm(path.join(dir, "lib.js"));
    expect([...(await archiveEntries(wire(dir))).keys()]).toEqual(["index.js"]);
    expect(folderReadStats).toEqual({ reads: 4, reuses: 0 });
  });

  it("does not trust a read of files changed within the racy window: same size and mtime still show", async () => {
    const dir = await folder({ "index.js": "one\n" });
    const file = path.join(dir, "index.js");
    const { mtime } = await fs.stat(file);
    expect(await text(dir, "index.js")).toBe("one\n");
    await fs.writeFile(file, "two\n");
    await fs.utimes(file, mtime, mtime);
    expect(await text(dir, "index.js")).toBe("two\n");
    expect(folderReadStats.reuses).toBe(0);
  });

  it("keeps the same entries for a folder named by different relative paths", async () => {
    folderReadOptions.racyMs = -60_000;
    const dir = await folder({ "index.js": "x" });
    const viaParent = path.join(dir, "..", path.basename(dir));
    expect(await archiveEntries(wire(viaParent))).toBe(await archiveEntries(wire(dir)));
  });
});
