/**
 * `--profile <name>` of the commands that call a platform (`adopt`, `drift`'s unmanaged scan):
 * the platform's settings are resolved exactly as for a resource with `profile: "<name>"`
 * (docs/providers.md), through the providers' own mechanism (provider/core/call-profile.ts).
 */
import { PROFILE_NAME_RULE } from "../provider/core/profile";
import * as fg from "../provider/functiongraph/config";
import * as lc from "../provider/leancloud/config";
import * as ma from "../provider/minapp/config";
import { UsageError } from "./io";

const PLATFORMS = { functiongraph: fg, minapp: ma, leancloud: lc } as const;

/** The help lines every such command shows, its text starting at `column` like the command's other options. */
export function profileUsage(column: number, ...more: string[]): string {
  const text = [
    "a named provider profile: its settings (stack config cloudfn:profiles.<name>.*, then",
    "<VARIABLE>_<NAME> variables) first, then the default ones, as for a resource's `profile`",
    ...more,
  ];
  return text.map((t, i) => (i === 0 ? "  --profile".padEnd(column) : " ".repeat(column)) + t).join("\n");
}

/** A `--profile` value, or a usage error naming the rule. */
export function parseProfile(value: string): string {
  if (!PROFILE_NAME_RULE.test(value))
    throw new UsageError(`--profile must be 1-63 letters, digits, '-' and '_', starting with a letter; got "${value}"`);
  return value;
}

/**
 * Runs `work` with `profile` (none: the default configuration, as before) resolving the
 * platform's settings from the stored stack config and `env`; a profile that sets nothing for the
 * platform fails before any call, naming the keys and variables looked for.
 */
export function inPlatformProfile<T>(
  platform: string,
  profile: string | undefined,
  env: NodeJS.ProcessEnv,
  work: () => Promise<T>,
): Promise<T> {
  const config = PLATFORMS[platform as keyof typeof PLATFORMS];
  if (!config) throw new Error(`unknown platform "${platform}"`);
  return config.inCallProfile(profile, work, env);
}

/**
 * A printed adopt program whose resources all carry `profile`, so it deploys back into the
 * account it was read from. Every printer writes a resource's first argument line as exactly
 * `    adopt: true,` (nested values are indented deeper and strings never span lines), so the
 * profile goes right below each of those lines.
 */
export function withProfileArgs(program: string, profile: string | undefined): string {
  if (profile === undefined) return program;
  const line = `    profile: ${JSON.stringify(profile)},`;
  const note = `// Read with profile "${profile}": deploy with the same stack config (cloudfn:profiles.${profile}.*).`;
  const lines = program.split("\n").flatMap((l) => (l === "    adopt: true," ? [l, line] : [l]));
  const after = lines.findIndex((l) => l === "");
  return [...lines.slice(0, after), note, ...lines.slice(after)].join("\n");
}
