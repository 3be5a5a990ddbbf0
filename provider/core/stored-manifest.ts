/**
 * The code manifest as stored in state. The engine rewrites the whole state after every step,
 * so this form is compact: files grouped by folder as `[name, size, hash]` tuples (a 4th item,
 * the text, for the user's own small files), and hashes cut to HASH_CHARS hex digits of the
 * SHA-256 — enough to tell a changed file from an unchanged one, which is all a review needs
 * (the whole package's change is told by the full `codeHash`).
 *
 * Manifests stored by cloudfn 0.1.0 (`{ files: [{ path, size, sha256, text? }] }`) are read as
 * they are, and earlier v2 manifests kept 12 digits; hashes of any two forms compare by their
 * common prefix (`sameHash`).
 */
import type { CodeManifest, ManifestFile } from "./code-manifest";

export const HASH_CHARS = 8;

type StoredFile = [name: string, size: number, hash: string] | [name: string, size: number, hash: string, text: string];

export interface StoredManifest {
  v: 2;
  /** Folder (with its trailing `/`, `""` for the top) → its files in name order. */
  dirs: Record<string, StoredFile[]>;
  versions?: Record<string, string>;
  omitted?: number;
}

function split(p: string): [string, string] {
  const slash = p.lastIndexOf("/");
  return [p.slice(0, slash + 1), p.slice(slash + 1)];
}

export function toStored(m: CodeManifest): StoredManifest {
  const dirs: Record<string, StoredFile[]> = {};
  for (const f of m.files) {
    const [dir, name] = split(f.path);
    const hash = f.sha256.slice(0, HASH_CHARS);
    (dirs[dir] ??= []).push(f.text === undefined ? [name, f.size, hash] : [name, f.size, hash, f.text]);
  }
  return {
    v: 2,
    dirs,
    ...(m.versions ? { versions: m.versions } : {}),
    ...(m.omitted ? { omitted: m.omitted } : {}),
  };
}

function fromStored(s: StoredManifest): CodeManifest {
  const files = Object.entries(s.dirs).flatMap(([dir, list]) =>
    list.map(([name, size, sha256, text]): ManifestFile => {
      const f: ManifestFile = { path: dir + name, size, sha256 };
      if (text !== undefined) f.text = text;
      return f;
    }),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ...(s.versions ? { versions: s.versions } : {}), ...(s.omitted ? { omitted: s.omitted } : {}) };
}

/** A stored manifest of either form as a CodeManifest; anything else (absent, `[secret]`, unknown) is none. */
export function readManifest(value: unknown): CodeManifest | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Partial<StoredManifest> & Partial<CodeManifest>;
  if (v.v === 2 && v.dirs && typeof v.dirs === "object") return fromStored(v as StoredManifest);
  return Array.isArray(v.files) ? (value as CodeManifest) : undefined;
}

/** Hashes of the same content, whichever form (full or cut) each was stored in. */
export function sameHash(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return n > 0 && a.slice(0, n) === b.slice(0, n);
}
