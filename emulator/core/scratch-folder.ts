/**
 * The emulator's scratch folder in the temp folder: unpacked function code, transpiled child
 * scripts, MinApp work files. One per process, made on first use and removed when the last
 * running emulator closes, so nothing the emulator writes outlives it.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

let root: string | undefined;
let holders = 0;
const forgetHooks: (() => void)[] = [];

/** A path inside the scratch folder (the folder is created, the path itself is not). */
export function scratchPath(...parts: string[]): string {
  root ??= mkdtempSync(path.join(tmpdir(), "cloudfn-emulator-"));
  return path.join(root, ...parts);
}

/** Caches of what lies in the scratch folder register here to be emptied when it goes. */
export function onScratchRemoved(forget: () => void): void {
  forgetHooks.push(forget);
}

/** Keeps the scratch folder while held; the last release removes it. Releasing twice is harmless. */
export function holdScratchFolder(): () => void {
  holders++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders > 0 || root === undefined) return;
    rmSync(root, { recursive: true, force: true });
    root = undefined;
    for (const forget of forgetHooks) forget();
  };
}
