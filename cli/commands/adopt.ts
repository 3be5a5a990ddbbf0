/**
 * `cloudfn adopt --platform functiongraph|minapp|leancloud [--prefix P]`: lists what already exists
 * on a platform (FunctionGraph: functions, triggers of every type, async-invoke configs, dependency
 * versions, workflows, adopt-fg-*.ts; LeanCloud: each group's deployed versions and variables,
 * adopt-leancloud.ts) and prints a TypeScript program that adopts them (`adopt: true`, current
 * configuration, code as a placeholder path). Credentials and endpoints are found as the
 * providers find them: the selected stack's `cloudfn:*` config, then the environment variables
 * (provider/<platform>/config.ts); with `--profile`, that named profile's settings first, and
 * every printed resource carries `profile` (cli/profile.ts). The calls go through the providers'
 * own clients. Read-only: it never changes anything. Exit 0.
 */
import * as path from "path";
import { FunctionGraphClient } from "../../provider/functiongraph/client";
import { resolveSettings as fgSettings } from "../../provider/functiongraph/config";
import { MinAppClient } from "../../provider/minapp/client";
import { defaultEnvironmentId, resolveSettings as minappSettings } from "../../provider/minapp/config";
import { UsageError, type Command, type Io } from "../io";
import { minappSnippet } from "./adopt-snippet";
import { fgInventory } from "./adopt-fg-inventory";
import { functionGraphProgram, inventorySummary } from "./adopt-fg-program";
import { listLeanCloud } from "./adopt-leancloud";
import { readStackConfig, withStackConfig } from "../stack-config";
import { profileUsage, inPlatformProfile, parseProfile, withProfileArgs } from "../profile";

const USAGE = [
  "usage: cloudfn adopt --platform functiongraph|minapp|leancloud [--prefix P] [--package PKG] [--profile P] [--stack S] [--cwd DIR]",
  "",
  "  --platform  the platform to list; credentials and endpoints as the providers find them: the",
  "              stack's cloudfn:* config (cloudfn:emulator included), then the environment variables",
  "              (HW_ACCESS_KEY/..., MINAPP_CLIENT_ID/..., LEANCLOUD_APP_ID/..., see docs/cli.md)",
  "  --prefix    only objects whose name starts with P (LeanCloud: group names)",
  "  --package   FunctionGraph only: only this package",
  profileUsage(14, "(the printed resources carry it, so the program deploys back into that account)"),
  "  --stack     the stack whose config to read (default: the selected stack, if in a Pulumi project)",
  "  --cwd       the Pulumi project folder (default: the current folder)",
].join("\n");

interface Options {
  platform: string;
  prefix: string;
  package?: string;
  profile?: string;
  stack?: string;
  cwd?: string;
}

const FLAGS = ["--platform", "--prefix", "--package", "--profile", "--stack", "--cwd"];

export function parseAdoptArgs(args: string[]): Options {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (!FLAGS.includes(flag)) throw new UsageError(`unknown option "${args[i]}"`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    values[flag.slice(2)] = value;
  }
  if (!values.platform) throw new UsageError("--platform is required");
  if (!["functiongraph", "minapp", "leancloud"].includes(values.platform))
    throw new UsageError(`--platform must be functiongraph, minapp or leancloud; got "${values.platform}"`);
  const { platform, prefix = "", package: pkg, stack, cwd } = values;
  const profile = values.profile === undefined ? undefined : parseProfile(values.profile);
  return { platform, prefix, package: pkg, profile, stack, cwd };
}

async function listFunctionGraph(io: Io, o: Options): Promise<string> {
  const inventory = await fgInventory(new FunctionGraphClient(fgSettings(io.env)), o);
  io.err(inventorySummary(inventory));
  return functionGraphProgram(inventory);
}

async function listMinApp(io: Io, o: Options): Promise<string> {
  const environmentId = defaultEnvironmentId(io.env);
  const ma = new MinAppClient(minappSettings(io.env), environmentId);
  const found = [];
  for await (const f of ma.listFunctions()) if (f.name.startsWith(o.prefix)) found.push(f);
  io.err(`cloudfn adopt: ${found.length} MinApp cloud function(s)\n`);
  return minappSnippet(found, environmentId);
}

const LISTERS: Partial<Record<string, (io: Io, o: Options) => Promise<string>>> = {
  functiongraph: listFunctionGraph,
  minapp: listMinApp,
  leancloud: (i: Io, o: Options) => listLeanCloud(i, o.prefix),
};

export const adoptCommand: Command = {
  summary: "list existing functions and print a program that adopts them",
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(USAGE + "\n");
      return 0;
    }
    const options = parseAdoptArgs(args);
    const list = LISTERS[options.platform];
    // parseAdoptArgs only lets known platforms through.
    if (!list) throw new Error(`no lister for platform "${options.platform}"`);
    const run = { cwd: path.resolve(io.cwd, options.cwd ?? "."), env: io.env, stack: options.stack };
    const config = await readStackConfig(io, run);
    const { platform, profile } = options;
    const program = await withStackConfig(config, () =>
      inPlatformProfile(platform, profile, io.env, () => list(io, options)),
    );
    io.out(withProfileArgs(program, profile));
    return 0;
  },
};
