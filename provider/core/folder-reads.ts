/**
 * A code folder is read once per process while it stays unchanged. Check and create of every
 * function sharing a folder walk it (three walks per function), and reading and hashing the
 * files is most of a walk's cost: with a 550 KB / 76-file app, about 400 ms of CPU in an `up`
 * of 50 functions, much of it in the checks the engine makes one after another.
 *
 * A walk still lists and stats every file and folder. When those stats (path, size, mtime,
 * ctime, mode, inode) all equal the ones of the last read, that read's entries are returned as
 * they are, the same Map, so the digest, zip and manifest memoized on it are found at once.
 *
 * Racy files: mtime moves in coarse ticks (a few ms on Linux), so a file rewritten within the
 * tick of our read, at the same size, keeps its stats. As git does for its index, a read is
 * trusted only if every file in it was last changed at least `racyMs` (2 s) before the read began;
 * otherwise the next walk reads the folder again.
 */
import { readdirSync, readFileSync, statSync, type Stats } from "fs";
import * as path from "path";
import type { Entry } from "./archive";

/** How long before a read its files must have last changed for the read to be trusted; tests lower it. */
export const folderReadOptions = { racyMs: 2000 };
/** Folders and bytes remembered per process; the least recently used go first. */
const MAX_FOLDERS = 32;
const MAX_BYTES = 256 * 1024 * 1024;

interface Listed {
  rel: string;
  full: string;
  stat: Stats;
}

interface FolderRead {
  statsKey: string;
  entries: Map<string, Entry>;
  trusted: boolean;
  bytes: number;
}

const reads = new Map<string, FolderRead>();

/** Counters for tests. */
export const folderReadStats = { reads: 0, reuses: 0 };

export function clearFolderReads(): void {
  reads.clear();
  folderReadStats.reads = 0;
  folderReadStats.reuses = 0;
}

/** `rel:size:mtime:ctime:mode:ino`: one line of a folder's stats key (and a zip file's). */
export function statLine(rel: string, stat: Stats): string {
  return `${rel}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.mode}:${stat.ino}`;
}

/** Files under `dir` in name order, each with its stats; folders add their stats line only. */
function list(dir: string, prefix: string, files: Listed[], lines: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = statSync(full);
    lines.push(statLine(`${prefix}${name}`, stat));
    if (stat.isDirectory()) list(full, `${prefix}${name}/`, files, lines);
    else if (stat.isFile()) files.push({ rel: `${prefix}${name}`, full, stat });
  }
}

/** Synchronous reads: a promise per file costs several times the read of a small file. */
function readAll(files: Listed[]): Omit<FolderRead, "statsKey"> {
  const started = Date.now();
  const entries = new Map<string, Entry>();
  let newest = 0;
  let bytes = 0;
  for (const { rel, full, stat } of files) {
    const data = readFileSync(full);
    entries.set(rel, { data, executable: (stat.mode & 0o111) !== 0 });
    newest = Math.max(newest, stat.mtimeMs, stat.ctimeMs);
    bytes += data.length;
  }
  return { entries, trusted: started - newest >= folderReadOptions.racyMs, bytes };
}

/** Drops the least recently used reads beyond the limits (the newest always stays). */
function evict(): void {
  let bytes = 0;
  for (const read of reads.values()) bytes += read.bytes;
  for (const [key, read] of reads) {
    if (reads.size <= 1 || (reads.size <= MAX_FOLDERS && bytes <= MAX_BYTES)) return;
    reads.delete(key);
    bytes -= read.bytes;
  }
}

/**
 * The files under folder `full` (names relative to it), and its stats key (the folder's path and
 * the stats of everything under it). The Map is shared between calls: never modify it.
 */
export function readFolder(full: string, folderStat: Stats): { entries: Map<string, Entry>; statsKey: string } {
  const files: Listed[] = [];
  const lines = [`${full}\n${statLine("", folderStat)}`];
  list(full, "", files, lines);
  const statsKey = lines.join("\n");
  const known = reads.get(full);
  reads.delete(full);
  if (known?.trusted && known.statsKey === statsKey) {
    folderReadStats.reuses++;
    reads.set(full, known);
    return known;
  }
  folderReadStats.reads++;
  const read: FolderRead = { statsKey, ...readAll(files) };
  reads.set(full, read);
  evict();
  return read;
}
