import * as pulumi from "@pulumi/pulumi";
import {
  MANIFEST_INPUT,
  MAX_FILES,
  TEXT_FILE_LIMIT,
  TEXT_TOTAL_LIMIT,
  codeManifest,
  manifestAfterRead,
  manifestInput,
  manifestOf,
} from "./code-manifest";
import { toStored } from "./stored-manifest";
import { UNKNOWN } from "./diff";

const files = (entries: [string, string | Buffer][]) =>
  new Map(entries.map(([p, d]) => [p, Buffer.isBuffer(d) ? d : Buffer.from(d)]));

describe("code manifest", () => {
  it("lists files sorted by path with size and SHA-256, and the text of small text files", () => {
    const m = manifestOf(
      files([
        ["b.js", "exports.b = 1;\n"],
        ["a.bin", Buffer.from([0, 1, 2])],
      ]),
    );
    expect(m.files.map((f) => f.path)).toEqual(["a.bin", "b.js"]);
    expect(m.files[0]).toEqual({
      path: "a.bin",
      size: 3,
      sha256: "ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc",
    });
    expect(m.files[1].text).toBe("exports.b = 1;\n");
  });

  it("keeps no text for files over the per-file limit, nor beyond the total budget", () => {
    const big = "x".repeat(TEXT_FILE_LIMIT + 1);
    const chunk = "y".repeat(TEXT_FILE_LIMIT);
    const many = Array.from(
      { length: TEXT_TOTAL_LIMIT / TEXT_FILE_LIMIT + 1 },
      (_, i) => [`f${String(i).padStart(2, "0")}.js`, chunk] as [string, string],
    );
    const m = manifestOf(files([["big.js", big], ...many]));
    expect(m.files.find((f) => f.path === "big.js")!.text).toBeUndefined();
    const withText = m.files.filter((f) => f.text !== undefined);
    expect(withText).toHaveLength(TEXT_TOTAL_LIMIT / TEXT_FILE_LIMIT);
    expect(m.files[m.files.length - 1].text).toBeUndefined();
  });

  it("lists at most MAX_FILES files and counts the rest", () => {
    const m = manifestOf(files(Array.from({ length: MAX_FILES + 3 }, (_, i) => [`f${i}`, ""] as [string, string])));
    expect(m.files).toHaveLength(MAX_FILES);
    expect(m.omitted).toBe(3);
  });

  it("reads archives, strings (one file named after the entry) and skips unknown code", async () => {
    const archive = new pulumi.asset.AssetArchive({
      "index.js": new pulumi.asset.StringAsset("a"),
      "lib/x.js": new pulumi.asset.StringAsset("b"),
    });
    expect((await codeManifest(archive))!.files.map((f) => [f.path, f.text])).toEqual([
      ["index.js", "a"],
      ["lib/x.js", "b"],
    ]);
    expect((await codeManifest("exports.main = 1", "main.js"))!.files.map((f) => f.path)).toEqual(["main.js"]);
    expect(await codeManifest(UNKNOWN)).toBeUndefined();
    expect(await manifestInput(undefined)).toEqual({});
    expect(Object.keys(await manifestInput("x"))).toEqual([MANIFEST_INPUT]);
  });

  it("lists the same archive content once, and other content anew", async () => {
    const archive = (text: string) => new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(text) });
    const first = await codeManifest(archive("one"));
    expect(await codeManifest(archive("one"))).toBe(first);
    const other = await codeManifest(archive("two"));
    expect(other).not.toBe(first);
    expect(other!.files[0].text).toBe("two");
  });

  it("keeps a recorded manifest through a refresh while the code is unchanged, in today's form", async () => {
    const manifest = manifestOf(files([["index.js", "x"]]));
    const stored = toStored(manifest);
    const never = async (): Promise<boolean> => {
      throw new Error("the recorded manifest is enough");
    };
    expect(await manifestAfterRead({ [MANIFEST_INPUT]: stored }, true, never)).toEqual({ [MANIFEST_INPUT]: stored });
    expect(await manifestAfterRead({ [MANIFEST_INPUT]: manifest }, true, never)).toEqual({ [MANIFEST_INPUT]: stored });
    expect(await manifestAfterRead({ [MANIFEST_INPUT]: stored }, false, never)).toEqual({});
  });
});
