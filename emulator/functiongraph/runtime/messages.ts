/**
 * The IPC messages between executor.ts and runner.ts. Types only: the runner imports them with
 * `import type`, which the transpiler erases, so it stays free of project imports at run time.
 */

/** The one message that starts an invocation. */
export interface InvokeMessage {
  type: "invoke";
  dir: string;
  file: string;
  fn: string;
  event: unknown;
  requestId: string;
  functionName: string;
  packageName: string;
  projectId: string;
  memorySize: number;
  timeoutMs: number;
  userData: Record<string, string>;
}

export interface FunctionErrorBody {
  errorMessage: string;
  errorType: string;
  stackTrace: string[];
}

export type RunnerOutcome = { ok: true; result: string } | { ok: false; error: FunctionErrorBody };

/** The runner's last message. */
export interface DoneMessage {
  type: "done";
  outcome: RunnerOutcome;
}
