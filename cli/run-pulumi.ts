/**
 * Runs the Pulumi CLI (`pulumi` on the PATH of `env`) and collects what it prints. With a
 * `progress` writer, says what is running, that it still runs (every HEARTBEAT_MS) and how it
 * ended. With `streamSteps` (a `preview --json` only), the preview streams its engine events
 * (cli/progress/engine-events.ts): one progress line per resource as its step is planned, and
 * the digest the caller expects on stdout is rebuilt from those events.
 */
import { spawn } from "child_process";
import { digestOf, splitEvents, type EngineEvent } from "./progress/engine-events";
import { resourceLine, type Progress } from "./progress/reporter";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PulumiWhere {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Given: progress lines while pulumi runs. */
  progress?: Progress;
  /** For `preview --json`: a progress line per resource step; stdout still holds the digest. */
  streamSteps?: boolean;
}

function spawnPulumi(args: string[], where: PulumiWhere, onStdout?: (chunk: string) => void): Promise<PulumiResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd: where.cwd, env: where.env });
    let stdout = "";
    let stderr = "";
    // Decoded as UTF-8 streams, so a character split between two chunks arrives whole.
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      onStdout?.(d);
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (e) => reject(new Error(`cannot run pulumi: ${e.message}`)));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A whole digest already (a CLI that ignores the streaming switch prints one): kept as it is. */
function isDigest(stdout: string): boolean {
  try {
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    return typeof parsed === "object" && parsed !== null && !("sequence" in parsed);
  } catch {
    return false;
  }
}

async function withStepStream(args: string[], where: PulumiWhere, progress?: Progress): Promise<PulumiResult> {
  const env = { ...where.env, PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "1" };
  const events: EngineEvent[] = [];
  let rest = "";
  const take = (text: string) => {
    const split = splitEvents(text);
    rest = split.rest;
    for (const e of split.events) {
      events.push(e);
      const line = resourceLine(e);
      if (line) progress?.(line);
    }
  };
  const result = await spawnPulumi(args, { ...where, env }, (chunk) => take(rest + chunk));
  take(rest + "\n");
  if (isDigest(result.stdout)) return result;
  return { ...result, stdout: JSON.stringify(digestOf(events), null, 2) };
}

const HEARTBEAT_MS = 5000;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function runOnce(args: string[], where: PulumiWhere): Promise<PulumiResult> {
  return where.streamSteps ? withStepStream(args, where, where.progress) : spawnPulumi(args, where);
}

export async function runPulumi(args: string[], where: PulumiWhere): Promise<PulumiResult> {
  const progress = where.progress;
  if (!progress) return runOnce(args, where);
  progress(`running pulumi ${args.join(" ")}`);
  const started = Date.now();
  const heartbeat = setInterval(() => progress(`pulumi ${args[0]} still running (${seconds(started)})`), HEARTBEAT_MS);
  let result: PulumiResult;
  try {
    result = await runOnce(args, where);
  } finally {
    clearInterval(heartbeat);
  }
  progress(
    `pulumi ${args[0]} ${result.code === 0 ? "done" : `failed (exit ${result.code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return result;
}
