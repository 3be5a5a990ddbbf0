/**
 * The version of the installed pulumi-cloudfn package, for `--version` of both binaries. Found
 * by walking up from this file, so it works from the sources and from dist/ alike; it lives in
 * platform/common/ because it is the one folder both the emulator and the CLI may import.
 */
import { readFileSync } from "fs";
import * as path from "path";

const PACKAGE_NAME = "pulumi-cloudfn";

interface Manifest {
  name?: string;
  version?: string;
}

function manifestAt(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** The version in the nearest package.json named pulumi-cloudfn at or above `from`. */
export function packageVersion(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const manifest = manifestAt(dir);
    if (manifest?.name === PACKAGE_NAME && manifest.version) return manifest.version;
    if (path.dirname(dir) === dir) throw new Error(`no package.json of ${PACKAGE_NAME} above ${from}`);
  }
}
