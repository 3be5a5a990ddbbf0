/** What a command may touch: its output streams, the environment and the working directory. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A bad command line: reported with the command's usage, exit code 2. */
export class UsageError extends Error {}

export interface Command {
  /** One line for `cloudfn --help`. */
  summary: string;
  /** The command's options, printed with `--help` and after a usage error. */
  usage: string;
  /** Resolves to the exit code: 0 nothing to report, 1 something to report, 2 error. */
  run(args: string[], io: Io): Promise<number>;
}
