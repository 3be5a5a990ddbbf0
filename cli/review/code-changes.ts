/**
 * File-level code changes between two code manifests (provider/core/code-manifest.ts): which
 * files were added, removed or modified, with sizes, and a unified diff where both texts (or
 * the one text of an added or removed file) were kept in the manifest.
 */
import { createTwoFilesPatch } from "diff";
import type { CodeManifest, ManifestFile } from "../../provider/core/code-manifest";
import { readManifest, sameHash } from "../../provider/core/stored-manifest";
import { dependencyChanges, isLockfile, packageOf, type DependencyChange } from "./dependencies";

export type FileStatus = "added" | "removed" | "modified";

export interface FileChange {
  path: string;
  status: FileStatus;
  oldSize?: number;
  newSize?: number;
  /** Unified diff of the text, when the manifest kept it. */
  patch?: string;
}

export interface CodeChanges {
  /** The user's own files (lockfiles listed without a diff); node_modules is in `dependencies`. */
  files: FileChange[];
  /** Packages under node_modules whose files changed, as `name old → new`. */
  dependencies?: DependencyChange[];
  /** Why the file list is missing or partial, in words (unknown code, no earlier manifest…). */
  note?: string;
}

/** A manifest as found in preview JSON, in either stored form; anything else (absent, `[secret]`, unknown) is none. */
export function asManifest(value: unknown): CodeManifest | undefined {
  return readManifest(value);
}

/** `git diff`-like unified text without jsdiff's `====` banner line. */
function patchOf(path: string, oldText: string | undefined, newText: string | undefined): string {
  const from = oldText === undefined ? "/dev/null" : `a/${path}`;
  const to = newText === undefined ? "/dev/null" : `b/${path}`;
  const text = createTwoFilesPatch(from, to, oldText ?? "", newText ?? "", undefined, undefined, { context: 3 });
  return text.replace(/^=+\n/, "").replace(/\n$/, "");
}

function change(
  path: string,
  oldFile: ManifestFile | undefined,
  newFile: ManifestFile | undefined,
  withPatch: boolean,
): FileChange | undefined {
  if (oldFile && newFile && sameHash(oldFile.sha256, newFile.sha256)) return undefined;
  const status: FileStatus = !oldFile ? "added" : !newFile ? "removed" : "modified";
  const c: FileChange = { path, status };
  if (oldFile) c.oldSize = oldFile.size;
  if (newFile) c.newSize = newFile.size;
  const textKnown =
    (oldFile === undefined || oldFile.text !== undefined) && (newFile === undefined || newFile.text !== undefined);
  if (withPatch && textKnown) c.patch = patchOf(path, oldFile?.text, newFile?.text);
  return c;
}

const byPath = (m: CodeManifest | undefined) => new Map((m?.files ?? []).map((f) => [f.path, f]));

/**
 * Changes from `oldValue` to `newValue` (raw `__codeManifest` inputs). A create lists its files
 * without diffs; an update or replace diffs what changed.
 */
export function codeChanges(oldValue: unknown, newValue: unknown, isCreate: boolean): CodeChanges | undefined {
  const oldM = asManifest(oldValue);
  const newM = asManifest(newValue);
  if (!newM) return isCreate || oldM ? { files: [], note: "the code is not known until the update runs" } : undefined;
  if (!oldM && !isCreate)
    return {
      files: [],
      note: "no file list was recorded for the deployed code (deployed by an older cloudfn, or refreshed)",
    };
  const olds = byPath(oldM);
  const news = byPath(newM);
  const paths = [...new Set([...olds.keys(), ...news.keys()])].sort();
  const all = paths
    .map((p) => change(p, olds.get(p), news.get(p), !isCreate && !isLockfile(p)))
    .filter((c): c is FileChange => c !== undefined);
  const files = all.filter((c) => packageOf(c.path) === undefined);
  const dependencies = dependencyChanges(
    all.map((c) => c.path),
    oldM,
    newM,
  );
  const result: CodeChanges = dependencies.length > 0 ? { files, dependencies } : { files };
  const omitted = (oldM?.omitted ?? 0) + (newM.omitted ?? 0);
  if (omitted > 0) result.note = `only the first files of big packages are listed (${omitted} not compared)`;
  return result;
}
