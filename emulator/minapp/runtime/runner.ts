/**
 * Child-process side of a MinApp job. Started by executor.ts with child_process.fork; it receives
 * one "run" message, compiles the single-file function code as a CommonJS module, calls
 * `exports.main` and reports log lines and the outcome over IPC.
 *
 * The code contract (docs/reference/minapp-api.md §7): `main(event, callback)` answers through `callback(err, data)`;
 * `async main(event)` answers with its resolved value or rejection. A resolved `undefined` is
 * ignored (the job then runs until its time limit), exactly as the platform documents. After the
 * answer the platform waits for the event loop to drain, so the outcome is sent on beforeExit.
 * Self-contained on purpose (node built-ins only): under ts-jest it is transpiled on the fly and
 * run from a temporary folder.
 */
import Module from "module";
import * as path from "path";
import { format } from "util";
import type { FunctionError as ErrorShape, RunMessage } from "./messages";

type Answer = { ok: true; data: unknown } | { ok: false; error: ErrorShape };

function send(message: unknown): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

/** One log line in the platform's format: "<ISO-8601> <LEVEL> <message>" (§3.4). */
function logLine(level: string, args: unknown[]): void {
  void send({ type: "log", line: `${new Date().toISOString()} ${level} ${format(...args)}` });
}

function captureConsole(): void {
  const levels = { log: "LOG", info: "INFO", warn: "WARN", error: "ERROR", debug: "DEBUG" } as const;
  for (const [method, level] of Object.entries(levels)) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => logLine(level, args);
  }
}

/** `callback(err)` may pass an Error or a plain string (§7). */
function errorShape(err: unknown): ErrorShape {
  const e = err instanceof Error ? err : new Error(typeof err === "string" ? err : format(err));
  return { message: e.message, type: e.name || "Error", stack: e.stack ?? "" };
}

function loadMain(msg: RunMessage): (...args: unknown[]) => unknown {
  const mod = new Module(msg.filename);
  mod.filename = msg.filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(msg.filename),
  );
  (mod as unknown as { _compile(code: string, file: string): void })._compile(msg.code, msg.filename);
  const main = (mod.exports as Record<string, unknown>).main;
  if (typeof main !== "function") throw new TypeError("exports.main is not a function");
  return main as (...args: unknown[]) => unknown;
}

function answer(msg: RunMessage): Promise<Answer> {
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const settle = (a: Answer) => {
      if (!settled) resolve(a);
      settled = true;
    };
    const fail = (err: unknown) => settle({ ok: false, error: errorShape(err) });
    try {
      const main = loadMain(msg);
      const callback = (err: unknown, data?: unknown) => (err ? fail(err) : settle({ ok: true, data: data ?? null }));
      const returned = main(msg.event, callback);
      if (returned && typeof (returned as Promise<unknown>).then === "function") {
        (returned as Promise<unknown>).then((data) => data !== undefined && settle({ ok: true, data }), fail);
      }
    } catch (err) {
      fail(err);
    }
  });
}

process.once("message", (msg: RunMessage) => {
  captureConsole();
  logLine("LOG", ["event.data: ", (msg.event as { data?: unknown }).data]);
  // Until main answers, the job is alive even with an empty event loop (an async main that
  // resolves undefined runs to its time limit, §7); the executor kills it then.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  void answer(msg).then((a) => {
    clearInterval(keepAlive);
    if (a.ok) logLine("LOG", ["return: ", a.data]);
    else logLine("ERROR", [a.error.stack || `${a.error.type}: ${a.error.message}`]);
    // Let the IPC channel stop holding the process open: beforeExit then fires once the
    // function's own timers and sockets are done, which is when the platform reports.
    const payload = a.ok ? { ok: true, data: JSON.stringify(a.data) } : a;
    process.channel?.unref();
    process.once("beforeExit", () => {
      void send({ type: "done", answer: payload, memUsage: process.memoryUsage().rss }).then(() => process.exit(0));
    });
  });
});
