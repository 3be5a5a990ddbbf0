import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import * as pulumi from "@pulumi/pulumi";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY, archiveToZip, sha256Hex } from "./archive";

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function tmpdir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cloudfn-archive-"));
  made.push(dir);
  return dir;
}

async function writeTree(dir: string, files: [string, string][]): Promise<void> {
  for (const [name, text] of files) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
}

const wireFileArchive = (p: string) => ({ [SIG_KEY]: ARCHIVE_SIG, path: p });

describe("archiveToZip", () => {
  it("gives the same bytes regardless of creation order and mtimes", async () => {
    const a = await tmpdir();
    const b = await tmpdir();
    await writeTree(a, [
      ["index.js", "exports.handler = 1"],
      ["lib/util.js", "u"],
      ["README", "r"],
    ]);
    await writeTree(b, [
      ["README", "r"],
      ["lib/util.js", "u"],
      ["index.js", "exports.handler = 1"],
    ]);
    await fs.utimes(path.join(b, "index.js"), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const za = await archiveToZip(wireFileArchive(a));
    const zb = await archiveToZip(new pulumi.asset.FileArchive(b));
    expect(za.equals(zb)).toBe(true);
    expect(sha256Hex(za)).toBe(sha256Hex(zb));
  });

  it("sorts entries, fixes the date to 1980-01-01 and keeps only the exec bit", async () => {
    const dir = await tmpdir();
    await writeTree(dir, [
      ["b.sh", "#!/bin/sh"],
      ["a.js", "x"],
    ]);
    await fs.chmod(path.join(dir, "b.sh"), 0o750);
    await fs.chmod(path.join(dir, "a.js"), 0o600);
    const zip = await JSZip.loadAsync(await archiveToZip(wireFileArchive(dir)));
    const files = Object.values(zip.files);
    expect(files.map((f) => f.name)).toEqual(["a.js", "b.sh"]);
    expect(files.map((f) => (f.unixPermissions as number) & 0o777)).toEqual([0o644, 0o755]);
    expect(files.every((f) => f.date.toISOString() === "1980-01-01T00:00:00.000Z")).toBe(true);
  });

  it("treats an AssetArchive of StringAssets, FileAssets and nested archives like the equivalent folder", async () => {
    const dir = await tmpdir();
    await writeTree(dir, [
      ["index.js", "main"],
      ["lib/a.js", "a"],
    ]);
    const libDir = await tmpdir();
    await writeTree(libDir, [["a.js", "a"]]);
    const fromFolder = await archiveToZip(new pulumi.asset.FileArchive(dir));
    const fromAssets = await archiveToZip(
      new pulumi.asset.AssetArchive({
        lib: new pulumi.asset.FileArchive(libDir),
        "index.js": new pulumi.asset.StringAsset("main"),
      }),
    );
    expect(fromAssets.equals(fromFolder)).toBe(true);
    const wire = {
      [SIG_KEY]: ARCHIVE_SIG,
      assets: { "index.js": { [SIG_KEY]: ASSET_SIG, path: path.join(dir, "index.js") }, lib: wireFileArchive(libDir) },
    };
    expect((await archiveToZip(wire)).equals(fromFolder)).toBe(true);
  });

  it("re-zips a .zip FileArchive deterministically (same content as the folder)", async () => {
    const dir = await tmpdir();
    await writeTree(dir, [["index.js", "main"]]);
    const src = new JSZip();
    src.file("index.js", "main", { date: new Date(2020, 5, 5) });
    const zipPath = path.join(await tmpdir(), "code.zip");
    await fs.writeFile(zipPath, await src.generateAsync({ type: "nodebuffer" }));
    expect((await archiveToZip(wireFileArchive(zipPath))).equals(await archiveToZip(wireFileArchive(dir)))).toBe(true);
  });

  it("resolves relative paths against the process cwd (the Pulumi project dir)", async () => {
    const dir = await tmpdir();
    await writeTree(dir, [["app/index.js", "x"]]);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const rel = await archiveToZip(wireFileArchive("app"));
      expect(rel.equals(await archiveToZip(wireFileArchive(path.join(dir, "app"))))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it("rejects remote archives and empty archives with clear messages", async () => {
    await expect(archiveToZip(new pulumi.asset.RemoteArchive("https://example.com/a.zip"))).rejects.toThrow(
      "remote archives are not supported; use a FileArchive or an AssetArchive",
    );
    await expect(archiveToZip(new pulumi.asset.AssetArchive({}))).rejects.toThrow("the archive contains no files");
    await expect(archiveToZip("nope")).rejects.toThrow("expected a Pulumi archive (FileArchive or AssetArchive)");
  });
});
