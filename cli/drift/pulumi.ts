/** The Pulumi CLI calls `cloudfn drift` makes; none of them writes state. */
import type { Progress } from "../progress/reporter";
import { runPulumi } from "../run-pulumi";
import type { PreviewJson } from "./classify";

export interface PulumiRun {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stack?: string;
  progress?: Progress;
}

/** Runs `pulumi <args>` and resolves with its stdout; rejects with its stderr on failure. */
export async function pulumi(run: PulumiRun, args: string[], streamSteps = false): Promise<string> {
  const full = [...args, ...(run.stack ? ["--stack", run.stack] : []), "--non-interactive"];
  const { code, stdout, stderr } = await runPulumi(full, { ...run, streamSteps });
  if (code === 0) return stdout;
  throw new Error(`pulumi ${args.join(" ")} exited ${code}: ${(stderr || stdout).trim().slice(-2000)}`);
}

/** Refreshed-vs-recorded state of every resource, without saving the refresh. */
export async function refreshPreview(run: PulumiRun): Promise<PreviewJson> {
  return JSON.parse(await pulumi(run, ["preview", "--refresh", "--json"], true)) as PreviewJson;
}

/** The stack's config values (secrets decrypted, kept in memory only). */
export async function stackConfig(run: PulumiRun): Promise<Record<string, string>> {
  const raw = JSON.parse(await pulumi(run, ["config", "--json", "--show-secrets"])) as Record<
    string,
    { value?: string }
  >;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v.value === "string") out[k] = v.value;
  return out;
}

/** The selected stack's name. */
export async function stackName(run: PulumiRun): Promise<string> {
  return (await pulumi(run, ["stack", "--show-name"])).trim();
}
