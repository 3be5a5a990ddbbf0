/**
 * Resource provider for `cloudfn:functiongraph:Workflow` (a FunctionGraph function flow).
 *
 * Identifier: the workflow URN (`urn:fss:{region}:{project}:workflow:default:{name}:latest`);
 *   the workflow id, which get and update address, is kept in the `workflowId` output.
 * Replace on change: name (part of the URN), mode (NORMAL/EXPRESS decide how executions run).
 * In place: description, start, functions, states, constants, retries, expressConfig — one
 *   UpdateWorkFlow call carrying the whole definition.
 * Computed outputs: workflowUrn, workflowId, createdTime, updatedTime, createdBy.
 * The definition is typed and canonical (flow.ts): key order, the order of
 *   states/functions/retries and spelled-out defaults never cause a diff.
 * API calls per step (docs/reference/functiongraph-api.md §6):
 *   check  — none (field rules, then references: start, transitions, functions, retries).
 *   diff   — none (canonical definition parts against the old outputs).
 *   create — with `adopt: true`: ListWorkflow by name + ShowWorkFlow (W3), then UpdateWorkFlow (W4)
 *            only if the definition differs (adopt.ts, docs/adopt.md). Otherwise
 *            CreateWorkflow (W1). On 409 (our own earlier create whose response was lost, or a
 *            workflow made elsewhere) ListWorkflow by name + ShowWorkFlow (W3): reconciled when its
 *            definition equals ours, refused otherwise.
 *   read   — ShowWorkFlow (W3) with the stored workflowId; only an import (no stored id) lists
 *            by name to find the id. 404 means gone.
 *   update — UpdateWorkFlow (W4) with the full definition.
 *   delete — BatchDeleteWorkflows (W5) with `{workflow_urns: [urn]}`; our URN in `success`, or in
 *            `fail` with a not-found detail, is success; any other `fail` entry is an error.
 */
import {
  CheckResult,
  CreateResult,
  DiffResult,
  ReadResult,
  ResourceProvider,
  UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { ConflictError, NotFoundError } from "../../core/errors";
import { changedFields, containsUnknown, deepEqual, diffResult } from "../../core/diff";
import { ClientOptions, FunctionGraphClient } from "../client";
import { resolveSettings, configure, profiled } from "../config";
import { WorkflowDetail, WorkflowSummary, workflowApi } from "./api";
import { checkWorkflow } from "./check";
import { canonical, canonicalize, fromWire, toWire } from "./flow";
import { adoptWorkflow, adoptionKey, describe } from "./adopt";
import { noteManaged, noteReplacement } from "../../core/adoption";
import { REPLACE_ON_CHANGE, UPDATE_FIELDS, WorkflowInputs, WorkflowOutputs } from "./schema";

export const tuning: { client: ClientOptions } = { client: {} };

function client(): FunctionGraphClient {
  return new FunctionGraphClient(resolveSettings(), tuning.client);
}

/** `urn:...:workflow:default:{name}:latest` → name. */
const nameOfUrn = (urn: string) => urn.split(":")[6] ?? "";

function outputsFrom(inputs: WorkflowInputs, w: WorkflowSummary | WorkflowDetail): WorkflowOutputs {
  const { adopt: _adopt, ...declared } = canonicalize(inputs);
  const outs = {
    ...declared,
    workflowUrn: w.workflow_urn,
    workflowId: w.id,
    createdTime: w.created_time ?? "",
    updatedTime: w.updated_time ?? "",
    createdBy: w.created_by ?? "",
  };
  return Object.fromEntries(Object.entries(outs).filter(([, v]) => v !== undefined)) as unknown as WorkflowOutputs;
}

async function findByName(fg: FunctionGraphClient, name: string): Promise<WorkflowSummary | undefined> {
  return (await workflowApi.listByName(fg, name)).find((w) => w.name === name);
}

/** A workflow of our name exists: ours (lost create response) if its definition is ours. */
async function reconcileLostCreate(
  fg: FunctionGraphClient,
  inputs: WorkflowInputs,
  cause: ConflictError,
): Promise<WorkflowDetail> {
  const found = await findByName(fg, inputs.name);
  const live = found && (await workflowApi.show(fg, found.id));
  if (!live || !deepEqual(fromWire(live.definition), canonicalize(inputs))) {
    throw new Error(
      `workflow "${inputs.name}" already exists with a different definition, so it was not created by this deployment; delete it or choose another name (${cause.message})`,
    );
  }
  return live;
}

const compared = [...REPLACE_ON_CHANGE, ...UPDATE_FIELDS];

export const provider: ResourceProvider<WorkflowInputs, WorkflowOutputs> = profiled({
  configure,

  async check(_olds: WorkflowInputs, news: WorkflowInputs): Promise<CheckResult<WorkflowInputs>> {
    return checkWorkflow(news);
  },

  async diff(id: string, olds: WorkflowOutputs, news: WorkflowInputs): Promise<DiffResult> {
    noteManaged(adoptionKey(nameOfUrn(id)), describe(nameOfUrn(id)));
    const changed = changedFields(olds, news, compared, canonical);
    const result = diffResult(changed, REPLACE_ON_CHANGE);
    // The replacement is created, never adopted, even if the program still says `adopt: true`.
    if (result.replaces?.length && typeof news.name === "string" && !containsUnknown(news.name))
      noteReplacement(adoptionKey(news.name), describe(news.name));
    return result;
  },

  async create(inputs: WorkflowInputs): Promise<CreateResult<WorkflowOutputs>> {
    const fg = client();
    const adopted = inputs.adopt ? await adoptWorkflow(fg, inputs) : undefined;
    let created: WorkflowSummary | WorkflowDetail;
    if (adopted) {
      const outs = outputsFrom(inputs, adopted);
      return { id: outs.workflowUrn, outs };
    }
    try {
      created = await workflowApi.create(fg, toWire(inputs));
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      created = await reconcileLostCreate(fg, inputs, e);
    }
    const outs = outputsFrom(inputs, created);
    return { id: outs.workflowUrn, outs };
  },

  async read(id: string, props?: WorkflowOutputs): Promise<ReadResult<WorkflowOutputs>> {
    const fg = client();
    let live: WorkflowDetail;
    try {
      const workflowId = props?.workflowId ?? (await findByName(fg, nameOfUrn(id)))?.id;
      if (!workflowId) return {};
      live = await workflowApi.show(fg, workflowId);
    } catch (e) {
      if (e instanceof NotFoundError) return {};
      throw e;
    }
    // Same name recreated elsewhere under a new id is not ours; a different URN is not either.
    if (live.workflow_urn !== id) return {};
    const inputs = fromWire(live.definition);
    return { id, props: outputsFrom(inputs, live), inputs: inputs as WorkflowOutputs };
  },

  async update(_id: string, olds: WorkflowOutputs, news: WorkflowInputs): Promise<UpdateResult<WorkflowOutputs>> {
    const updated = await workflowApi.update(client(), olds.workflowId, toWire(news));
    return { outs: outputsFrom(news, { ...updated, created_time: updated.created_time ?? olds.createdTime }) };
  },

  async delete(id: string): Promise<void> {
    const outcome = await workflowApi.deleteByUrn(client(), id);
    if (outcome.success?.includes(id)) return;
    const failure = outcome.fail?.find((f) => f.workflow_urn === id);
    if (!failure) throw new Error(`deleting workflow ${id}: the platform reported neither success nor failure for it`);
    if (/not (be )?found|not exist/i.test(failure.error_detail ?? "")) return;
    throw new Error(`deleting workflow ${id} failed: ${failure.error_detail ?? "no detail"}`);
  },
});
