/**
 * The code manifest as stored in state: one string. The engine saves the whole state after
 * every step, and encodes each nested value by reflection, so a manifest of many small arrays
 * cost it far more than one string of the same length (and more of that is on the critical path
 * of an `up` than anything the provider does). Form 3, lines split by `\n`, fields by tabs:
 *
 *     cloudfn-manifest/3                   the first line
 *     lib/                                 a folder: the files after it are in it (no tab; the
 *                                          top folder, an empty line, is where the list starts)
 *     main.js→54→58c5a2e4[→text]           a file: name, size, hash prefix, and its text if kept
 *     /version→node_modules/qs→6.11.0      a package's version
 *     /omitted→12                          files left out beyond MAX_FILES
 *
 * Names and texts escape `\`, tab, newline and CR as `\\`, `\t`, `\n`, `\r`. A file name never
 * starts with `/`, so tagged lines cannot be mistaken for files. Hashes are cut to HASH_CHARS
 * hex digits of the SHA-256: enough to tell a changed file from an unchanged one, which is all
 * a review needs (the whole package's change is told by the full `codeHash`).
 *
 * Earlier forms are still read: 0.1.0's `{ files: [{ path, size, sha256, text? }] }` and form 2,
 * `{ v: 2, dirs: { folder: [[name, size, hash, text?]] } }` (12, later 8 digits). Hashes of any
 * two forms compare by their common prefix (`sameHash`).
 */
import type { CodeManifest, ManifestFile } from "./code-manifest";

export const HASH_CHARS = 8;
const HEADER = "cloudfn-manifest/3";
const VERSION_TAG = "/version";
const OMITTED_TAG = "/omitted";

/** What `__codeManifest` holds: form 3 (a string), or an earlier object form read as it is. */
export type StoredManifest = string;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const UNESCAPES: Record<string, string> = { "\\": "\\", t: "\t", n: "\n", r: "\r" };
const escape = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c);

function split(p: string): [string, string] {
  const slash = p.lastIndexOf("/");
  return [p.slice(0, slash + 1), p.slice(slash + 1)];
}

export function toStored(m: CodeManifest): StoredManifest {
  const byFolder = new Map<string, string[]>();
  for (const f of m.files) {
    const [dir, name] = split(f.path);
    const fields = [escape(name), String(f.size), f.sha256.slice(0, HASH_CHARS)];
    if (f.text !== undefined) fields.push(escape(f.text));
    const list = byFolder.get(dir) ?? [];
    if (list.length === 0) byFolder.set(dir, list);
    list.push(fields.join("\t"));
  }
  const lines = [HEADER, ...(byFolder.get("") ?? [])];
  byFolder.delete("");
  for (const [dir, files] of byFolder) lines.push(escape(dir), ...files);
  for (const [pkg, version] of Object.entries(m.versions ?? {}))
    lines.push([VERSION_TAG, escape(pkg), escape(version)].join("\t"));
  if (m.omitted) lines.push(`${OMITTED_TAG}\t${m.omitted}`);
  return lines.join("\n");
}

function parseForm3(text: string): CodeManifest {
  const files: ManifestFile[] = [];
  const versions: Record<string, string> = {};
  let omitted = 0;
  let dir = "";
  for (const line of text.split("\n").slice(1)) {
    const fields = line.split("\t");
    if (fields.length === 1) dir = unescape(line);
    else if (fields[0] === VERSION_TAG) versions[unescape(fields[1])] = unescape(fields[2] ?? "");
    else if (fields[0] === OMITTED_TAG) omitted = Number(fields[1]);
    else {
      const [name, size, sha256, fileText] = fields;
      const f: ManifestFile = { path: dir + unescape(name), size: Number(size), sha256 };
      if (fileText !== undefined) f.text = unescape(fileText);
      files.push(f);
    }
  }
  return ordered(files, versions, omitted);
}

type Form2File = [name: string, size: number, hash: string] | [name: string, size: number, hash: string, text: string];
interface Form2 {
  v: 2;
  dirs: Record<string, Form2File[]>;
  versions?: Record<string, string>;
  omitted?: number;
}

function parseForm2(s: Form2): CodeManifest {
  const files = Object.entries(s.dirs).flatMap(([dir, list]) =>
    list.map(([name, size, sha256, text]): ManifestFile => {
      const f: ManifestFile = { path: dir + name, size, sha256 };
      if (text !== undefined) f.text = text;
      return f;
    }),
  );
  return ordered(files, s.versions ?? {}, s.omitted ?? 0);
}

function ordered(files: ManifestFile[], versions: Record<string, string>, omitted: number): CodeManifest {
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files,
    ...(Object.keys(versions).length > 0 ? { versions } : {}),
    ...(omitted ? { omitted } : {}),
  };
}

/** A stored manifest of any form as a CodeManifest; anything else (absent, `[secret]`, unknown) is none. */
export function readManifest(value: unknown): CodeManifest | undefined {
  if (typeof value === "string")
    return value.startsWith(`${HEADER}\n`) || value === HEADER ? parseForm3(value) : undefined;
  if (!value || typeof value !== "object") return undefined;
  const v = value as Partial<Form2> & Partial<CodeManifest>;
  if (v.v === 2 && v.dirs && typeof v.dirs === "object") return parseForm2(v as Form2);
  return Array.isArray(v.files) ? (value as CodeManifest) : undefined;
}

/** Hashes of the same content, whichever form (full or cut) each was stored in. */
export function sameHash(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return n > 0 && a.slice(0, n) === b.slice(0, n);
}
