/**
 * Where the engine host script lives: next to this file once built, or transpiled from
 * host.ts into a temp folder when the emulator runs from TypeScript sources (ts-jest).
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

let cached: string | undefined;

export function hostPath(): string {
  if (cached) return cached;
  const compiled = path.join(__dirname, "host.js");
  if (existsSync(compiled)) return (cached = compiled);
  const source = readFileSync(path.join(__dirname, "host.ts"), "utf8");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require("typescript") as typeof import("typescript");
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const dir = path.join(tmpdir(), "cloudfn-emulator", "leancloud-host");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `host-${createHash("sha256").update(out.outputText).digest("hex").slice(0, 16)}.js`);
  if (!existsSync(file)) writeFileSync(file, out.outputText);
  return (cached = file);
}
