/**
 * Runs MinApp function code in child processes (one per job) with the job's time limit and the
 * plan's memory enforced, at most `maxConcurrency` at a time (further jobs wait their turn).
 */
import { fork, type ChildProcess } from "child_process";
import { mkdirSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { minappRunnerPath } from "./runner-path";

export interface RunJob {
  functionName: string;
  code: string;
  event: unknown;
  timeoutMs: number;
  memoryMb: number;
}

export interface FunctionError {
  message: string;
  type: string;
  stack: string;
}

interface Common {
  /** Lines "<ISO> <LEVEL> <message>". */
  log: string[];
  durationMs: number;
  /** Resident memory of the child at the end, bytes (0 when unknown). */
  memUsage: number;
}

export type RunOutcome = (({ kind: "ok"; data: unknown } | { kind: "error"; error: FunctionError }) & Common) | ({ kind: "timeout" } & Common);

type ChildMessage =
  | { type: "log"; line: string }
  | { type: "done"; memUsage: number; answer: { ok: true; data: string } | { ok: false; error: FunctionError } };

/** Where the function file "lives": a folder of its own, so `require` resolves nothing of ours. */
const WORK_DIR = path.join(tmpdir(), "cloudfn-emulator", "minapp");

export class MinAppExecutor {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly children = new Set<ChildProcess>();
  private closed = false;

  /** @param maxConcurrency simultaneous child processes (default 8). */
  constructor(private readonly maxConcurrency = 8) {}

  async run(job: RunJob): Promise<RunOutcome> {
    if (this.running >= this.maxConcurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await this.spawn(job);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Kills every running child (emulator shutdown); later jobs fail at once. */
  close(): void {
    this.closed = true;
    for (const child of this.children) child.kill("SIGKILL");
  }

  private spawn(job: RunJob): Promise<RunOutcome> {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const log: string[] = [];
    if (this.closed) return Promise.resolve({ kind: "error", error: { message: "emulator is shutting down", type: "Error", stack: "" }, log, durationMs: 0, memUsage: 0 });
    mkdirSync(WORK_DIR, { recursive: true });
    const child = fork(minappRunnerPath(), [], {
      // Replace (not extend) the parent's flags: jest's or ts-node's must not leak in.
      execArgv: [`--max-old-space-size=${job.memoryMb}`],
      env: { PATH: process.env.PATH ?? "" },
      cwd: WORK_DIR,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    this.children.add(child);
    // Output that bypasses console (process.stdout.write) still belongs in the log.
    const raw = (level: string) => (d: Buffer) => log.push(`${new Date().toISOString()} ${level} ${d.toString("utf8").trimEnd()}`);
    child.stdout?.on("data", raw("LOG"));
    child.stderr?.on("data", raw("ERROR"));
    return new Promise<RunOutcome>((resolve) => {
      let outcome: RunOutcome | undefined;
      const finish = (o: RunOutcome) => (outcome ??= o);
      const timer = setTimeout(() => {
        finish({ kind: "timeout", log, durationMs: elapsed(), memUsage: 0 });
        child.kill("SIGKILL");
      }, job.timeoutMs);
      child.on("message", (m: ChildMessage) => {
        if (m.type === "log") log.push(m.line);
        else if (m.answer.ok) finish({ kind: "ok", data: JSON.parse(m.answer.data), log, durationMs: elapsed(), memUsage: m.memUsage });
        else finish({ kind: "error", error: m.answer.error, log, durationMs: elapsed(), memUsage: m.memUsage });
      });
      // "close" (not "exit"): it fires only after the IPC channel drained, so "done" is never lost.
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        this.children.delete(child);
        const message = `runtime exited unexpectedly (code ${code}, signal ${signal}); the function may have run out of its ${job.memoryMb} MB`;
        resolve(outcome ?? { kind: "error", error: { message, type: "RuntimeExitError", stack: "" }, log, durationMs: elapsed(), memUsage: 0 });
      });
      const filename = path.join(WORK_DIR, `${encodeURIComponent(job.functionName)}.js`);
      child.send({ type: "run", code: job.code, filename, event: job.event });
    });
  }
}
