/**
 * One long-lived runtime process that runs invocations one after another (a warm instance).
 * The contract with its script: the parent sends a start message per invocation; the child sends
 * `{type: "log", line}` messages and one final message of any other type per invocation, and
 * stays up for the next one. Output that arrives while no invocation runs belongs to none.
 * A timeout kills the process; so does anything that ends it early (the invocation then ends
 * as an exit). Either way the worker is gone and the pool starts another.
 */
import type { ChildProcess } from "child_process";
import type { ChildEnd, ChildRun } from "./child-pool";
import { forkChild, type ProcessSpec } from "./fork-child";

interface Current {
  lines: string[];
  ended?: Omit<ChildRun<unknown>, "lines">;
  /** Records the first end only; returns it. */
  finish(end: ChildEnd<unknown>): Omit<ChildRun<unknown>, "lines">;
  resolve(run: ChildRun<unknown>): void;
  timer: NodeJS.Timeout;
}

type ChildMessage = { type: "log"; line: string } | { type: string };

export class WarmWorker {
  private readonly child: ChildProcess;
  private current?: Current;
  private isKilled = false;
  /** Settles once the process is gone and its pipes closed. */
  readonly exited: Promise<void>;

  constructor(spec: ProcessSpec) {
    this.child = forkChild(spec);
    // Output that bypasses the runner's capture (a raw write to fd 1 or 2) still belongs in the log.
    this.child.stdout?.on("data", (d: Buffer) => this.current?.lines.push(d.toString("utf8").trimEnd()));
    this.child.stderr?.on("data", (d: Buffer) => this.current?.lines.push(d.toString("utf8").trimEnd()));
    this.child.on("message", (m: ChildMessage) => this.onMessage(m));
    // A send to a process that just died: the "close" below ends the invocation.
    this.child.on("error", () => this.kill());
    // "close" (not "exit"): it fires only after the IPC channel drained, so no final message is lost.
    this.exited = new Promise((resolve) =>
      this.child.on("close", (code, signal) => {
        this.isKilled = true;
        this.end({ how: "exit", code, signal });
        resolve();
      }),
    );
  }

  /** False once the worker was killed or its process ended: it takes no more invocations. */
  get usable(): boolean {
    return !this.isKilled;
  }

  kill(): void {
    this.isKilled = true;
    this.child.kill("SIGKILL");
  }

  /** Runs one invocation; `timeoutMs` later the process is killed and the run ends as a timeout. */
  run<Final extends { type: string }>(start: unknown, timeoutMs: number): Promise<ChildRun<Final>> {
    if (this.current) throw new Error("a warm worker runs one invocation at a time");
    const started = process.hrtime.bigint();
    return new Promise<ChildRun<Final>>((resolve) => {
      const current: Current = {
        lines: [],
        finish: (end) => {
          const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
          return (current.ended ??= { end, linesAtEnd: current.lines.length, elapsedMs });
        },
        resolve: resolve as (run: ChildRun<unknown>) => void,
        timer: setTimeout(() => {
          current.finish({ how: "timeout" });
          this.kill();
        }, timeoutMs),
      };
      this.current = current;
      this.child.send(start as object, (err) => err && this.kill());
    });
  }

  private onMessage(m: ChildMessage): void {
    if (m.type === "log") this.current?.lines.push((m as { line: string }).line);
    else this.end({ how: "done", message: m });
  }

  /** Ends the running invocation, if any, with the first end it met (a timeout outranks the exit it causes). */
  private end(end: ChildEnd<unknown>): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    clearTimeout(current.timer);
    current.resolve({ ...current.finish(end), lines: current.lines });
  }
}
