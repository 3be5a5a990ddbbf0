/**
 * Runs MinApp function code in child processes (core/child-runtime, one per job) with the job's
 * time limit and the plan's memory enforced, at most `maxConcurrency` at a time (further jobs
 * wait their turn).
 */
import { mkdirSync } from "fs";
import * as path from "path";
import { ChildPool, type ChildRun } from "../../core/child-runtime/child-pool";
import { childScriptPath } from "../../core/child-runtime/script-path";
import { scratchPath } from "../../core/scratch-folder";
import type { DoneMessage, FunctionError, RunMessage } from "./messages";

export type { FunctionError } from "./messages";

export interface RunJob {
  functionName: string;
  code: string;
  event: unknown;
  timeoutMs: number;
  memoryMb: number;
}

interface Common {
  /** Lines "<ISO> <LEVEL> <message>". */
  log: string[];
  durationMs: number;
  /** Resident memory of the child at the end, bytes (0 when unknown). */
  memUsage: number;
}

export type RunOutcome =
  (({ kind: "ok"; data: unknown } | { kind: "error"; error: FunctionError }) & Common) | ({ kind: "timeout" } & Common);

/** Where the function file "lives": a folder of its own, so `require` resolves nothing of ours. */
const workDir = () => scratchPath("minapp");

const RUNNER = { dir: __dirname, name: "runner", tempFolder: "runner", prefix: "minapp-runner" };

/** Raw output carries no level of its own: stdout logs as LOG, stderr as ERROR, like the runner's lines. */
const formatOutput = (stream: "stdout" | "stderr", text: string) =>
  `${new Date().toISOString()} ${stream === "stdout" ? "LOG" : "ERROR"} ${text}`;

export class MinAppExecutor {
  private readonly pool: ChildPool;

  /** @param maxConcurrency simultaneous child processes (default 8). */
  constructor(maxConcurrency?: number) {
    this.pool = new ChildPool(maxConcurrency);
  }

  run(job: RunJob): Promise<RunOutcome> {
    return this.pool.withSlot(async () => {
      if (this.pool.closed)
        return {
          kind: "error",
          error: { message: "emulator is shutting down", type: "Error", stack: "" },
          log: [],
          durationMs: 0,
          memUsage: 0,
        };
      const cwd = workDir();
      mkdirSync(cwd, { recursive: true });
      const start: RunMessage = {
        type: "run",
        code: job.code,
        filename: path.join(cwd, `${encodeURIComponent(job.functionName)}.js`),
        event: job.event,
      };
      const spec = {
        script: childScriptPath(RUNNER),
        memoryMb: job.memoryMb,
        timeoutMs: job.timeoutMs,
        env: { PATH: process.env.PATH ?? "" },
        cwd,
        // The code arrives in the start message and is compiled in memory: the runner script is
        // all the job needs to read (node built-ins load from the binary).
        readable: [],
        start,
        formatOutput,
      };
      return outcomeOf(job, await this.pool.run<DoneMessage>(spec));
    });
  }

  /** Kills every running child (emulator shutdown); later jobs fail at once. */
  close(): void {
    this.pool.close();
  }
}

/** The log is every line up to the child's close (output after the answer included). */
function outcomeOf(job: RunJob, run: ChildRun<DoneMessage>): RunOutcome {
  const { end, lines: log, elapsedMs: durationMs } = run;
  if (end.how === "timeout") return { kind: "timeout", log, durationMs, memUsage: 0 };
  if (end.how === "done") {
    const { answer, memUsage } = end.message;
    return answer.ok
      ? { kind: "ok", data: JSON.parse(answer.data), log, durationMs, memUsage }
      : { kind: "error", error: answer.error, log, durationMs, memUsage };
  }
  const message = `runtime exited unexpectedly (code ${end.code}, signal ${end.signal}); the function may have run out of its ${job.memoryMb} MB`;
  return { kind: "error", error: { message, type: "RuntimeExitError", stack: "" }, log, durationMs, memUsage: 0 };
}
