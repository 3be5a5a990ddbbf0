/**
 * LeanCloud helpers for e2e tests: stack config pointing at an emulator (one CLI call), the
 * emulator's request log and group variables, and out-of-band changes made "by someone else".
 */
import axios from "axios";
import type { RunningEmulator } from "../../emulator/server";
import { lcCall } from "../../emulator/testing/leancloud-client";
import type { PulumiProject } from "./pulumi-cli";

/** Creates the stack with the emulator's app, keys (as secrets) and URLs. */
export async function initLeanCloudStack(project: PulumiProject, emu: RunningEmulator): Promise<void> {
  await project.run(["stack", "init", "e2e"]);
  await setLeanCloudConfig(project, emu);
}

/** Points an existing stack's LeanCloud resources at the emulator: one CLI call, keys as secrets. */
export async function setLeanCloudConfig(project: PulumiProject, emu: RunningEmulator): Promise<void> {
  const c = emu.leancloud;
  await project.run([
    "config",
    "set-all",
    "--plaintext",
    `cloudfn:leancloudAppId=${c.appId}`,
    "--plaintext",
    `cloudfn:leancloudServerUrl=${emu.url}`,
    "--plaintext",
    `cloudfn:leancloudConsoleUrl=${emu.url}`,
    "--secret",
    `cloudfn:leancloudAppKey=${c.appKey}`,
    "--secret",
    `cloudfn:leancloudMasterKey=${c.masterKey}`,
    "--secret",
    `cloudfn:leancloudConsoleToken=${c.consoleToken}`,
  ]);
}

/** Operation names of the LeanCloud requests the emulator logged, in order. */
export async function lcOperations(emu: RunningEmulator): Promise<string[]> {
  return (await axios.get(`${emu.url}/_emulator/requests`)).data
    .filter((r: any) => r.platform === "leancloud")
    .map((r: any) => r.operation);
}

export async function clearRequests(emu: RunningEmulator): Promise<void> {
  await axios.delete(`${emu.url}/_emulator/requests`);
}

export function count(ops: string[], op: string): number {
  return ops.filter((o) => o === op).length;
}

/** The variable map of a group, as the console API returns it. */
export async function groupVariables(emu: RunningEmulator, group = "web"): Promise<Record<string, string>> {
  const res = await lcCall(emu.url, emu.leancloud, {
    method: "GET",
    path: "/1.1/engine/groups?all=true",
    auth: "console",
  });
  return res.body.find((g: any) => g.groupName === group).environments;
}

/** Deploys a folder outside Pulumi (a colleague running `lean deploy`); resolves with the version tag. */
export async function deployOutOfBand(emu: RunningEmulator, dir: string, prod: 0 | 1): Promise<string> {
  const res = await lcCall(emu.url, emu.leancloud, {
    method: "POST",
    path: "/_emulator/leancloud/deploy",
    auth: "none",
    body: { path: dir, prod },
  });
  if (res.status !== 200) throw new Error(`out-of-band deploy failed: ${JSON.stringify(res.body)}`);
  return res.body.versionTag;
}
