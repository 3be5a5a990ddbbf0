/** The package's own files (schema.json, package.json), found from here in the sources and in dist/. */
import { existsSync, readFileSync } from "fs";
import * as path from "path";

export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "pulumi-cloudfn"
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`pulumi-cloudfn's package.json not found above ${from}`);
  }
}

export const readSchema = (): string => readFileSync(path.join(packageRoot(), "schema.json"), "utf8");

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
