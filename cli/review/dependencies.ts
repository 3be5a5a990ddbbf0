/**
 * Dependency changes in words: files under `node_modules/` are summarised per package as
 * `name old → new` instead of listed file by file. Versions come from the code manifest: the
 * version of the package's own `node_modules/<name>/package.json`, else the lockfile's
 * entry (`package-lock.json` `packages["node_modules/<name>"].version`). A package whose files
 * changed but whose versions are not in the manifest is reported as changed, without versions.
 */
import type { CodeManifest, ManifestFile } from "../../provider/core/code-manifest";

export interface DependencyChange {
  /** Package name, with the path of nested copies (`a/node_modules/b`) kept for tell-apart. */
  name: string;
  old?: string;
  new?: string;
  status: "added" | "removed" | "changed";
}

const LOCKFILES = new Set(["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]);

export const isLockfile = (path: string) => LOCKFILES.has(path.slice(path.lastIndexOf("/") + 1));

/** The package a file under node_modules belongs to (`node_modules/@s/x/lib/a.js` → `@s/x`); none for others. */
export function packageOf(path: string): string | undefined {
  const at = path.lastIndexOf("node_modules/");
  if (at < 0 || (at > 0 && path[at - 1] !== "/")) return undefined;
  const parts = path.slice(at + "node_modules/".length).split("/");
  const name = parts[0].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  if (!name || parts.length < (parts[0].startsWith("@") ? 3 : 2)) return undefined;
  const nest = path.slice(0, at).replace(/\/$/, "");
  return nest ? `${nest.replace(/^node_modules\//, "")}/node_modules/${name}` : name;
}

function versionFromJson(
  text: string | undefined,
  pick: (json: Record<string, unknown>) => unknown,
): string | undefined {
  if (text === undefined) return undefined;
  try {
    const v = pick(JSON.parse(text) as Record<string, unknown>);
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Versions of every package the manifest knows one of, keyed like packageOf. */
export function versionsOf(manifest: CodeManifest | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of manifest?.files ?? []) {
    if (f.path === "package-lock.json" || f.path === "npm-shrinkwrap.json") {
      for (const [name, version] of lockPackages(f)) if (!out.has(name)) out.set(name, version);
    }
  }
  for (const [dir, version] of Object.entries(manifest?.versions ?? {})) {
    const name = packageOf(`${dir}/package.json`);
    if (name) out.set(name, version);
  }
  // Manifests of cloudfn 0.1.0 kept the package.json texts instead.
  for (const f of manifest?.files ?? []) {
    const name = packageOf(f.path);
    if (!name || !f.path.endsWith(`node_modules/${name.split("/node_modules/").pop()}/package.json`)) continue;
    const version = versionFromJson(f.text, (j) => j.version);
    if (version) out.set(name, version);
  }
  return out;
}

function lockPackages(f: ManifestFile): Map<string, string> {
  const out = new Map<string, string>();
  if (f.text === undefined) return out;
  try {
    const packages = (JSON.parse(f.text) as { packages?: Record<string, { version?: string }> }).packages ?? {};
    for (const [key, entry] of Object.entries(packages)) {
      const name = packageOf(`${key}/package.json`);
      if (name && typeof entry.version === "string") out.set(name, entry.version);
    }
  } catch {
    // A lockfile that is not JSON (cut short, yarn's format): its versions are just not known.
  }
  return out;
}

/** One entry per package with a changed, added or removed file, in name order. */
export function dependencyChanges(
  changedPaths: string[],
  oldM: CodeManifest | undefined,
  newM: CodeManifest | undefined,
): DependencyChange[] {
  const names = [...new Set(changedPaths.map(packageOf).filter((n): n is string => n !== undefined))].sort();
  const [olds, news] = [versionsOf(oldM), versionsOf(newM)];
  const inOld = new Set((oldM?.files ?? []).map((f) => packageOf(f.path)));
  const inNew = new Set((newM?.files ?? []).map((f) => packageOf(f.path)));
  return names.map((name) => {
    const status = !inOld.has(name) ? "added" : !inNew.has(name) ? "removed" : "changed";
    const c: DependencyChange = { name, status };
    if (status !== "added" && olds.has(name)) c.old = olds.get(name);
    if (status !== "removed" && news.has(name)) c.new = news.get(name);
    return c;
  });
}
