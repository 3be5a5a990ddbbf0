/**
 * `cloudfn drift`: what changed outside Pulumi, per resource, with its cause. Runs a refresh
 * preview (never saved: the stack's state is untouched), classifies each resource's refreshed
 * state against the recorded one, and lists functions named with the stack's prefix that the
 * stack does not manage (with `--profile`: in that profile's account, against the resources
 * deployed with it). Exit 0 no drift, 1 drift, 2 error.
 */
import * as path from "path";
import { UsageError, type Command, type Io } from "../io";
import { classifyPreview, managedFunctionNames, platformsOf } from "../drift/classify";
import { refreshPreview, stackConfig, stackName, type PulumiRun } from "../drift/pulumi";
import { renderJson, renderMarkdown } from "../drift/render";
import { findUnmanaged } from "../drift/unmanaged";
import { progressOn } from "../progress/reporter";
import { profileUsage, parseProfile } from "../profile";

const USAGE = `usage: cloudfn drift [--cwd DIR] [--stack NAME] [--format markdown|json] [--prefix PREFIX] [--profile P] [--quiet]
  --cwd      the Pulumi project folder (default: the current folder)
  --stack    the stack (default: the selected stack)
  --format   markdown (default) or json
  --prefix   report functions named with this prefix that the stack does not manage
             (default: stack config cloudfn:driftPrefix; none: not looked for)
${profileUsage(13, "(the account looked in; managed: the stack's resources with that profile)")}
  --quiet    no progress lines on stderr (the report alone goes to stdout either way)`;

interface DriftOptions {
  cwd?: string;
  stack?: string;
  format: "markdown" | "json";
  prefix?: string;
  profile?: string;
  quiet?: boolean;
}

export function parseDriftArgs(args: string[]): DriftOptions {
  const opts: DriftOptions = { format: "markdown" };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === "--quiet") {
      opts.quiet = true;
      continue;
    }
    const value = args[i + 1];
    if (!["--cwd", "--stack", "--format", "--prefix", "--profile"].includes(flag))
      throw new UsageError(`unknown option "${flag}"`);
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    i++;
    if (flag === "--format") {
      if (value !== "markdown" && value !== "json")
        throw new UsageError(`--format must be markdown or json; got "${value}"`);
      opts.format = value;
    } else if (flag === "--profile") opts.profile = parseProfile(value);
    else opts[flag.slice(2) as "cwd" | "stack" | "prefix"] = value;
  }
  return opts;
}

async function run(args: string[], io: Io): Promise<number> {
  if (args.includes("--help")) {
    io.out(USAGE + "\n");
    return 0;
  }
  const opts = parseDriftArgs(args);
  const progress = progressOn((t) => io.err(t), "drift", opts.quiet);
  const pulumi: PulumiRun = { cwd: path.resolve(io.cwd, opts.cwd ?? "."), env: io.env, stack: opts.stack, progress };
  const preview = await refreshPreview(pulumi);
  const config = await stackConfig(pulumi);
  const prefix = opts.prefix ?? config["cloudfn:driftPrefix"];
  const findings = classifyPreview(preview);
  if (prefix) {
    progress(`looking for functions named "${prefix}…" that the stack does not manage`);
    findings.push(
      ...(await findUnmanaged({
        prefix,
        config,
        env: io.env,
        profile: opts.profile,
        platforms: platformsOf(preview, opts.profile),
        managed: managedFunctionNames(preview, opts.profile),
      })),
    );
  }
  const report = {
    stack: opts.stack ?? (await stackName(pulumi)),
    prefix: prefix || undefined,
    profile: prefix ? opts.profile : undefined,
    findings,
  };
  io.out(opts.format === "json" ? renderJson(report) : renderMarkdown(report));
  return findings.length ? 1 : 0;
}

export const drift: Command = {
  summary: "Report what changed outside Pulumi (code, configuration, deletes, unmanaged functions)",
  usage: USAGE,
  run,
};
