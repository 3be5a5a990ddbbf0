/**
 * Pulumi archives → deterministic zip bytes, so the same files always give the same bytes and
 * the same `codeHash` (cheap diffs and previews, and a stable digest for the adopt path).
 *
 * Determinism: entries sorted by path, a fixed date (1980-01-01 UTC, the DOS epoch), unix modes
 * 0644 or 0755 (only the exec bit survives), DEFLATE at a fixed level, no folder entries.
 *
 * Archives reach us in three shapes: the plain signature objects the dynamic-provider host
 * passes (`toJavaScript()` of the gRPC struct), @pulumi/pulumi asset objects whose fields are
 * Promises (direct calls, tests), or the same with plain fields. All are handled. Relative paths
 * resolve against the process cwd, which the engine sets to the Pulumi project directory.
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { cachedZip } from "./zip-cache";
import { readFolder, statLine } from "./folder-reads";
import { remember } from "./recent";
import { sha256Hex } from "../../platform/common/hash";

/** Keys the Pulumi wire format uses to tag assets and archives. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));
const DEFLATE_LEVEL = 6;

export interface Entry {
  data: Buffer;
  executable: boolean;
}
type Entries = Map<string, Entry>;

type Loose = Record<string, unknown>;

/** True when `value` looks like a Pulumi archive in any of the accepted shapes. */
export function isArchive(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const v = value as Loose;
  return v[SIG_KEY] === ARCHIVE_SIG || v.__pulumiArchive === true;
}

function isAsset(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const v = value as Loose;
  return v[SIG_KEY] === ASSET_SIG || v.__pulumiAsset === true;
}

/** Fields of asset objects may be Promises; plain objects have them directly. */
async function field<T>(obj: Loose, name: string): Promise<T | undefined> {
  return (await (obj[name] as T | Promise<T> | undefined)) ?? undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  return ((await fs.stat(file)).mode & 0o111) !== 0;
}

async function addZip(data: Buffer, prefix: string, out: Entries): Promise<void> {
  const zip = await JSZip.loadAsync(data);
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const mode = typeof file.unixPermissions === "number" ? file.unixPermissions : 0;
    out.set(`${prefix}${file.name}`, { data: await file.async("nodebuffer"), executable: (mode & 0o111) !== 0 });
  }
}

async function addFileArchive(p: string, prefix: string, out: Entries, stats: string[]): Promise<void> {
  const full = path.resolve(process.cwd(), p);
  const stat = await fs.stat(full);
  if (stat.isDirectory()) {
    const folder = readFolder(full, stat);
    stats.push(folder.statsKey);
    for (const [name, entry] of folder.entries) out.set(`${prefix}${name}`, entry);
    return;
  }
  stats.push(statLine(full, stat));
  if (/\.(zip|jar)$/i.test(full)) return addZip(await fs.readFile(full), prefix, out);
  throw new Error(`unsupported archive file "${p}": only directories and .zip/.jar files are supported`);
}

async function assetEntry(asset: Loose, name: string): Promise<Entry> {
  const text = await field<string>(asset, "text");
  if (text !== undefined) return { data: Buffer.from(text, "utf8"), executable: false };
  const p = await field<string>(asset, "path");
  if (p !== undefined) {
    const full = path.resolve(process.cwd(), p);
    return { data: await fs.readFile(full), executable: await isExecutable(full) };
  }
  throw new Error(`asset "${name}": remote assets are not supported; use a FileAsset or StringAsset`);
}

/** `stats` gathers the stats of every file read by path; undefined once a member has none. */
async function addArchive(archive: Loose, prefix: string, out: Entries, stats: string[]): Promise<void> {
  const assets = await field<Record<string, Loose>>(archive, "assets");
  if (assets) {
    for (const name of Object.keys(assets).sort()) {
      const member = assets[name];
      if (isArchive(member)) await addArchive(member, `${prefix}${name}/`, out, stats);
      else if (isAsset(member)) out.set(`${prefix}${name}`, await assetEntry(member, name));
      else throw new Error(`archive member "${name}" is neither an asset nor an archive`);
    }
    return;
  }
  const p = await field<string>(archive, "path");
  if (p !== undefined) return addFileArchive(p, prefix, out, stats);
  throw new Error("remote archives are not supported; use a FileArchive or an AssetArchive");
}

