/**
 * Zipping is the costly part of building code (DEFLATE: about 200 ms of CPU for a 550 KB app),
 * and the same folder is zipped by check and again by create, for every resource that shares
 * it. So each process zips a given content once: entries are found by the archive's path and
 * the stats of every file under it, and a hit is used only when the digest of the files read
 * equals the digest of the files that were zipped. A folder whose stats are unchanged is not
 * read again (folder-reads.ts, which re-reads files changed within a mtime tick of its read).
 * Archives without a path (AssetArchive, StringAsset members) are found by that digest alone.
 */
import { createHash } from "crypto";
import type { Entry } from "./archive";
import { remember } from "./recent";

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

/** Each entries map is read once per call and may be digested by several caches. */
const digests = new WeakMap<Map<string, Entry>, string>();

/** SHA-256 over names, exec bits and contents in name order: equal digests, equal zips. */
export function entriesDigest(entries: Map<string, Entry>): string {
  const known = digests.get(entries);
  if (known !== undefined) return known;
  const h = createHash("sha256");
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, e] of sorted) {
    h.update(`${name}\0${e.executable ? 1 : 0}\0${e.data.length}\0`).update(e.data);
  }
  const digest = h.digest("hex");
  digests.set(entries, digest);
  return digest;
}

/**
 * The zip of `entries`, built by `write` at most once per content. `statsKey` is the archive's
 * path and the stats of the files under it, as read with the entries (archive.ts); without one
 * (an AssetArchive) the content digest is the key.
 */
export async function cachedZip(
  statsKey: string | undefined,
  entries: Map<string, Entry>,
  write: (entries: Map<string, Entry>) => Promise<Buffer>,
): Promise<Buffer> {
  const digest = entriesDigest(entries);
  const key = statsKey ?? `content:${digest}`;
  const hit = cache.get(key);
  if (hit?.digest === digest) {
    zipCacheStats.hits++;
    return hit.zip;
  }
  zipCacheStats.misses++;
  const zip = write(entries);
  remember(cache, key, { digest, zip }, MAX_ENTRIES);
  zip.catch(() => cache.delete(key));
  return zip;
}
