/** Temp folders for tests; tests/setup/remove-temp-dirs.ts removes them after each test file. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const made: string[] = [];

/** A fresh folder in the temp folder, e.g. tempDir("cloudfn-emu-"). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
