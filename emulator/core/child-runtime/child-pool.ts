/**
 * Runs one-shot node child processes (a platform's runner script) with a time limit and a heap
 * cap, at most `maxConcurrency` at a time. The contract with the script is small on purpose:
 * the parent sends one start message; the child sends `{type: "log", line}` messages and one
 * final message of any other type. What the messages carry is the platform's business.
 */
import type { ChildProcess } from "child_process";
import { forkChild, type ProcessSpec } from "./fork-child";
import { Slots } from "./slots";

export interface ChildSpec extends ProcessSpec {
  timeoutMs: number;
  /** The one message the child starts from. */
  start: unknown;
  /** How raw stdout/stderr text (already trimmed at the end) enters the log. */
  formatOutput?: (stream: "stdout" | "stderr", text: string) => string;
}

export type ChildEnd<Final> =
  | { how: "done"; message: Final }
  | { how: "timeout" }
  | { how: "exit"; code: number | null; signal: NodeJS.Signals | null };

export interface ChildRun<Final> {
  end: ChildEnd<Final>;
  /** Every log line, including output that arrived after the end (until the child closed). */
  lines: string[];
  /** How many of `lines` had arrived when the child ended. */
  linesAtEnd: number;
  /** Milliseconds from the fork to the end. */
  elapsedMs: number;
}

type ChildMessage<Final> = { type: "log"; line: string } | Final;

export class ChildPool {
  private readonly slots: Slots;
  private readonly children = new Set<ChildProcess>();
  private isClosed = false;

  /** @param maxConcurrency simultaneous child processes (default 8). */
  constructor(maxConcurrency = 8) {
    this.slots = new Slots(maxConcurrency);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Runs `task` once a slot is free; further tasks wait their turn. */
  withSlot<T>(task: () => Promise<T>): Promise<T> {
    return this.slots.withSlot(task);
  }

  /** Kills every running child (emulator shutdown). */
  close(): void {
    this.isClosed = true;
    for (const child of this.children) child.kill("SIGKILL");
  }

  run<Final extends { type: string }>(spec: ChildSpec): Promise<ChildRun<Final>> {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const lines: string[] = [];
    const child = forkChild(spec);
    this.children.add(child);
    const format = spec.formatOutput ?? ((_stream, text) => text);
    // Output that bypasses console (process.stdout.write) still belongs in the log.
    child.stdout?.on("data", (d: Buffer) => lines.push(format("stdout", d.toString("utf8").trimEnd())));
    child.stderr?.on("data", (d: Buffer) => lines.push(format("stderr", d.toString("utf8").trimEnd())));
    return new Promise<ChildRun<Final>>((resolve) => {
      let ended: Omit<ChildRun<Final>, "lines"> | undefined;
      const finish = (end: ChildEnd<Final>) => (ended ??= { end, linesAtEnd: lines.length, elapsedMs: elapsed() });
      const timer = setTimeout(() => {
        finish({ how: "timeout" });
        child.kill("SIGKILL");
      }, spec.timeoutMs);
      child.on("message", (m: ChildMessage<Final>) => {
        if (m.type === "log") lines.push((m as { line: string }).line);
        else finish({ how: "done", message: m as Final });
      });
      // "close" (not "exit"): it fires only after the IPC channel drained, so the end is never lost.
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        this.children.delete(child);
        resolve({ ...finish({ how: "exit", code, signal }), lines });
      });
      child.send(spec.start as object);
    });
  }
}
