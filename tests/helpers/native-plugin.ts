/**
 * Runs a project on the native `pulumi-resource-cloudfn` plugin: the CLI finds plugins on PATH,
 * so the installed package's `node_modules/.bin` (where npm links the plugin's `bin` entry) goes
 * first. The default provider is configured from the stack's `cloudfn:*` config.
 */
import * as path from "path";
import { PULUMI_BIN, PulumiProject, ensureInstalled } from "./pulumi-cli";

export function useNativePlugin(project: PulumiProject): PulumiProject {
  const bin = path.join(ensureInstalled(), ".bin");
  project.extraEnv = { ...project.extraEnv, PATH: `${bin}:${PULUMI_BIN}:${process.env.PATH}` };
  return project;
}

/** A preview's JSON steps that change something. */
export function changedSteps(previewJson: string): any[] {
  return (JSON.parse(previewJson).steps as any[]).filter((s) => s.op !== "same");
}
