/**
 * Runs Node.js handlers in child processes (core/child-runtime) with the function's timeout and
 * memory size enforced, at most `maxConcurrency` at a time (further invocations wait their turn).
 */
import * as path from "path";
import { ChildPool, type ChildRun } from "../../core/child-runtime/child-pool";
import { childScriptPath } from "../../core/child-runtime/script-path";
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
}

export type InvokeOutcome =
  | { kind: "ok"; result: string; log: string; durationMs: number }
  | { kind: "error"; error: FunctionErrorBody; log: string; durationMs: number }
  | { kind: "timeout"; log: string; durationMs: number };

const RUNNER = { dir: __dirname, name: "runner", tempFolder: "runner", prefix: "runner" };

export class Executor {
  private readonly pool: ChildPool;

  /** @param maxConcurrency simultaneous child processes (default 8). */
  constructor(maxConcurrency?: number) {
    this.pool = new ChildPool(maxConcurrency);
  }

  invoke(job: InvokeJob): Promise<InvokeOutcome> {
    return this.pool.withSlot(async () => {
      const depDirs = await Promise.all((job.dependencies ?? []).map((d) => codeDir(d.digest, d.code)));
      const dir = await codeDir(job.digest, job.code);
      return outcomeOf(job, await this.pool.run<DoneMessage>(childSpec(job, dir, depDirs)));
    });
  }

  /** Kills every running child (emulator shutdown). */
  close(): void {
    this.pool.close();
  }
}

function childSpec(job: InvokeJob, dir: string, depDirs: string[]) {
  const nodePath = depDirs.flatMap((d) => [path.join(d, "node_modules"), d]).join(path.delimiter);
  const dot = job.handler.lastIndexOf(".");
  const runtimeVars = {
    RUNTIME_FUNC_NAME: job.functionName,
    RUNTIME_PACKAGE: job.packageName,
    RUNTIME_PROJECT_ID: job.projectId,
    RUNTIME_MEMORY: String(job.memorySize),
    RUNTIME_TIMEOUT: String(job.timeoutSeconds),
    RUNTIME_HANDLER: job.handler,
    RUNTIME_CODE_ROOT: dir,
  };
  const start: InvokeMessage = {
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
  return {
    script: childScriptPath(RUNNER),
    memoryMb: job.memorySize,
    timeoutMs: job.timeoutSeconds * 1000,
    env: { PATH: process.env.PATH ?? "", ...job.env, ...runtimeVars, ...(nodePath ? { NODE_PATH: nodePath } : {}) },
    cwd: dir,
    readable: [dir, ...depDirs],
    start,
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
