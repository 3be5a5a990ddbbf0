/**
 * Runs the Pulumi CLI (`pulumi` on the PATH of `env`) and collects what it prints. With a
 * `progress` writer, says what is running, that it still runs (every HEARTBEAT_MS) and how it
 * ended. With `streamSteps` too, one line per resource step from the engine's event log
 * (`--event-log`, cli/progress/event-log.ts): only for a CLI that accepts that flag (Pulumi
 * 3.248 rejects it as unknown, so the commands do not ask for it yet).
 */
import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { followEventLog } from "./progress/event-log";
import { resourceLine, type Progress } from "./progress/reporter";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PulumiWhere {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Given: progress lines while pulumi runs (commands that plan steps stream them per resource). */
  progress?: Progress;
  /** Stream resource steps: only with a Pulumi CLI that accepts `--event-log`. */
  streamSteps?: boolean;
}

function spawnPulumi(args: string[], where: PulumiWhere): Promise<PulumiResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd: where.cwd, env: where.env });
    let stdout = "";
    let stderr = "";
    // Decoded as UTF-8 streams, so a character split between two chunks arrives whole.
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (e) => reject(new Error(`cannot run pulumi: ${e.message}`)));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function withStepStream(args: string[], where: PulumiWhere, progress: Progress): Promise<PulumiResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cloudfn-events-"));
  const log = path.join(dir, "events.jsonl");
  const follower = followEventLog(log, (e) => {
    const line = resourceLine(e);
    if (line) progress(line);
  });
  try {
    return await spawnPulumi([...args, "--event-log", log], where);
  } finally {
    await follower.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const HEARTBEAT_MS = 5000;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export async function runPulumi(args: string[], where: PulumiWhere): Promise<PulumiResult> {
  const progress = where.progress;
  if (!progress) return spawnPulumi(args, where);
  progress(`running pulumi ${args.join(" ")}`);
  const started = Date.now();
  const heartbeat = setInterval(() => progress(`pulumi ${args[0]} still running (${seconds(started)})`), HEARTBEAT_MS);
  let result: PulumiResult;
  try {
    result = where.streamSteps ? await withStepStream(args, where, progress) : await spawnPulumi(args, where);
  } finally {
    clearInterval(heartbeat);
  }
  progress(
    `pulumi ${args[0]} ${result.code === 0 ? "done" : `failed (exit ${result.code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result;
}
