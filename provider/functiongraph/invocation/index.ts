/**
 * Resource provider for `cloudfn:functiongraph:Invocation`: invokes a function synchronously
 * when created and records the answer as outputs (deploy-time smoke tests and seeding).
 *
 * Identifier: the request id of the invocation.
 * Replace on change: functionUrn, qualifier, input, triggers (a replacement is a new invocation; wire a
 *   Function's `codeHash` into `triggers` to re-invoke after each code change).
 * Computed outputs: result, status, requestId, logTail.
 * API calls per step (docs/reference/functiongraph-api.md §3.11):
 *   check  — none (zod validation; `input` is canonicalised with sorted keys).
 *   diff   — none (canonical JSON comparison of input, map comparison of triggers).
 *   create — InvokeFunction (F8) with `X-Cff-Log-Type: tail`. A function error (body status
 *            500, X-Is-Func-Err) fails the step with the function's message and log tail, so
 *            nothing is recorded and the next `up` tries again.
 *   read   — none: the recorded result is kept; reading never re-invokes.
 *   update — never happens (every input replaces).
 *   delete — none: an invocation cannot be undone.
 */
import { CheckResult, CreateResult, DiffResult, ReadResult, ResourceProvider } from "@pulumi/pulumi/dynamic";
import { dropUndefined } from "../../core/check";
import { checkWithQualifier, targetUrn } from "../qualifier";
import { forgetRun } from "../../core/run-once";
import { changedFields, diffResult } from "../../core/diff";
import { asText } from "../../core/response";
import { ClientOptions, FunctionGraphClient } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { invocationDefinition } from "./definition";
import { InvocationInputs, InvocationOutputs, REPLACE_ON_CHANGE, canonicalJson } from "./schema";

/** Knobs for tests: a fake transport, fast retries. */
export const tuning: { client: ClientOptions } = { client: {} };

function parseResult(text: unknown): unknown {
  if (typeof text !== "string") return text ?? null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The function's own error message (the emulator and the platform answer `{errorMessage, ...}`). */
function functionError(result: unknown): string {
  const r = result as { errorMessage?: unknown; errorType?: unknown } | null;
  if (r && typeof r === "object" && typeof r.errorMessage === "string")
    return r.errorType ? `${asText(r.errorType)}: ${r.errorMessage}` : r.errorMessage;
  return typeof result === "string" ? result : JSON.stringify(result);
}

export const provider: ResourceProvider<InvocationInputs, InvocationOutputs> = profiled({
  configure,

  async check(_olds: InvocationInputs, news: InvocationInputs): Promise<CheckResult<InvocationInputs>> {
    return checkWithQualifier(invocationDefinition, news);
  },

  async diff(_id: string, olds: InvocationOutputs, news: InvocationInputs): Promise<DiffResult> {
    const json = (v: unknown) => canonicalJson(v ?? {});
    const changed = changedFields(olds, news, REPLACE_ON_CHANGE, { input: json, triggers: json });
    return diffResult(changed, REPLACE_ON_CHANGE);
  },

  async create(inputs: InvocationInputs): Promise<CreateResult<InvocationOutputs>> {
    const fg = new FunctionGraphClient(resolveSettings(), tuning.client);
    const target = targetUrn(inputs.functionUrn, inputs.qualifier);
    const res = await fg.invokeFunctionWithLog(target, inputs.input ?? {});
    const result = parseResult(res.result);
    const logTail = res.log ?? "";
    if (res.status !== undefined && res.status !== 200) {
      const tail = logTail ? `\nlog tail:\n${logTail}` : "";
      throw new Error(
        `function ${target} failed (request id ${res.request_id ?? "unknown"}): ${functionError(result)}${tail}`,
      );
    }
    const requestId = res.request_id ?? "";
    const outs: InvocationOutputs = dropUndefined({ ...inputs, result, status: res.status ?? 200, requestId, logTail });
    return { id: requestId, outs };
  },

  async read(id: string, props?: InvocationOutputs): Promise<ReadResult<InvocationOutputs>> {
    if (!props) return {}; // nothing recorded (import): there is no invocation to adopt
    const { result: _r, status: _s, requestId: _q, logTail: _l, ...inputs } = props;
    return { id, props, inputs: inputs as unknown as InvocationOutputs };
  },

  delete: forgetRun,
});
