/**
 * Where a child-process script lives. A build emits `<name>.js` next to its `<name>.ts`; when the
 * emulator runs from TypeScript sources (ts-jest) the script is transpiled once with the
 * TypeScript compiler (a dev dependency, present whenever sources are) into the scratch folder. The
 * scripts import node built-ins only (and erased `import type`s), so they run from anywhere.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { onScratchRemoved, scratchPath } from "../scratch-folder";

export interface ChildScript {
  /** Folder of the script's source (the caller's __dirname). */
  dir: string;
  /** File name without extension, e.g. "runner". */
  name: string;
  /** Sub-folder of the temp folder that holds the transpiled copy. */
  tempFolder: string;
  /** File-name prefix of the transpiled copy (it ends with a content hash). */
  prefix: string;
}

const cache = new Map<string, string>();
// A transpiled copy goes with the scratch folder; forget it so the next run writes it again.
onScratchRemoved(() => cache.clear());

export function childScriptPath(script: ChildScript): string {
  const source = path.join(script.dir, `${script.name}.ts`);
  const known = cache.get(source);
  if (known) return known;
  const compiled = path.join(script.dir, `${script.name}.js`);
  const file = existsSync(compiled) ? compiled : transpiled(source, script);
  cache.set(source, file);
  return file;
}

function transpiled(source: string, script: ChildScript): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const out = ts.transpileModule(readFileSync(source, "utf8"), { compilerOptions });
  const dir = scratchPath(script.tempFolder);
  mkdirSync(dir, { recursive: true });
  const file = path.join(
    dir,
    `${script.prefix}-${createHash("sha256").update(out.outputText).digest("hex").slice(0, 16)}.js`,
  );
  if (!existsSync(file)) writeFileSync(file, out.outputText);
  return file;
}
