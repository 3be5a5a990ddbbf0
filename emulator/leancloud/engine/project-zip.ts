/**
 * Zips a LeanEngine project folder the way `lean deploy` does (its default .leanignore for
 * Node: `.git/`, `.DS_Store`, `.avoscloud/`, `.leancloud/`, `node_modules/`), deterministically
 * (sorted entries, fixed dates) so the same folder is the same digest.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";

const IGNORED = new Set([".git", ".DS_Store", ".avoscloud", ".leancloud", "node_modules"]);
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

async function addFolder(zip: JSZip, root: string, rel: string): Promise<void> {
  for (const name of (await fs.readdir(path.join(root, rel))).sort()) {
    if (IGNORED.has(name)) continue;
    const relPath = rel ? `${rel}/${name}` : name;
    const stat = await fs.stat(path.join(root, relPath));
    if (stat.isDirectory()) await addFolder(zip, root, relPath);
    else if (stat.isFile())
      zip.file(relPath, await fs.readFile(path.join(root, relPath)), { date: FIXED_DATE, createFolders: false });
  }
}

export async function zipProject(folder: string): Promise<Buffer> {
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error(`not a folder: ${folder}`);
  const zip = new JSZip();
  await addFolder(zip, folder, "");
  if (Object.keys(zip.files).length === 0) throw new Error(`the folder ${folder} holds no files to deploy`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