/** Orders [name, value] pairs as sort() orders plain names (UTF-16 code units). */
function byName([a]: [string, unknown], [b]: [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Zips the entries in sorted order with fixed metadata. */
async function writeZip(entries: Entries): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, entry] of [...entries].sort(byName)) {
    zip.file(name, entry.data, {
      date: FIXED_DATE,
      unixPermissions: entry.executable ? 0o100755 : 0o100644,
      createFolders: false,
    });
  }
  return zip.generateAsync({
    type: "nodebuffer",
    platform: "UNIX",
    compression: "DEFLATE",
    compressionOptions: { level: DEFLATE_LEVEL },
  });
}

/** The stats key of each entries map read from a FileArchive (a path, then its files' stats). */
const statsKeys = new WeakMap<Entries, string>();

/**
 * A FileArchive of a folder, as folder-reads.ts keeps it: the same Map while the folder is
 * unchanged, so what is memoized on it (digest, zip, manifest) is found without hashing again.
 */
async function wholeFolder(archive: Loose): Promise<Entries | undefined> {
  const p = await field<string>(archive, "path");
  if (p === undefined || (await field(archive, "assets")) !== undefined) return undefined;
  const full = path.resolve(process.cwd(), p);
  const stat = await fs.stat(full);
  if (!stat.isDirectory()) return undefined;
  const { entries, statsKey } = readFolder(full, stat);
  if (entries.size === 0) throw new Error("the archive contains no files");
  statsKeys.set(entries, statsKey);
  return entries;
}

/** The files of a Pulumi archive by path (what the zip holds), for manifests and the zip itself. */
export async function archiveEntries(archive: unknown): Promise<Map<string, Entry>> {
  if (!isArchive(archive)) throw new Error("expected a Pulumi archive (FileArchive or AssetArchive)");
  const folder = await wholeFolder(archive as Loose);
  if (folder) return folder;
  const entries: Entries = new Map();
  const stats: string[] = [];
  await addArchive(archive as Loose, "", entries, stats);
  if (entries.size === 0) throw new Error("the archive contains no files");
  // Only a FileArchive is wholly described by stats; an AssetArchive is found by content alone.
  if (await field<string>(archive as Loose, "path")) statsKeys.set(entries, stats.join("\n"));
  return entries;
}

/** Deterministic zip bytes of files read by archiveEntries; the same content is zipped once per process (zip-cache.ts). */
export function entriesToZip(entries: Map<string, Entry>): Promise<Buffer> {
  return cachedZip(statsKeys.get(entries), entries, writeZip);
}

/**
 * Deterministic zip bytes of a Pulumi archive. `checkedHash`, the SHA-256 that `check` recorded
 * for it, returns the zip check built in this process as it is, without reading the files again:
 * create and update then upload exactly the code whose hash the engine holds.
 */
export async function archiveToZip(archive: unknown, checkedHash?: string): Promise<Buffer> {
  const built = checkedHash === undefined ? undefined : zipsByHash.get(checkedHash);
  return built ?? entriesToZip(await archiveEntries(archive));
}

/** Zips by their SHA-256, as zipSha256 found them; the oldest goes first. */
const zipsByHash = new Map<string, Buffer>();
const MAX_ZIPS_BY_HASH = 64;
const zipHashes = new WeakMap<Buffer, string>();

/** SHA-256 of a zip from archiveToZip: cached zips are the same Buffer, so each is hashed once. */
export function zipSha256(zip: Buffer): string {
  let hash = zipHashes.get(zip);
  if (hash === undefined) {
    zipHashes.set(zip, (hash = sha256Hex(zip)));
    remember(zipsByHash, hash, zip, MAX_ZIPS_BY_HASH);
  }
  return hash;
}

const base64s = new WeakMap<Buffer, string>();

/** Base64 of a zip, encoded once per Buffer: every create of a shared folder sends the same text. */
export function zipBase64(zip: Buffer): string {
  let text = base64s.get(zip);
  if (text === undefined) base64s.set(zip, (text = zip.toString("base64")));
  return text;
}

/** The digests live in platform/common because the emulator computes the same ones. */
export { sha256Hex, sha512Hex } from "../../platform/common/hash";
