/**
 * Runs Node.js handlers in warm child processes (core/child-runtime/warm-pool.ts) with the
 * function's timeout and memory size enforced per invocation, at most `maxConcurrency` at a time
 * (further invocations wait their turn). A worker serves one function version and configuration
 * and one request at a time, as a FunctionGraph instance does; any change of code, handler,
 * memory, timeout, environment or dependencies starts fresh ones.
 * CLOUDFN_EMULATOR_COLD_WORKERS=1 runs every invocation in a fresh process instead;
 * CLOUDFN_EMULATOR_WARM_IDLE_MS sets how long an idle worker lives (default 60 s).
 */
import { createHash } from "crypto";
import * as path from "path";
import type { ChildRun } from "../../core/child-runtime/child-pool";
import type { ProcessSpec } from "../../core/child-runtime/fork-child";
import { childScriptPath } from "../../core/child-runtime/script-path";
import { WarmPool } from "../../core/child-runtime/warm-pool";
import { codeDir } from "./code-cache";
import type { DoneMessage, FunctionErrorBody, InvokeMessage } from "./messages";

export type { FunctionErrorBody } from "./messages";

export interface InvokeJob {
  digest: string;
  code: Buffer;
  handler: string;
  event: unknown;
  requestId: string;
  functionName: string;
  packageName: string;
  projectId: string;
  memorySize: number;
  timeoutSeconds: number;
  /** user_data and decrypted encrypted_user_data: the handler's environment variables. */
  env: Record<string, string>;
  /**
   * Dependency packages (zips, usually holding node_modules/...). Each is unpacked once per
   * digest and its node_modules folder (and root) put on NODE_PATH, so `require` finds them
   * after the function's own node_modules, as on the platform where they sit beside the code.
   */
  dependencies?: { digest: string; code: Buffer }[];
  /**
   * The function (or qualified version) whose warm workers this invocation may use; default
   * project, package and name. Workers are reused only when the configuration matches as well.
   */
  workerFamily?: string;
}

export type InvokeOutcome =
  | { kind: "ok"; result: string; log: string; durationMs: number }
  | { kind: "error"; error: FunctionErrorBody; log: string; durationMs: number }
  | { kind: "timeout"; log: string; durationMs: number };

const RUNNER = { dir: __dirname, name: "runner", tempFolder: "runner", prefix: "runner" };

const DEFAULT_IDLE_MS = 60_000;

export class Executor {
  private readonly pool: WarmPool;

  /** @param maxConcurrency simultaneous invocations, and child processes in all (default 8). */
  constructor(maxConcurrency = 8) {
    this.pool = new WarmPool({
      maxConcurrency,
      idleMs: Number(process.env.CLOUDFN_EMULATOR_WARM_IDLE_MS ?? DEFAULT_IDLE_MS),
      reuse: process.env.CLOUDFN_EMULATOR_COLD_WORKERS !== "1",
    });
  }

  invoke(job: InvokeJob): Promise<InvokeOutcome> {
    return this.pool.withSlot(async () => {
      const depDirs = await Promise.all((job.dependencies ?? []).map((d) => codeDir(d.digest, d.code)));
      const dir = await codeDir(job.digest, job.code);
      const proc = processSpec(job, dir, depDirs);
      const run = await this.pool.run<DoneMessage>({
        family: job.workerFamily ?? JSON.stringify([job.projectId, job.packageName, job.functionName]),
        key: createHash("sha256").update(JSON.stringify(proc)).digest("hex"),
        process: proc,
        timeoutMs: job.timeoutSeconds * 1000,
        start: startMessage(job, dir),
      });
      return outcomeOf(job, run);
    });
  }

  /** After a reset: no later invocation gets a worker warmed under the old state. */
  retireWarmWorkers(): void {
    this.pool.retireAll();
  }

  /** Kills every worker (emulator shutdown); resolves once their processes are gone. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Everything the worker process is made of: what its reuse key hashes. */
function processSpec(job: InvokeJob, dir: string, depDirs: string[]): ProcessSpec {
  const nodePath = depDirs.flatMap((d) => [path.join(d, "node_modules"), d]).join(path.delimiter);
  const runtimeVars = {
    RUNTIME_FUNC_NAME: job.functionName,
    RUNTIME_PACKAGE: job.packageName,
    RUNTIME_PROJECT_ID: job.projectId,
    RUNTIME_MEMORY: String(job.memorySize),
    RUNTIME_TIMEOUT: String(job.timeoutSeconds),
    RUNTIME_HANDLER: job.handler,
    RUNTIME_CODE_ROOT: dir,
  };
  return {
    script: childScriptPath(RUNNER),
    memoryMb: job.memorySize,
    env: { PATH: process.env.PATH ?? "", ...job.env, ...runtimeVars, ...(nodePath ? { NODE_PATH: nodePath } : {}) },
    cwd: dir,
    readable: [dir, ...depDirs],
  };
}

function startMessage(job: InvokeJob, dir: string): InvokeMessage {
  const dot = job.handler.lastIndexOf(".");
  return {
    type: "invoke",
    dir,
    file: job.handler.slice(0, dot),
    fn: job.handler.slice(dot + 1),
    event: job.event,
    requestId: job.requestId,
    functionName: job.functionName,
    packageName: job.packageName,
    projectId: job.projectId,
    memorySize: job.memorySize,
    timeoutMs: job.timeoutSeconds * 1000,
    userData: job.env,
  };
}

/** The log is what had arrived when the invocation ended, one line per message or output chunk. */
function outcomeOf(job: InvokeJob, run: ChildRun<DoneMessage>): InvokeOutcome {
  const log = run.lines.slice(0, run.linesAtEnd).join("\n");
  const durationMs = Math.round(run.elapsedMs);
  const { end } = run;
  if (end.how === "timeout") return { kind: "timeout", log, durationMs };
  if (end.how === "done")
    return end.message.outcome.ok
      ? { kind: "ok", result: end.message.outcome.result, log, durationMs }
      : { kind: "error", error: end.message.outcome.error, log, durationMs };
  const error = {
    errorMessage: `runtime exited unexpectedly (code ${end.code}, signal ${end.signal}); the function may have run out of its ${job.memorySize} MB`,
    errorType: "RuntimeExitError",
    stackTrace: [],
  };
  return { kind: "error", error, log, durationMs };
}
