/**
 * Zipping is the costly part of building code (DEFLATE: about 200 ms of CPU for a 550 KB app),
 * and the same folder is zipped by check and again by create, for every resource that shares
 * it. So each process zips a given content once: entries are found by the archive's path and
 * the stats (path, size, mtime, mode) of every file under it, and a hit is used only when the
 * digest of the files just read equals the digest of the files that were zipped — a file edited
 * within the same mtime tick, at the same size, is zipped again rather than served stale.
 * Archives without a path (AssetArchive, StringAsset members) are found by that digest alone.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import type { Entry } from "./archive";

interface CachedZip {
  digest: string;
  zip: Promise<Buffer>;
}

/** Enough for every code folder of a big stack; the oldest entry goes first. */
const MAX_ENTRIES = 64;
const cache = new Map<string, CachedZip>();

/** Counters for tests and the benchmark. */
export const zipCacheStats = { hits: 0, misses: 0 };

export function clearZipCache(): void {
  cache.clear();
  zipCacheStats.hits = 0;
  zipCacheStats.misses = 0;
}

async function statLines(full: string, rel: string, out: string[]): Promise<void> {
  const stat = await fs.stat(full);
  out.push(`${rel}:${stat.size}:${stat.mtimeMs}:${stat.mode}`);
  if (!stat.isDirectory()) return;
  for (const name of (await fs.readdir(full)).sort()) await statLines(path.join(full, name), `${rel}/${name}`, out);
}

/** `path + stats of every file under it`, for an archive given by path; undefined otherwise. */
async function statsKey(archive: unknown): Promise<string | undefined> {
  const p: unknown = await (archive as { path?: unknown }).path;
  if (typeof p !== "string") return undefined;
  const full = path.resolve(process.cwd(), p);
  const lines = [full];
  try {
    await statLines(full, "", lines);
  } catch {
    return undefined;
  }
  return lines.join("\n");
}

/** SHA-256 over names, exec bits and contents in name order: equal digests, equal zips. */
export function entriesDigest(entries: Map<string, Entry>): string {
  const h = createHash("sha256");
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, e] of sorted) {
    h.update(`${name}\0${e.executable ? 1 : 0}\0${e.data.length}\0`).update(e.data);
  }
  return h.digest("hex");
}

/** The zip of `entries` (read from `archive`), built by `write` at most once per content. */
export async function cachedZip(
  archive: unknown,
  entries: Map<string, Entry>,
  write: (entries: Map<string, Entry>) => Promise<Buffer>,
): Promise<Buffer> {
  const digest = entriesDigest(entries);
  const key = (await statsKey(archive)) ?? `content:${digest}`;
  const hit = cache.get(key);
  if (hit?.digest === digest) {
    zipCacheStats.hits++;
    return hit.zip;
  }
  zipCacheStats.misses++;
  const zip = write(entries);
  cache.delete(key);
  cache.set(key, { digest, zip });
  const oldest = cache.keys().next();
  if (cache.size > MAX_ENTRIES && !oldest.done) cache.delete(oldest.value);
  zip.catch(() => cache.delete(key));
  return zip;
}
