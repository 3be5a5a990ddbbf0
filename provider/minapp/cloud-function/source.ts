/**
 * `code` → the one JavaScript file MinApp runs (`function_code`, docs/reference/minapp-api.md §7: a single
 * file, no node_modules upload; the docs tell users to bundle locally for Node).
 *
 * - a string: used as is;
 * - a FileAsset / StringAsset: its text, as is;
 * - a folder FileArchive, a .zip FileArchive or an AssetArchive: bundled from its entry file
 *   (default `index.js`) with esbuild into one CommonJS file for Node 12 (what MinApp runs).
 *   The bundle is deterministic: esbuild runs with the archive root as its working directory,
 *   so only relative paths appear in the output, and zips/AssetArchives are unpacked to a fresh
 *   temp folder with the same layout; no tsconfig.json around the folder is consulted.
 *
 * Line endings are normalised to LF, so a checkout on Windows does not look like a code change.
 * The result is checked to parse as a CommonJS module (compiled, never run).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import JSZip from "jszip";
import type { BuildFailure } from "esbuild-wasm";
import { SIG_KEY, ASSET_SIG, archiveEntries, archiveToZip, isArchive } from "../../core/archive";
import { entriesDigest } from "../../core/zip-cache";

export const DEFAULT_ENTRY = "index.js";
/** MinApp's runtime (console docs: "currently Node 12"). */
export const BUNDLE_TARGET = "node12";

type Loose = Record<string, unknown>;

function isAsset(value: unknown): value is Loose {
  return (
    !!value &&
    typeof value === "object" &&
    ((value as Loose)[SIG_KEY] === ASSET_SIG || (value as Loose).__pulumiAsset === true)
  );
}

async function field<T>(obj: Loose, name: string): Promise<T | undefined> {
  return (await (obj[name] as T | Promise<T> | undefined)) ?? undefined;
}

export const normalizeEol = (text: string) => text.replace(/\r\n?/g, "\n");

async function assetText(asset: Loose): Promise<string> {
  const text = await field<string>(asset, "text");
  if (text !== undefined) return text;
  const p = await field<string>(asset, "path");
  if (p !== undefined) return fs.readFile(path.resolve(process.cwd(), p), "utf8");
  throw new Error("remote assets are not supported; use a FileAsset, a StringAsset or a string");
}

/** A folder holding the archive's files: the folder itself for a folder FileArchive, else a temp copy. */
async function archiveRoot(archive: Loose): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const p = (await field<unknown>(archive, "assets")) === undefined ? await field<string>(archive, "path") : undefined;
  if (p !== undefined) {
    const full = path.resolve(process.cwd(), p);
    if ((await fs.stat(full)).isDirectory()) return { dir: full, cleanup: async () => undefined };
  }
  const zip = await JSZip.loadAsync(await archiveToZip(archive));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cloudfn-minapp-"));
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const target = path.join(dir, file.name);
    if (!target.startsWith(dir + path.sep)) throw new Error(`archive entry "${file.name}" escapes the archive root`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, await file.async("nodebuffer"));
  }
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** esbuild's first error as `file:line: text`; the error's own message when it lists none. */
function bundleFailureText(e: Partial<BuildFailure>): string {
  const first = e.errors?.[0];
  if (!first) return e.message ?? "";
  return `${first.location ? `${first.location.file}:${first.location.line}: ` : ""}${first.text}`;
}

/**
 * Bundles of this process by entry and content digest: check and create (and resources sharing
 * a folder) bundle the same files, and each bundle costs esbuild time (the first one also its
 * WebAssembly start, 1–5 s), so each content is bundled once.
 */
const bundles = new Map<string, Promise<string>>();
export const bundleStats = { builds: 0 };

export function clearBundleCache(): void {
  bundles.clear();
  bundleStats.builds = 0;
}

/** Bundles `entry` of the archive into one CommonJS file, once per content. */
export async function bundleArchive(archive: unknown, entry: string = DEFAULT_ENTRY): Promise<string> {
  // An archive that cannot be listed (empty, say) is bundled as is, for bundleOnce's own message.
  const entries = await archiveEntries(archive).catch(() => undefined);
  if (!entries) return bundleOnce(archive, entry);
  const key = `${entry}\0${entriesDigest(entries)}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = bundleOnce(archive, entry);
    bundles.set(key, bundle);
    bundle.catch(() => bundles.delete(key));
  }
  return bundle;
}

async function bundleOnce(archive: unknown, entry: string): Promise<string> {
  bundleStats.builds++;
  const { dir, cleanup } = await archiveRoot(archive as Loose);
  try {
    const entryText = await fs.readFile(path.join(dir, entry), "utf8").catch(() => {
      throw new Error(`the entry file "${entry}" is not in the archive`);
    });
    if (entryText.trim() === "") return "";
    // Loaded on demand: esbuild-wasm compiles its WebAssembly on first use (~1 s).
    const esbuild = await import("esbuild-wasm");
    const result = await esbuild
      .build({
        entryPoints: [entry],
        absWorkingDir: dir,
        bundle: true,
        write: false,
        platform: "node",
        format: "cjs",
        target: BUNDLE_TARGET,
        charset: "utf8",
        legalComments: "none",
        logLevel: "silent",
        sourcemap: false,
        // Never read a tsconfig.json found above the folder (the Pulumi project's own, say): its
        // options (e.g. "strict" adding "use strict") would make the bundle depend on the project.
        tsconfigRaw: {},
      })
      .catch((e: unknown) => {
        throw new Error(bundleFailureText(e as Partial<BuildFailure>));
      });
    return result.outputFiles[0].text;
  } finally {
    await cleanup();
  }
}

/** The source text MinApp will run, from any accepted `code` shape. */
export async function buildSource(code: unknown, entry?: string): Promise<string> {
  if (typeof code === "string") return normalizeEol(code);
  if (isAsset(code)) return normalizeEol(await assetText(code));
  if (isArchive(code)) return normalizeEol(await bundleArchive(code, entry));
  throw new Error(
    "must be a string, a FileAsset/StringAsset, or a FileArchive/AssetArchive of a folder with an entry file",
  );
}

/** Undefined when the source parses as a CommonJS module; else "line N: message". */
export function syntaxError(source: string): string | undefined {
  try {
    // Compiled as Node compiles a CommonJS module body: line numbers stay, nothing runs.
    vm.compileFunction(source, ["exports", "require", "module", "__filename", "__dirname"], {
      filename: "function_code.js",
    });
    return undefined;
  } catch (e) {
    const err = e as Error;
    const line = /^function_code\.js:(\d+)/.exec(err.stack ?? "")?.[1];
    return `${line ? `line ${line}: ` : ""}${err.name}: ${err.message}`;
  }
}
