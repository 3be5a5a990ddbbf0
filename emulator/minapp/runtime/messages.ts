/**
 * The IPC messages between executor.ts and runner.ts. Types only: the runner imports them with
 * `import type`, which the transpiler erases, so it stays free of project imports at run time.
 */

/** The one message that starts a job. */
export interface RunMessage {
  type: "run";
  code: string;
  filename: string;
  event: unknown;
}

export interface FunctionError {
  message: string;
  type: string;
  stack: string;
}

/** The runner's last message; `data` is JSON text. */
export interface DoneMessage {
  type: "done";
  memUsage: number;
  answer: { ok: true; data: string } | { ok: false; error: FunctionError };
}
