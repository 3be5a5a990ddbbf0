#!/usr/bin/env node
/**
 * cloudfn-emulator: starts the emulator and prints its base URL as the FIRST line of stdout
 * (scripts read that line to find a port-0 emulator), then one line per platform request; on
 * stderr, the `pulumi config set` line that points a stack at it.
 * SIGINT/SIGTERM close it cleanly.
 */
import { informationRequested, parseCliArgs, switchHint, usage, UsageError } from "./cli-args";
import { StateFileError } from "./core/state-file";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  const information = informationRequested(process.argv.slice(2));
  if (information !== undefined) {
    process.stdout.write(`${information}\n`);
    return;
  }
  let opts;
  try {
    opts = parseCliArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`cloudfn-emulator: ${err.message}\n${usage()}\n`);
    process.exit(2);
  }
  const emu = await startEmulator({
    ...opts,
    logger: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  });
  process.stdout.write(`${emu.url}\n`);
  process.stderr.write(
    `cloudfn-emulator listening on ${emu.url} (project ${emu.credentials.projectId}, region ${emu.credentials.region}${opts.stateFile ? `, state ${opts.stateFile}` : ""})\n`,
  );
  process.stderr.write(`${switchHint(emu.url, opts)}\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`cloudfn-emulator: ${signal}, shutting down\n`);
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  // A bad state file is the user's input: say what is wrong, not where in the emulator it was found.
  if (err instanceof StateFileError) {
    process.stderr.write(`cloudfn-emulator: ${err.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`cloudfn-emulator: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
