/** Runs the Pulumi CLI (`pulumi` on the PATH of `env`) and collects what it prints. */
import { spawn } from "child_process";

export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runPulumi(args: string[], where: { cwd: string; env: NodeJS.ProcessEnv }): Promise<PulumiResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd: where.cwd, env: where.env });
    let stdout = "";
    let stderr = "";
    // Decoded as UTF-8 streams, so a character split between two chunks arrives whole.
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (e) => reject(new Error(`cannot run pulumi: ${e.message}`)));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
