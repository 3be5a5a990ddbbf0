import type { CodeManifest } from "./code-manifest";
import { HASH_CHARS, readManifest, sameHash, toStored } from "./stored-manifest";

const hash = (c: string) => c.repeat(64);
const manifest: CodeManifest = {
  files: [
    { path: "index.js", size: 20, sha256: hash("a"), text: 'exports.handler = "x";\n\tdone\r\n' },
    { path: "lib/a b.js", size: 3, sha256: hash("b") },
    { path: "lib/back\\slash.js", size: 1, sha256: hash("c"), text: "\\n is not a newline" },
    { path: "node_modules/qs/index.js", size: 9925, sha256: hash("d") },
    { path: "package.json", size: 2, sha256: hash("e"), text: "{}" },
    { path: "tab\tname/x.js", size: 0, sha256: hash("f"), text: "" },
  ],
  versions: { "node_modules/qs": "6.11.0" },
  omitted: 3,
};
const cut = (m: CodeManifest) => ({
  ...m,
  files: m.files.map((f) => ({ ...f, sha256: f.sha256.slice(0, HASH_CHARS) })),
});

describe("the stored manifest", () => {
  it("is one string, one line per file under its folder, and reads back as it was (hashes cut)", () => {
    const stored = toStored(manifest);
    expect(typeof stored).toBe("string");
    expect(stored.split("\n").slice(0, 4)).toEqual([
      "cloudfn-manifest/3",
      'index.js\t20\taaaaaaaa\texports.handler = "x";\\n\\tdone\\r\\n',
      "package.json\t2\teeeeeeee\t{}",
      "lib/",
    ]);
    expect(stored).toContain("\n/version\tnode_modules/qs\t6.11.0\n/omitted\t3");
    expect(readManifest(stored)).toEqual(cut(manifest));
  });

  it("reads an empty manifest and rejects strings that are not one", () => {
    expect(readManifest(toStored({ files: [] }))).toEqual({ files: [] });
    expect(readManifest("[secret]")).toBeUndefined();
    expect(readManifest("cloudfn-manifest/30\nx")).toBeUndefined();
    expect(readManifest(undefined)).toBeUndefined();
  });

  it("reads the earlier forms: 0.1.0's file list and form 2's folders of tuples", () => {
    const v1 = { files: [{ path: "index.js", size: 1, sha256: hash("a") }] };
    expect(readManifest(v1)).toEqual(v1);
    const v2 = {
      v: 2,
      dirs: { "lib/": [["a.js", 3, "bbbbbbbbbbbb"]], "": [["index.js", 1, "aaaaaaaa", "x"]] },
      versions: { "node_modules/qs": "6.11.0" },
    };
    expect(readManifest(v2)).toEqual({
      files: [
        { path: "index.js", size: 1, sha256: "aaaaaaaa", text: "x" },
        { path: "lib/a.js", size: 3, sha256: "bbbbbbbbbbbb" },
      ],
      versions: { "node_modules/qs": "6.11.0" },
    });
  });

  it("compares hashes of any two forms by their common prefix", () => {
    expect(sameHash(hash("a"), "aaaaaaaa")).toBe(true);
    expect(sameHash("aaaaaaab", hash("a"))).toBe(false);
    expect(sameHash("", hash("a"))).toBe(false);
  });
});
