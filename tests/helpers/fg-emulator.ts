/**
 * What FunctionGraph integration files against the in-process emulator keep repeating: the stack
 * config that points the providers at it, the official SDK signed with its credentials, and the
 * body of a small inline function. Written once, a new config key or SDK option reaches every file.
 */
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { FunctionGraphClient } from "@huaweicloud/huaweicloud-sdk-functiongraph";
import type { RunningEmulator } from "../../emulator";
import { setStackConfig } from "../../provider/functiongraph/config";

/** The `cloudfn:functiongraph*` keys a stack aimed at `emu` carries; `extra` adds or overrides keys. */
export function fgStackConfig(emu: RunningEmulator, extra: Record<string, string> = {}) {
  const c = emu.credentials;
  const values: Record<string, string> = {
    "cloudfn:functiongraphEndpoint": emu.url,
    "cloudfn:functiongraphRegion": c.region,
    "cloudfn:functiongraphProjectId": c.projectId,
    "cloudfn:functiongraphAccessKey": c.accessKey,
    "cloudfn:functiongraphSecretKey": c.secretKey,
    ...extra,
  };
  return { get: (k: string) => values[k], require: (k: string) => values[k] };
}

/** Sets that config as the providers' stack config, as a `pulumi up` against the emulator would. */
export function useFgStackConfig(emu: RunningEmulator): void {
  setStackConfig(fgStackConfig(emu));
}

/** The unmodified official SDK, pointed at the emulator: proves the emulator speaks its protocol. */
export function officialFgClient(emu: RunningEmulator): FunctionGraphClient {
  const credentials = new BasicCredentials()
    .withAk(emu.credentials.accessKey)
    .withSk(emu.credentials.secretKey)
    .withProjectId(emu.credentials.projectId);
  return FunctionGraphClient.newBuilder().withCredential(credentials).withEndpoint(emu.url).build();
}

/** A CreateFunction body for a Node.js function whose whole code is `src` (index.js). */
export function inlineFunction(
  name: string,
  src: string | Buffer,
  timeout: number,
  extra: Record<string, unknown> = {},
) {
  return {
    func_name: name,
    package: "default",
    runtime: "Node.js18.15",
    handler: "index.handler",
    memory_size: 128,
    timeout,
    code_type: "inline",
    func_code: { file: Buffer.from(src).toString("base64") },
    ...extra,
  };
}
