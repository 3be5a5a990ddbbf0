/**
 * Child-process side of Node.js invocations: a warm instance. Started by executor.ts (through
 * core/child-runtime/warm-pool.ts); it receives "invoke" messages one at a time, runs the handler
 * and reports log lines and the outcome over IPC, then waits for the next one. The handler's
 * module stays loaded in between, so module state persists across invocations as it does in a
 * warm FunctionGraph instance.
 * Self-contained on purpose (node built-ins only): under ts-jest it is transpiled on the fly and
 * run from a temporary folder, where no other project file can be required.
 */
import * as path from "path";
import { format } from "util";
import type { InvokeMessage, RunnerOutcome as Outcome } from "./messages";

function send(message: unknown): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

/** The invocation running now: console lines carry its request id. */
let requestId = "";

function captureConsole(): void {
  const levels = { log: "INFO", info: "INFO", warn: "WARN", error: "ERROR", debug: "DEBUG" } as const;
  for (const [method, level] of Object.entries(levels)) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      void send({ type: "log", line: `${new Date().toISOString()} ${requestId} ${level} ${format(...args)}` });
    };
  }
}

/**
 * Direct writes to stdout/stderr go over IPC as well, behind the console lines sent before them:
 * through the pipes they could arrive after the answer and land in the next invocation's log.
 */
function captureStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      const text = Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk);
      void send({ type: "log", line: text.trimEnd() });
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    };
  }
}

function errorOf(err: unknown): Outcome {
  const e = err instanceof Error ? err : new Error(typeof err === "string" ? err : JSON.stringify(err));
  const stack = (e.stack ?? "")
    .split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  return { ok: false, error: { errorMessage: e.message, errorType: e.name || e.constructor.name, stackTrace: stack } };
}

async function run(msg: InvokeMessage): Promise<Outcome> {
  const deadline = Date.now() + msg.timeoutMs;
  const logger = { info: console.log, warn: console.warn, error: console.error, debug: console.debug };
  const context = {
    getRequestID: () => msg.requestId,
    getRemainingTimeInMilliSeconds: () => Math.max(0, deadline - Date.now()),
    getUserData: (key: string) => msg.userData[key],
    getFunctionName: () => msg.functionName,
    getPackage: () => msg.packageName,
    getProjectID: () => msg.projectId,
    getMemorySize: () => msg.memorySize,
    getRunningTimeInSeconds: () => Math.round(msg.timeoutMs / 1000),
    getLogger: () => logger,
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the user's handler file, known only at run time and loaded as CommonJS
    const mod = require(path.join(msg.dir, msg.file)) as Record<string, unknown>;
    const fn = mod[msg.fn];
    if (typeof fn !== "function")
      throw new TypeError(`handler ${msg.file}.${msg.fn} is not a function exported by ${msg.file}.js`);
    const value = await new Promise<unknown>((resolve, reject) => {
      // Callback-style handlers (event, context, callback) answer through the callback;
      // others answer with their (possibly promised) return value.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- relays whatever the user's code failed with; errorOf() formats non-Errors
      const callback = (err: unknown, result?: unknown) => (err ? reject(err) : resolve(result));
      const returned = (fn as (...a: unknown[]) => unknown)(msg.event, context, callback);
      if (returned && typeof (returned as Promise<unknown>).then === "function")
        (returned as Promise<unknown>).then(resolve, reject);
      else if (fn.length < 3) resolve(returned);
    });
    return { ok: true, result: JSON.stringify(value === undefined ? null : value) };
  } catch (err) {
    return errorOf(err);
  }
}

captureConsole();
captureStreams();
// A warm worker outlives its invocations; it must not outlive the emulator (a timer the handler
// left running would otherwise keep an orphan alive when the emulator dies without closing).
process.on("disconnect", () => process.exit(0));
// The parent sends the next invocation only after this one's "done": one at a time.
process.on("message", (msg: InvokeMessage) => {
  requestId = msg.requestId;
  void run(msg).then((outcome) => send({ type: "done", outcome }));
});
