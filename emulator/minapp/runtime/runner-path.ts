/**
 * Where the MinApp child-process runner lives: runner.js next to this file after a build, or
 * runner.ts transpiled once into a temp folder when running from sources (ts-jest). Same scheme
 * as the FunctionGraph runtime.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

let cached: string | undefined;

export function minappRunnerPath(): string {
  if (cached) return cached;
  const compiled = path.join(__dirname, "runner.js");
  if (existsSync(compiled)) return (cached = compiled);
  const source = readFileSync(path.join(__dirname, "runner.ts"), "utf8");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const dir = path.join(tmpdir(), "cloudfn-emulator", "runner");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `minapp-runner-${createHash("sha256").update(out.outputText).digest("hex").slice(0, 16)}.js`);
  if (!existsSync(file)) writeFileSync(file, out.outputText);
  return (cached = file);
}
