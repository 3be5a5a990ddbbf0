/**
 * The code manifest: what a function's code is made of, file by file (path, size, SHA-256), with
 * the text of small text files, so `cloudfn review` can show which files a change adds, removes
 * or modifies and a source diff of the small ones — without the whole package in state.
 *
 * Each function resource's `check` stores it under `__codeManifest` (MANIFEST_INPUT). The `__`
 * prefix keeps it out of the engine's `preview --diff` display (internal keys are hidden there);
 * the providers' diffs compare declared fields only, so it never causes a diff by itself. It
 * lands in the checked inputs, so `preview --json` carries it in old and new state alike.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ASSET_SIG, SIG_KEY, archiveEntries, isArchive, sha256Hex } from "./archive";
import { containsUnknown } from "./diff";

export const MANIFEST_INPUT = "__codeManifest";
/** Text is kept for files up to this size… */
export const TEXT_FILE_LIMIT = 8 * 1024;
/** …while the texts kept add up to at most this much (files in path order). */
export const TEXT_TOTAL_LIMIT = 64 * 1024;
/** Bigger packages (node_modules, say) list their first files only and say so. */
export const MAX_FILES = 2000;

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
  /** UTF-8 text, for small text files within the total budget. */
  text?: string;
}

export interface CodeManifest {
  files: ManifestFile[];
  /** Files left out beyond MAX_FILES. */
  omitted?: number;
}

/** Text when the bytes are UTF-8 that round-trips and has no NUL (so not a binary file). */
function textOf(data: Buffer): string | undefined {
  if (data.includes(0)) return undefined;
  const text = data.toString("utf8");
  return Buffer.from(text, "utf8").equals(data) ? text : undefined;
}

/** The manifest of files given by path; deterministic (sorted by path). */
export function manifestOf(files: Map<string, Buffer>): CodeManifest {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let budget = TEXT_TOTAL_LIMIT;
  const listed = sorted.slice(0, MAX_FILES).map(([p, data]): ManifestFile => {
    const entry: ManifestFile = { path: p, size: data.length, sha256: sha256Hex(data) };
    const text = data.length <= TEXT_FILE_LIMIT && data.length <= budget ? textOf(data) : undefined;
    if (text !== undefined) {
      entry.text = text;
      budget -= data.length;
    }
    return entry;
  });
  return sorted.length > MAX_FILES ? { files: listed, omitted: sorted.length - MAX_FILES } : { files: listed };
}

async function assetBytes(asset: Record<string, unknown>): Promise<Buffer | undefined> {
  const text = await asset.text;
  if (typeof text === "string") return Buffer.from(text, "utf8");
  const p = await asset.path;
  return typeof p === "string" ? fs.readFile(path.resolve(process.cwd(), p)) : undefined;
}

/**
 * The manifest of a `code` input: an archive (its files), or — MinApp — a string or an asset
 * (one file, named `singleFileName`). Undefined when the code is unknown (preview) or cannot be
 * read: `check` reports bad code under its own property, and a review then says "unknown".
 */
export async function codeManifest(code: unknown, singleFileName = "index.js"): Promise<CodeManifest | undefined> {
  if (code === undefined || code === null || containsUnknown(code)) return undefined;
  try {
    if (typeof code === "string") return manifestOf(new Map([[singleFileName, Buffer.from(code, "utf8")]]));
    if (isArchive(code)) {
      const entries = await archiveEntries(code);
      return manifestOf(new Map([...entries].map(([p, e]) => [p, e.data])));
    }
    const asset = code as Record<string, unknown>;
    if (asset[SIG_KEY] === ASSET_SIG || asset.__pulumiAsset === true) {
      const data = await assetBytes(asset);
      return data ? manifestOf(new Map([[singleFileName, data]])) : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** `{ __codeManifest }` to spread into checked inputs, or nothing. */
export async function manifestInput(code: unknown, singleFileName?: string): Promise<Record<string, CodeManifest>> {
  const manifest = await codeManifest(code, singleFileName);
  return manifest ? { [MANIFEST_INPUT]: manifest } : {};
}

/**
 * The recorded manifest to keep through a `read` (refresh), or nothing: kept while the deployed
 * code is still what Pulumi deployed, dropped when it drifted (it would describe files that are
 * no longer there).
 */
export function carriedManifest(old: object | undefined, codeUnchanged: boolean): Record<string, unknown> {
  const manifest = (old as Record<string, unknown> | undefined)?.[MANIFEST_INPUT];
  return codeUnchanged && manifest !== undefined ? { [MANIFEST_INPUT]: manifest } : {};
}
