/**
 * Where the child-process runner lives. The build emits runner.js next to this file; when the
 * emulator runs from TypeScript sources (ts-jest), runner.ts is transpiled once with the
 * TypeScript compiler (a dev dependency, present whenever sources are) into a temp folder.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

let cached: string | undefined;

export function runnerPath(): string {
  if (cached) return cached;
  const compiled = path.join(__dirname, "runner.js");
  if (existsSync(compiled)) return (cached = compiled);
  const source = readFileSync(path.join(__dirname, "runner.ts"), "utf8");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const dir = path.join(tmpdir(), "cloudfn-emulator", "runner");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `runner-${createHash("sha256").update(out.outputText).digest("hex").slice(0, 16)}.js`);
  if (!existsSync(file)) writeFileSync(file, out.outputText);
  return (cached = file);
}
