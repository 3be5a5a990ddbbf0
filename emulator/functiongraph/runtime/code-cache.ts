/**
 * Unpacks function code once per digest into the scratch folder (core/scratch-folder.ts), under
 * code/<digest>, so repeated invocations (and several emulators in one process) share the work.
 */
import { existsSync } from "fs";
import { mkdir, rename, rm, writeFile } from "fs/promises";
import JSZip from "jszip";
import * as path from "path";
import { scratchPath } from "../../core/scratch-folder";
import { isZip } from "../validation";
import { unsafeZipReason } from "../../core/zip-entries";

const pending = new Map<string, Promise<string>>();

async function extract(code: Buffer, into: string): Promise<void> {
  if (!isZip(code)) {
    // Inline code that is not a zip is the raw source text of the handler file (docs/reference/functiongraph-api.md §3.2).
    await writeFile(path.join(into, "index.js"), code);
    return;
  }
  // Archives stored before uploads were checked (an old state file) are refused here as well.
  const unsafe = unsafeZipReason(code);
  if (unsafe) throw new Error(`the code package cannot be unpacked: ${unsafe}`);
  const zip = await JSZip.loadAsync(code);
  for (const entry of Object.values(zip.files)) {
    const target = path.resolve(into, entry.name);
    // Zip-slip guard: an entry like ../../x must not escape the function's folder.
    if (target !== into && !target.startsWith(into + path.sep))
      throw new Error(`zip entry escapes the code folder: ${entry.name}`);
    if (entry.dir) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await entry.async("nodebuffer"));
  }
}

async function materialize(digest: string, code: Buffer): Promise<string> {
  const dir = scratchPath("code", digest);
  if (existsSync(path.join(dir, ".ready"))) return dir;
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(tmp, { recursive: true });
  try {
    await extract(code, tmp);
    await writeFile(path.join(tmp, ".ready"), "");
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    // Another process may have finished the same digest first; its copy is as good as ours.
    if (existsSync(path.join(dir, ".ready"))) return dir;
    throw err;
  }
  return dir;
}

/** The folder holding the unpacked code of this digest, unpacking it on first use. */
export function codeDir(digest: string, code: Buffer): Promise<string> {
  let p = pending.get(digest);
  if (!p) {
    p = materialize(digest, code).finally(() => pending.delete(digest));
    pending.set(digest, p);
  }
  return p;
}
