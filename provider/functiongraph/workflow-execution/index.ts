/**
 * Resource provider for `cloudfn:functiongraph:WorkflowExecution`: starts a workflow execution
 * at deploy time, waits for it to finish and records its output.
 *
 * Identifier: the execution id.
 * Replace on change: workflowId, input, triggers, and the workflow's `updated_time` (an updated
 *   workflow is run again). timeoutSeconds changes in place and starts nothing.
 * Computed outputs: executionId, status, output, beginTime, endTime, workflowUpdatedTime.
 * API calls per step (docs/reference/functiongraph-api.md §6.7):
 *   check  — none (zod validation; `input` is canonicalised with sorted keys).
 *   diff   — ShowWorkFlow (W3) when the workflow id is unchanged, to see whether the workflow
 *            was updated since the recorded execution; nothing else.
 *   create — ShowWorkFlow (W3), StartWorkflowExecution (W6, not retried: a retry would start a
 *            second execution), then ShowWorkflowExecution (W9) until the status is no longer
 *            `running`. A failed, timed-out or cancelled execution, or one still running after
 *            timeoutSeconds, fails the step naming the failing state and its error, so nothing
 *            is recorded and the next `up` starts again.
 *   read   — none: the recorded execution stands; reading never starts one.
 *   update — none (only timeoutSeconds changed).
 *   delete — none: an execution cannot be undone.
 */
import type { CheckResult, CreateResult, DiffResult, ResourceProvider, UpdateResult } from "@pulumi/pulumi/dynamic";
import { checkDefined, dropUndefined } from "../../core/check";
import { changedFields, containsUnknown, diffResult } from "../../core/diff";
import { rerunOnChange } from "../../core/run-once";
import { ClientOptions, FunctionGraphClient } from "../client";
import { configure, resolveSettings, profiled } from "../config";
import { canonicalJson } from "../invocation/rules";
import { workflowApi } from "../workflow/api";
import { executionApi } from "./api";
import { workflowExecutionDefinition } from "./definition";
import { executionInfo, type WorkflowExecutionInfo } from "./helpers";
import { REPLACE_ON_CHANGE, WorkflowExecutionInputs, WorkflowExecutionOutputs } from "./schema";

/** Knobs for tests: a fake transport, fast retries, the wait between status reads. */
export const tuning: { client: ClientOptions; pollMs: number } = { client: {}, pollMs: 1000 };

const client = () => new FunctionGraphClient(resolveSettings(), tuning.client);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the execution until it is no longer running, or until the deadline. */
async function awaitEnd(fg: FunctionGraphClient, inputs: WorkflowExecutionInputs, id: string) {
  const deadline = Date.now() + inputs.timeoutSeconds * 1000;
  for (let wait = Math.min(200, tuning.pollMs); ; wait = Math.min(wait * 2, tuning.pollMs)) {
    const info = executionInfo(await executionApi.show(fg, inputs.workflowId, id));
    if (info.status !== "running") return info;
    if (Date.now() >= deadline)
      throw new Error(
        `workflow execution ${id} of workflow ${inputs.workflowId} is still running after ${inputs.timeoutSeconds} s (timeoutSeconds)`,
      );
    await pause(wait);
  }
}

function failure(inputs: WorkflowExecutionInputs, info: WorkflowExecutionInfo): Error {
  const where = info.error ? ` at state ${info.error.stateId}: ${info.error.message}` : "";
  return new Error(
    `workflow execution ${info.executionId} of workflow ${inputs.workflowId} ended ${info.status}${where}`,
  );
}

async function run(inputs: WorkflowExecutionInputs): Promise<WorkflowExecutionOutputs> {
  const fg = client();
  const flow = await workflowApi.show(fg, inputs.workflowId);
  const { execution_id: id } = await executionApi.start(fg, inputs.workflowId, inputs.input ?? {});
  const info = await awaitEnd(fg, inputs, id);
  if (info.status !== "success") throw failure(inputs, info);
  return dropUndefined({
    ...inputs,
    executionId: id,
    status: info.status,
    output: info.output ?? null,
    beginTime: info.beginTime ?? "",
    endTime: info.endTime ?? "",
    workflowUpdatedTime: flow.updated_time ?? "",
  });
}

/** Whether the workflow was updated since the recorded execution (a deleted one counts as changed). */
async function workflowChanged(olds: WorkflowExecutionOutputs): Promise<boolean> {
  try {
    const flow = await workflowApi.show(client(), olds.workflowId);
    return (flow.updated_time ?? "") !== olds.workflowUpdatedTime;
  } catch {
    return true;
  }
}

const runOnce = rerunOnChange<WorkflowExecutionInputs, WorkflowExecutionOutputs>(run);

export const provider: ResourceProvider<WorkflowExecutionInputs, WorkflowExecutionOutputs> = profiled({
  configure,

  async check(
    _olds: WorkflowExecutionInputs,
    news: WorkflowExecutionInputs,
  ): Promise<CheckResult<WorkflowExecutionInputs>> {
    return checkDefined<WorkflowExecutionInputs>(workflowExecutionDefinition, news);
  },

  async diff(_id: string, olds: WorkflowExecutionOutputs, news: WorkflowExecutionInputs): Promise<DiffResult> {
    const json = (v: unknown) => canonicalJson(v ?? {});
    const changed = changedFields(olds, news, [...REPLACE_ON_CHANGE, "timeoutSeconds"], {
      input: json,
      triggers: json,
    });
    const sameFlow = !changed.includes("workflowId") && !containsUnknown(news.workflowId);
    if (sameFlow && (await workflowChanged(olds))) changed.push("workflowUpdatedTime");
    return diffResult(changed, [...REPLACE_ON_CHANGE, "workflowUpdatedTime"]);
  },

  async create(inputs: WorkflowExecutionInputs): Promise<CreateResult<WorkflowExecutionOutputs>> {
    const outs = await run(inputs);
    return { id: outs.executionId, outs };
  },

  read: runOnce.read,

  // Only timeoutSeconds updates in place; it affects the next run, not the recorded one.
  async update(
    _id: string,
    olds: WorkflowExecutionOutputs,
    news: WorkflowExecutionInputs,
  ): Promise<UpdateResult<WorkflowExecutionOutputs>> {
    return { outs: { ...olds, timeoutSeconds: news.timeoutSeconds } };
  },

  delete: runOnce.delete,
});
