/**
 * Node's permission model for function child processes: the child may read only the files and
 * folders it is given (plus its own script) and write nowhere, which keeps function code away
 * from the state file, other functions' code and /proc/<parent>/environ.
 * CLOUDFN_EMULATOR_NO_FS_SANDBOX=1 (in the emulator's environment) turns it off.
 */
import { realpathSync } from "fs";

/** The node flags that confine a child running `script` to reading `readable`. */
export function fsSandboxFlags(script: string, readable: string[]): string[] {
  if (process.env.CLOUDFN_EMULATOR_NO_FS_SANDBOX === "1") return [];
  // Modules load from their real path; a symlinked folder must be allowed under both names.
  const paths = new Set([script, ...readable].flatMap((p) => [p, realPathOr(p)]));
  const allowed = [...paths].map((p) => `--allow-fs-read=${p}`);
  // The feature's start-up warning would otherwise land in every function log.
  return ["--experimental-permission", "--disable-warning=ExperimentalWarning", ...allowed];
}

function realPathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
