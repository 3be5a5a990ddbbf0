/** How every function runtime process is started: fresh flags, the given environment only, IPC. */
import { fork, type ChildProcess } from "child_process";
import { fsSandboxFlags } from "./fs-sandbox";

/** What a runtime process is made of (everything but the work it is given). */
export interface ProcessSpec {
  script: string;
  /** Heap cap of the child (--max-old-space-size). */
  memoryMb: number;
  /** The child's whole environment (nothing of the parent's leaks in). */
  env: Record<string, string>;
  cwd: string;
  /**
   * When set, the child may read only these files and folders (plus its script) and write nowhere
   * (fs-sandbox.ts).
   */
  readable?: string[];
}

export function forkChild(spec: ProcessSpec): ChildProcess {
  return fork(spec.script, [], {
    // Replace (not extend) the parent's flags: jest's or ts-node's must not leak in.
    execArgv: [
      `--max-old-space-size=${spec.memoryMb}`,
      ...(spec.readable ? fsSandboxFlags(spec.script, spec.readable) : []),
    ],
    env: spec.env,
    cwd: spec.cwd,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    serialization: "json",
  });
}
