/**
 * `adopt: true` for `cloudfn:functiongraph:Workflow`: the first `up` takes over the existing
 * workflow of this name (names are unique per project; the URN is built from it) instead of
 * creating it. API calls: ListWorkflow filtered by name, ShowWorkFlow (W3), then UpdateWorkFlow
 * (W4) only if the canonical definition differs — the call an update would make. Never
 * CreateWorkflow. The mode decides how executions run and cannot change in place: a different
 * mode fails, naming the live one.
 */
import { adoptionNotFound, claimForAdoption, releaseAdoption } from "../../core/adoption";
import { changedFields } from "../../core/diff";
import { FunctionGraphClient } from "../client";
import { WorkflowDetail, workflowApi } from "./api";
import { canonical, fromWire, toWire } from "./flow";
import { UPDATE_FIELDS, WorkflowInputs } from "./schema";

/** Registry key of a workflow (its name within the project), shared by adopt and diff. */
export const adoptionKey = (name: string): string => `functiongraph:workflow:${name}`;
export const describe = (name: string): string => `FunctionGraph workflow "${name}"`;

async function readForAdoption(fg: FunctionGraphClient, inputs: WorkflowInputs): Promise<WorkflowDetail> {
  const key = adoptionKey(inputs.name);
  try {
    const found = (await workflowApi.listByName(fg, inputs.name)).find((w) => w.name === inputs.name);
    if (!found) throw adoptionNotFound(describe(inputs.name), `workflow name ${inputs.name}`);
    const live = await workflowApi.show(fg, found.id);
    const mode = live.definition && fromWire(live.definition).mode;
    if (mode !== inputs.mode) {
      throw new Error(
        `cannot adopt ${describe(inputs.name)}: its mode is "${mode}" but the program declares "${inputs.mode}", and the mode cannot change in place; declare mode "${mode}"`,
      );
    }
    return live;
  } catch (e) {
    releaseAdoption(key);
    throw e;
  }
}

/** The definition parts where the live workflow differs from the program. */
export function adoptionChanges(live: WorkflowDetail, inputs: WorkflowInputs): string[] {
  const current = fromWire(live.definition) as unknown as Record<string, unknown>;
  return changedFields(current, inputs, UPDATE_FIELDS, canonical);
}

/**
 * Create with `adopt: true`: the live workflow (updated when its definition differs); undefined
 * when this create replaces a resource of the stack (the caller then creates normally).
 */
export async function adoptWorkflow(
  fg: FunctionGraphClient,
  inputs: WorkflowInputs,
): Promise<WorkflowDetail | undefined> {
  if (!claimForAdoption(adoptionKey(inputs.name), describe(inputs.name))) return undefined;
  const live = await readForAdoption(fg, inputs);
  if (adoptionChanges(live, inputs).length === 0) return live;
  const updated = await workflowApi.update(fg, live.id, toWire(inputs));
  return { ...live, ...updated, created_time: updated.created_time ?? live.created_time };
}
