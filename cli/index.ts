#!/usr/bin/env node
/**
 * `cloudfn`: the command-line tools shipped with the package, for GitOps review, drift checks
 * and adopting what already exists. One module per command under cli/commands/; each returns
 * its exit code (0 nothing to report, 1 something to report, 2 error) instead of exiting, so
 * tests can run it in-process.
 */
import { packageVersion } from "../platform/common/package-version";
import { COMMANDS } from "./commands";
import { UsageError, type Io } from "./io";

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  cloudfn ${name.padEnd(8)} ${c.summary}`);
  return (
    [
      "usage: cloudfn <command> [options]",
      "",
      ...lines,
      "",
      "cloudfn <command> --help shows a command's options; cloudfn --version the package version.",
    ].join("\n") + "\n"
  );
}

/** Runs one command line; resolves to the process exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.out(usage());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    io.out(`${packageVersion()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`cloudfn: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    io.err(`cloudfn ${name}: ${(err as Error).message}\n`);
    if (err instanceof UsageError) io.err(command.usage + "\n");
    return 2;
  }
}

if (require.main === module) {
  // main() turns every failure into an exit code; anything else escaping it crashes the process as it should.
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
