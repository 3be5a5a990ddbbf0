/**
 * Guards the layering README.md's "Layout" states: the emulator never imports provider/ (the
 * facts both need live in platform/), and platform/ imports neither provider/ nor emulator/.
 * Imports are resolved against the importing file, so every relative spelling is caught.
 */
import { readFileSync, readdirSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
/** `from "x"`, `import("x")`, `require("x")` and bare `import "x"`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : tsFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Top-level folders of the repository that a file's relative imports reach. */
export function importedTopFolders(file: string, source: string): string[] {
  const folders: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[1];
    if (!specifier.startsWith(".")) continue;
    const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier));
    folders.push(target.split(path.sep)[0]);
  }
  return folders;
}

function offenders(folder: string, forbidden: string[]): string[] {
  return tsFiles(path.join(ROOT, folder)).flatMap((file) => {
    const reached = importedTopFolders(file, readFileSync(file, "utf8"));
    return reached
      .filter((top) => forbidden.includes(top))
      .map((top) => `${path.relative(ROOT, file)} imports ${top}/`);
  });
}

describe("layering", () => {
  it("the emulator never imports provider/", () => {
    expect(offenders("emulator", ["provider"])).toEqual([]);
  });

  it("platform/ imports neither provider/ nor emulator/", () => {
    expect(offenders("platform", ["provider", "emulator"])).toEqual([]);
  });

  it("sees every relative spelling of an import", () => {
    const file = path.join(ROOT, "emulator", "x", "y.ts");
    const source = [
      'import { a } from "../../provider/core/archive";',
      "const b = require('../../provider/minapp/api');",
      'const c = import("../../platform/common/hash");',
      'import "../../provider/functiongraph/signer";',
      'import { d } from "zod";',
    ].join("\n");
    expect(importedTopFolders(file, source)).toEqual(["provider", "provider", "platform", "provider"]);
  });
});
