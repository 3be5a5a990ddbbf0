/**
 * The selected stack's config for commands that call the platforms themselves (`adopt`), read
 * as the providers get it: `pulumi config --json --show-secrets`, then handed to the same
 * per-platform resolution (stack config first, then the environment, then the emulator switch).
 * Outside a Pulumi project there is no stack: the environment alone is used.
 */
import { existsSync } from "fs";
import * as path from "path";
import type { ConfigSource } from "../provider/core/stack-config";
import * as fg from "../provider/functiongraph/config";
import * as lc from "../provider/leancloud/config";
import * as ma from "../provider/minapp/config";
import { stackConfig, type PulumiRun } from "./drift/pulumi";
import type { Io } from "./io";

/** True when `dir` or a parent holds a Pulumi project file (where `pulumi config` would work). */
export function inPulumiProject(dir: string): boolean {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, "Pulumi.yaml")) || existsSync(path.join(at, "Pulumi.yml"))) return true;
    if (path.dirname(at) === at) return false;
  }
}

/**
 * The stack's config values (secrets decrypted, in memory only), or none outside a project.
 * A named stack must be readable; otherwise a failure is reported on stderr and skipped.
 */
export async function readStackConfig(io: Io, run: PulumiRun): Promise<ConfigSource> {
  if (!run.stack && !inPulumiProject(run.cwd)) return { get: () => undefined };
  try {
    const values = await stackConfig(run);
    return { get: (key) => values[key] };
  } catch (e) {
    if (run.stack) throw e;
    io.err(`cloudfn: stack config not read, using environment variables only (${(e as Error).message})\n`);
    return { get: () => undefined };
  }
}

/** Runs `work` with every platform's settings resolved against `source`, then forgets it. */
export async function withStackConfig<T>(source: ConfigSource, work: () => Promise<T>): Promise<T> {
  for (const platform of [fg, lc, ma]) platform.setStackConfig(source);
  try {
    return await work();
  } finally {
    for (const platform of [fg, lc, ma]) platform.clearStackConfig();
  }
}
