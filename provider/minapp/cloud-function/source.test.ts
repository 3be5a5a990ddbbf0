import { promises as fs } from "fs";
import * as path from "path";
import * as vm from "vm";
import * as pulumi from "@pulumi/pulumi";
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY } from "../../core/archive";
import { buildSource, bundleStats, clearBundleCache, syntaxError } from "./source";
import { tempTree } from "../../../tests/helpers/temp-dirs";

const tree = async (files: Record<string, string>) => tempTree("cloudfn-minapp-src-", files);

const APP = {
  "index.js": 'const greet = require("./lib/greet");\nexports.main = async (event) => greet(event.data.name);\n',
  "lib/greet.js": "module.exports = (n) => `hi ${n}`;\n",
};

// esbuild-wasm compiles its WebAssembly on first use: seconds on a busy machine.
jest.setTimeout(60_000);

describe("buildSource", () => {
  it("uses strings and assets as they are, with LF line endings", async () => {
    expect(await buildSource("exports.main = 1;\r\nx();\r")).toBe("exports.main = 1;\nx();\n");
    expect(await buildSource(new pulumi.asset.StringAsset("exports.main = 2;"))).toBe("exports.main = 2;");
    const dir = await tree({ "fn.js": "exports.main = 3;\r\n" });
    expect(await buildSource({ [SIG_KEY]: ASSET_SIG, path: path.join(dir, "fn.js") })).toBe("exports.main = 3;\n");
  });

  it("bundles a folder from its entry into one CommonJS file that runs", async () => {
    const dir = await tree(APP);
    const source = await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: dir });
    expect(source).not.toMatch(/require\("\.\/lib\/greet"\)/);
    expect(source).toContain("// lib/greet.js");
    expect(source).not.toContain(dir);
    const mod = { exports: {} as any };
    vm.compileFunction(source, ["exports", "require", "module"])(mod.exports, require, mod);
    await expect(mod.exports.main({ data: { name: "ann" } })).resolves.toBe("hi ann");
  });

  it("gives the same bytes for the folder, a copy elsewhere and the equivalent AssetArchive", async () => {
    // Each built afresh: the per-process bundle cache would otherwise hand back the first.
    const a = await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: await tree(APP) });
    clearBundleCache();
    const b = await buildSource(new pulumi.asset.FileArchive(await tree(APP)));
    clearBundleCache();
    const c = await buildSource(
      new pulumi.asset.AssetArchive({
        "index.js": new pulumi.asset.StringAsset(APP["index.js"]),
        lib: new pulumi.asset.AssetArchive({ "greet.js": new pulumi.asset.StringAsset(APP["lib/greet.js"]) }),
      }),
    );
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(bundleStats.builds).toBe(1);
  });

  it("bundles the same files once per process, however many resources and steps ask", async () => {
    clearBundleCache();
    const dir = await tree(APP);
    const sources = await Promise.all(
      Array.from({ length: 4 }, () => buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: dir })),
    );
    expect(new Set(sources).size).toBe(1);
    expect(bundleStats.builds).toBe(1);
    await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: dir }, "lib/greet.js");
    expect(bundleStats.builds).toBe(2);
  });

  it("honours another entry file and explains a missing one or an unresolved import", async () => {
    const dir = await tree({ "src/main.js": "exports.main = () => 1;", "index.js": 'require("./nope");' });
    expect(await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: dir }, "src/main.js")).toContain(
      "exports.main = () => 1;",
    );
    await expect(buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: dir }, "app.js")).rejects.toThrow(
      'the entry file "app.js" is not in the archive',
    );
    await expect(buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: dir })).rejects.toThrow(
      /index\.js:1: Could not resolve "\.\/nope"/,
    );
  });

  it("rejects other values", async () => {
    await expect(buildSource(42)).rejects.toThrow(/must be a string, a FileAsset/);
  });
});

describe("syntaxError", () => {
  it("accepts CommonJS modules, including top-level return", () => {
    expect(syntaxError("exports.main = async (e) => e.data;\nif (false) return;")).toBeUndefined();
  });

  it("names the line and the parser's message", () => {
    expect(syntaxError("exports.main = async (e) => {\n  return e.data +;\n};")).toBe(
      "line 2: SyntaxError: Unexpected token ';'",
    );
  });
});

describe("bundles do not depend on their surroundings", () => {
  it("ignores a tsconfig.json above the folder, and an empty entry gives an empty source", async () => {
    const dir = await tree({
      "tsconfig.json": '{"compilerOptions":{"strict":true}}',
      "app/index.js": "exports.main = () => 1;\n",
    });
    const source = await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: path.join(dir, "app") });
    expect(source).not.toContain("use strict");
    expect(source).toBe(
      await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: await tree({ "index.js": "exports.main = () => 1;\n" }) }),
    );
    await fs.writeFile(path.join(dir, "app/index.js"), "  \n");
    expect(await buildSource({ [SIG_KEY]: ARCHIVE_SIG, path: path.join(dir, "app") })).toBe("");
  });
});
