/**
 * Resource provider for `cloudfn:leancloud:Invocation`: one call of a LeanCloud cloud function.
 *
 * Identifier: a random UUID made at create (a call has no identity on the platform).
 * Replace on change: nothing. A change of name, params, rpc, environment or triggers is an
 *   update that calls the function again; useMasterKey and sessionToken only say how to call.
 * Computed outputs: result (decoded: RPC `__type` values as plain JSON), rawResult (as sent).
 *   sessionToken (secret) is never an output; app and master keys come from config only.
 * API calls per step (docs/reference/leancloud-api.md §4):
 *   check  — none (zod: name is one path segment, params are JSON, environment is known).
 *   diff   — none.
 *   create — POST /1.1/functions/<name> (or /1.1/call/<name> when rpc) with X-LC-Prod.
 *   read   — none: the outputs of the last call stand (reading never calls the function).
 *   update — the same POST as create.
 *   delete — none.
 * A function error fails the step with LeanCloud's code and message and changes no state.
 */
import { randomUUID } from "crypto";
import { CheckResult, CreateResult, DiffResult, ResourceProvider } from "@pulumi/pulumi/dynamic";
import { PlatformApiError } from "../../core/errors";
import { Normalizers, changedFields, diffResult } from "../../core/diff";
import { checkDefined, dropUndefined } from "../../core/check";
import { rerunOnChange } from "../../core/run-once";
import { ClientOptions, LeanCloudClient } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { invocationDefinition } from "./definition";
import { INVOKE_ON_CHANGE, InvocationInputs, InvocationOutputs } from "./schema";
import { decodeResult } from "../rpc-codec";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

/** A JSON text and the value it holds compare equal; absent params are `{}`. */
const NORMALIZERS: Normalizers = {
  params: (v) => (typeof v === "string" ? (JSON.parse(v) as unknown) : (v ?? {})),
  rpc: (v) => v ?? false,
  environment: (v) => v ?? "production",
  triggers: (v) => v ?? [],
};

/** The error a user sees: which call, LeanCloud's code and message. Never headers or keys. */
function callError(inputs: InvocationInputs, e: unknown): Error {
  const where = `LeanCloud function "${inputs.name}" (${inputs.environment}, POST /1.1/${inputs.rpc ? "call" : "functions"}/${inputs.name})`;
  if (e instanceof PlatformApiError) {
    return new Error(`${where} failed: LeanCloud code ${e.code || "(none)"}, HTTP ${e.status}: ${e.platformMessage}`);
  }
  return new Error(`${where} failed: ${(e as Error).message}`);
}

async function invoke(inputs: InvocationInputs): Promise<InvocationOutputs> {
  const lc = new LeanCloudClient(resolveSettings(), tuning.client);
  const params: unknown = typeof inputs.params === "string" ? JSON.parse(inputs.params) : (inputs.params ?? {});
  let body;
  try {
    body = await lc.callFunction(inputs.name, params, {
      environment: inputs.environment,
      rpc: inputs.rpc,
      useMasterKey: inputs.useMasterKey,
      sessionToken: inputs.sessionToken,
    });
  } catch (e) {
    throw callError(inputs, e);
  }
  const { sessionToken, ...rest } = inputs;
  const has = Object.prototype.hasOwnProperty.call(body, "result");
  return dropUndefined({
    ...rest,
    ...(has ? { result: decodeResult(body.result), rawResult: body.result ?? null } : {}),
  });
}

export const provider: ResourceProvider<InvocationInputs, InvocationOutputs> = profiled({
  configure,

  async check(_olds: InvocationInputs, news: InvocationInputs): Promise<CheckResult<InvocationInputs>> {
    return checkDefined<InvocationInputs>(invocationDefinition, news);
  },

  async diff(_id: string, olds: InvocationOutputs, news: InvocationInputs): Promise<DiffResult> {
    const changed = changedFields(olds, news, INVOKE_ON_CHANGE, NORMALIZERS);
    return diffResult(changed, []);
  },

  async create(inputs: InvocationInputs): Promise<CreateResult<InvocationOutputs>> {
    return { id: randomUUID(), outs: await invoke(inputs) };
  },

  ...rerunOnChange(invoke),
});
