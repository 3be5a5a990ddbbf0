/**
 * Reads a zip's central directory (names and Unix modes only, no data) to refuse, at upload,
 * archives the emulator would later fail to unpack or unpack somewhere unsafe: entries with an
 * absolute path or a `..` segment, and symbolic links (which could point anywhere on the host).
 * Synchronous on purpose: the create handlers that call it are synchronous.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;

interface CentralEntry {
  name: string;
  isSymlink: boolean;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const last = zip.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  return -1;
}

/** Every central-directory entry, or a sentence saying why the directory cannot be read. */
export function centralEntries(zip: Buffer): CentralEntry[] | string {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return "the archive has no end-of-central-directory record";
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      return "the archive's central directory is damaged";
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const host = zip.readUInt8(at + 5);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    entries.push({ name, isSymlink: host === UNIX_HOST && (mode & FILE_TYPE_MASK) === SYMLINK_TYPE });
    at += 46 + skip;
  }
  return entries;
}

function entryProblem(entry: CentralEntry): string | undefined {
  const name = entry.name.replace(/\\/g, "/");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name))
    return `entry ${JSON.stringify(entry.name)} has an absolute path`;
  if (name.split("/").includes("..")) return `entry ${JSON.stringify(entry.name)} leaves the archive's folder (..)`;
  if (entry.isSymlink) return `entry ${JSON.stringify(entry.name)} is a symbolic link`;
  return undefined;
}

/** Why the archive must be refused, or undefined when every entry is a plain file or folder. */
export function unsafeZipReason(zip: Buffer): string | undefined {
  const entries = centralEntries(zip);
  if (typeof entries === "string") return entries;
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) return problem;
  }
  return undefined;
}
