/**
 * One execution of a function's code, shared by sync invoke (F8), async invoke (F9) and
 * destination deliveries, timers and workflow executions: the invocability checks and the
 * executor job built from the record (dependency packages on the require path).
 */
import { fgErrors } from "../errors";
import type { FgEnv } from "../env";
import { isNodeRuntime } from "../limits";
import { createHash } from "crypto";
import { findVersionById } from "../models/dependency-version";
import type { FunctionRecord } from "../models/function";
import { parseUserData } from "../validation";
import type { InvokeOutcome } from "./executor";
import { runnableCode } from "./inline-code";

/** Throws the 400 the platform would answer for a function the emulator cannot run. */
export function assertInvokable(fn: FunctionRecord): void {
  if (!isNodeRuntime(fn.runtime))
    throw fgErrors.invalid(`runtime ${fn.runtime} is not supported by the emulator (only Node.js runtimes execute)`);
  if (!fn.code_base64) {
    throw fgErrors.invalid(
      `function code is of type ${fn.code_type}${fn.code_url ? ` (${fn.code_url})` : ""}; the emulator does not fetch it, so this function cannot be invoked`,
    );
  }
}

/** Unpacked dependency packages of the function (zip-type versions that still exist). */
function dependencyPackages(env: FgEnv, projectId: string, fn: FunctionRecord): { digest: string; code: Buffer }[] {
  return fn.depend_version_list.flatMap((id) => {
    const found = findVersionById(env, projectId, id);
    if (!found?.version.zip_base64) return [];
    const code = Buffer.from(found.version.zip_base64, "base64");
    return [{ digest: `dep-${createHash("sha512").update(code).digest("hex")}`, code }];
  });
}

/** Runs the handler once in a child process (user_data and encrypted_user_data as env vars). */
export async function runFunction(
  env: FgEnv,
  projectId: string,
  fn: FunctionRecord,
  event: unknown,
  requestId: string,
): Promise<InvokeOutcome> {
  assertInvokable(fn);
  const vars = {
    ...(fn.user_data ? parseUserData("user_data", fn.user_data) : {}),
    ...(fn.encrypted_user_data ? parseUserData("encrypted_user_data", fn.encrypted_user_data) : {}),
  };
  const { code, digest } = await runnableCode(fn);
  return env.executor.invoke({
    digest,
    code,
    handler: fn.handler,
    event,
    requestId,
    functionName: fn.func_name,
    packageName: fn.package,
    projectId,
    memorySize: fn.memory_size,
    timeoutSeconds: fn.timeout,
    env: vars,
    dependencies: dependencyPackages(env, projectId, fn),
  });
}
