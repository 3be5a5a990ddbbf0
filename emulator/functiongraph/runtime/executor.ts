/**
 * Runs Node.js handlers in child processes with the function's timeout and memory size enforced,
 * at most `maxConcurrency` at a time (further invocations wait their turn).
 */
import { fork, type ChildProcess } from "child_process";
import * as path from "path";
import { codeDir } from "./code-cache";
import { runnerPath } from "./runner-path";

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

export interface FunctionErrorBody {
  errorMessage: string;
  errorType: string;
  stackTrace: string[];
}

export type InvokeOutcome =
  | { kind: "ok"; result: string; log: string; durationMs: number }
  | { kind: "error"; error: FunctionErrorBody; log: string; durationMs: number }
  | { kind: "timeout"; log: string; durationMs: number };

type ChildMessage = { type: "log"; line: string } | { type: "done"; outcome: { ok: true; result: string } | { ok: false; error: FunctionErrorBody } };

export class Executor {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly children = new Set<ChildProcess>();

  /** @param maxConcurrency simultaneous child processes (default 8). */
  constructor(private readonly maxConcurrency = 8) {}

  async invoke(job: InvokeJob): Promise<InvokeOutcome> {
    if (this.running >= this.maxConcurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      const depDirs = await Promise.all((job.dependencies ?? []).map((d) => codeDir(d.digest, d.code)));
      return await this.run(job, await codeDir(job.digest, job.code), depDirs);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Kills every running child (emulator shutdown). */
  close(): void {
    for (const child of this.children) child.kill("SIGKILL");
  }

  private run(job: InvokeJob, dir: string, depDirs: string[] = []): Promise<InvokeOutcome> {
    const nodePath = depDirs.flatMap((d) => [path.join(d, "node_modules"), d]).join(path.delimiter);
    const dot = job.handler.lastIndexOf(".");
    const started = Date.now();
    const lines: string[] = [];
    const child = fork(runnerPath(), [], {
      // Replace (not extend) the parent's flags: jest's or ts-node's must not leak in.
      execArgv: [`--max-old-space-size=${job.memorySize}`],
      env: { PATH: process.env.PATH ?? "", ...job.env, RUNTIME_FUNC_NAME: job.functionName, RUNTIME_PACKAGE: job.packageName, RUNTIME_PROJECT_ID: job.projectId, RUNTIME_MEMORY: String(job.memorySize), RUNTIME_TIMEOUT: String(job.timeoutSeconds), RUNTIME_HANDLER: job.handler, RUNTIME_CODE_ROOT: dir, ...(nodePath ? { NODE_PATH: nodePath } : {}) },
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    this.children.add(child);
    // Output that bypasses console (process.stdout.write) still belongs in the log.
    child.stdout?.on("data", (d: Buffer) => lines.push(d.toString("utf8").trimEnd()));
    child.stderr?.on("data", (d: Buffer) => lines.push(d.toString("utf8").trimEnd()));
    return new Promise<InvokeOutcome>((resolve) => {
      let outcome: InvokeOutcome | undefined;
      const finish = (o: InvokeOutcome) => (outcome ??= o);
      const elapsed = () => Date.now() - started;
      const log = () => lines.join("\n");
      const timer = setTimeout(() => {
        finish({ kind: "timeout", log: log(), durationMs: elapsed() });
        child.kill("SIGKILL");
      }, job.timeoutSeconds * 1000);
      child.on("message", (m: ChildMessage) => {
        if (m.type === "log") lines.push(m.line);
        else if (m.outcome.ok) finish({ kind: "ok", result: m.outcome.result, log: log(), durationMs: elapsed() });
        else finish({ kind: "error", error: m.outcome.error, log: log(), durationMs: elapsed() });
      });
      // "close" (not "exit"): it fires only after the IPC channel drained, so "done" is never lost.
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        this.children.delete(child);
        const error = { errorMessage: `runtime exited unexpectedly (code ${code}, signal ${signal}); the function may have run out of its ${job.memorySize} MB`, errorType: "RuntimeExitError", stackTrace: [] };
        resolve(outcome ?? { kind: "error", error, log: log(), durationMs: elapsed() });
      });
      child.send({ type: "invoke", dir, file: job.handler.slice(0, dot), fn: job.handler.slice(dot + 1), event: job.event, requestId: job.requestId, functionName: job.functionName, packageName: job.packageName, projectId: job.projectId, memorySize: job.memorySize, timeoutMs: job.timeoutSeconds * 1000, userData: job.env });
    });
  }
}
