/**
 * The code manifest: what a function's code is made of, file by file (path, size, SHA-256), with
 * the text of the user's own small text files (never under node_modules), so `cloudfn review`
 * can show which files a change adds, removes or modifies and a source diff of the small ones —
 * without the whole package in state. It is stored compact (stored-manifest.ts).
 *
 * Each function resource's `check` stores it under `__codeManifest` (MANIFEST_INPUT). The `__`
 * prefix keeps it out of the engine's `preview --diff` display (internal keys are hidden there);
 * the providers' diffs compare declared fields only, so it never causes a diff by itself. It
 * lands in the checked inputs, so `preview --json` carries it in old and new state alike; it is
 * not copied into outputs (the engine keeps the inputs anyway).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ASSET_SIG, SIG_KEY, archiveEntries, isArchive, sha256Hex, type Entry } from "./archive";
import { entriesDigest } from "./zip-cache";
import { remember } from "./recent";
import { containsUnknown } from "./diff";
import { readManifest, toStored, type StoredManifest } from "./stored-manifest";

export const MANIFEST_INPUT = "__codeManifest";
/** Text is kept for files up to this size… */
export const TEXT_FILE_LIMIT = 2 * 1024;
/** …while the texts kept add up to at most this much (files in path order): every byte is in state. */
export const TEXT_TOTAL_LIMIT = 4 * 1024;
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
  /**
   * Package folder under node_modules (`node_modules/left-pad`) → the version its package.json
   * says: what a review reports for dependencies, now that no text under node_modules is kept.
   */
  versions?: Record<string, string>;
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
    const own = !p.split("/").includes("node_modules");
    const text = own && data.length <= TEXT_FILE_LIMIT && data.length <= budget ? textOf(data) : undefined;
    if (text !== undefined) {
      entry.text = text;
      budget -= data.length;
    }
    return entry;
  });
  const versions = packageVersions(sorted);
  return {
    files: listed,
    ...(Object.keys(versions).length > 0 ? { versions } : {}),
    ...(sorted.length > MAX_FILES ? { omitted: sorted.length - MAX_FILES } : {}),
  };
}

const PACKAGE_JSON = /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/;

function packageVersions(files: [string, Buffer][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, data] of files) {
    if (!PACKAGE_JSON.test(p)) continue;
    try {
      const version = (JSON.parse(data.toString("utf8")) as { version?: unknown }).version;
      if (typeof version === "string") out[p.slice(0, -"/package.json".length)] = version;
    } catch {
      // Not JSON: the package's version is just not known.
    }
  }
  return out;
}

/** Manifests of archive contents by content digest: every resource sharing a folder lists it once. */
const archiveManifests = new Map<string, CodeManifest>();
const MAX_CACHED_MANIFESTS = 64;

/** The manifest of files read by archiveEntries, listed once per content. */
export function archiveManifest(entries: Map<string, Entry>): CodeManifest {
  const digest = entriesDigest(entries);
  const known = archiveManifests.get(digest);
  if (known) return known;
  const manifest = manifestOf(new Map([...entries].map(([p, e]) => [p, e.data])));
  return remember(archiveManifests, digest, manifest, MAX_CACHED_MANIFESTS);
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
    if (isArchive(code)) return archiveManifest(await archiveEntries(code));
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

/** `{ __codeManifest }` (the stored form) to spread into checked inputs, or nothing. */
export async function manifestInput(code: unknown, singleFileName?: string): Promise<Record<string, StoredManifest>> {
  return storedInput(await codeManifest(code, singleFileName));
}

/** `{ __codeManifest }` of a manifest already computed, or nothing. */
export function storedInput(manifest: CodeManifest | undefined): Record<string, StoredManifest> {
  return manifest ? { [MANIFEST_INPUT]: toStored(manifest) } : {};
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

/**
 * The manifest a refresh keeps in the inputs (outputs never hold one since 0.2): the one an
 * earlier cloudfn recorded in the outputs, else that of the declared code when it still builds
 * to what is deployed (`sameCode`); nothing once the deployed code drifted.
 */
export async function manifestAfterRead(
  old: Record<string, unknown> | undefined,
  codeUnchanged: boolean,
  sameCode: () => Promise<boolean>,
): Promise<Record<string, StoredManifest>> {
  if (!codeUnchanged || !old) return {};
  const stored = old[MANIFEST_INPUT];
  const recorded = readManifest(stored);
  // Today's form is kept as it is; an earlier one is rewritten in today's.
  if (recorded) return typeof stored === "string" ? { [MANIFEST_INPUT]: stored } : storedInput(recorded);
  if (old.code === undefined) return {};
  try {
    return (await sameCode()) ? await manifestInput(old.code) : {};
  } catch {
    return {};
  }
}
