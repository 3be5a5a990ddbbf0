/**
 * `make generate`: writes every file derived from the resource definitions (provider/registry.ts):
 * schema.json, sdk/<platform>/<resource>.ts, sdk/<platform>/resources.ts and enums.ts, and the property
 * tables of docs/<platform>/<resource>.md. `--check` writes nothing and exits 1 naming each file
 * that is out of date (CI also runs `git diff --exit-code` after generating).
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import * as prettier from "prettier";
import { tokenParts, type ResourceDefinition } from "../../provider/core/definition";
import { CONFIG_KEYS, RESOURCES } from "../../provider/registry";
import { withTables } from "./docs";
import { packageSchema, type PackageFacts } from "./schema";
import { platformBarrel, platformEnums, sdkModule } from "./sdk";

/** Run from the repository root (make generate). */
const ROOT = process.cwd();

/** The SDK file name of a resource: the last segment of its implementation folder. */
export const fileOf = (def: ResourceDefinition): string => path.posix.basename(def.implementation);

async function formatted(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

async function outputs(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageFacts;
  const schema = packageSchema(RESOURCES, CONFIG_KEYS, pkg);
  files.set("schema.json", `${JSON.stringify(schema, null, 2)}\n`);
  const byPlatform = new Map<string, { def: ResourceDefinition; file: string }[]>();
  for (const def of RESOURCES) {
    const { platform } = tokenParts(def.token);
    const file = fileOf(def);
    const source = `${def.implementation}/definition.ts`;
    files.set(`sdk/${platform}/${file}.ts`, sdkModule(def, source));
    byPlatform.set(platform, [...(byPlatform.get(platform) ?? []), { def, file }]);
    const page = path.join(ROOT, "docs", def.docs);
    if (existsSync(page)) files.set(`docs/${def.docs}`, withTables(readFileSync(page, "utf8"), def));
    else throw new Error(`${def.token}: its docs page docs/${def.docs} does not exist`);
  }
  for (const [platform, defs] of byPlatform) {
    files.set(`sdk/${platform}/resources.ts`, platformBarrel(defs));
    const enums = platformEnums(defs.map((d) => d.def));
    if (enums !== undefined) files.set(`sdk/${platform}/enums.ts`, enums);
  }
  for (const [file, text] of files)
    if (file.endsWith(".ts")) files.set(file, await formatted(path.join(ROOT, file), text));
  return files;
}

async function main(check: boolean): Promise<void> {
  const stale: string[] = [];
  for (const [file, text] of await outputs()) {
    const target = path.join(ROOT, file);
    const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (current === text) continue;
    stale.push(file);
    if (!check) writeFileSync(target, text);
  }
  if (check && stale.length > 0) {
    for (const file of stale) console.error(`out of date: ${file} (run make generate)`);
    process.exit(1);
  }
  console.log(check ? "generated files are up to date" : `generated: ${stale.length} file(s) changed`);
}

if (require.main === module) {
  main(process.argv.includes("--check")).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
