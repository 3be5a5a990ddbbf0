/**
 * Workflows (函数流, docs/reference/functiongraph-api.md §6, W1–W5). State lives under functiongraph → project → "workflows",
 * keyed by workflow id. The definition is stored as sent (with the documented defaults filled
 * in) and returned under `definition` by W3.
 */
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { flowErrors } from "../flow-errors";
import type { WorkflowBody } from "../schemas";
import { checkWorkflowDefinition } from "../workflow-validation";

export interface WorkflowRecord {
  id: string;
  name: string;
  workflow_urn: string;
  definition: WorkflowBody;
  created_time: string;
  updated_time: string;
  created_by: string;
}

type Workflows = Record<string, WorkflowRecord>;

/** Workflows per account (quota type fgs_workflow_num, §6). */
export const WORKFLOW_QUOTA = 200;

export function workflowsOf(env: FgEnv, projectId: string): Workflows {
  return env.store.bucket<Workflows>(PLATFORM, projectId, "workflows", () => ({}));
}

/** `urn:fss:{region}:{project}:workflow:default:{name}:latest` (§2.2). */
export function workflowUrn(env: FgEnv, projectId: string, name: string): string {
  return `urn:fss:${env.creds.region}:${projectId}:workflow:default:${name}:latest`;
}

function withDefaults(body: WorkflowBody): WorkflowBody {
  return { ...body, description: body.description ?? "", mode: body.mode ?? "NORMAL" };
}

export function createWorkflow(env: FgEnv, projectId: string, body: WorkflowBody): WorkflowRecord {
  checkWorkflowDefinition(body);
  const flows = workflowsOf(env, projectId);
  if (Object.values(flows).some((w) => w.name === body.name)) throw flowErrors.exists(body.name);
  if (Object.keys(flows).length >= WORKFLOW_QUOTA) throw flowErrors.quota(WORKFLOW_QUOTA);
  const now = rfc3339(env.clock.now());
  const record: WorkflowRecord = {
    id: env.ids.uuid(),
    name: body.name,
    workflow_urn: workflowUrn(env, projectId, body.name),
    definition: withDefaults(body),
    created_time: now,
    updated_time: now,
    created_by: env.creds.userName,
  };
  flows[record.id] = record;
  env.store.commit();
  return record;
}

export function getWorkflow(env: FgEnv, projectId: string, id: string): WorkflowRecord {
  const record = workflowsOf(env, projectId)[id];
  if (!record) throw flowErrors.notFound(id);
  return record;
}

/**
 * W4: a full replacement of the definition. Whether the name may change is undocumented; the
 * URN embeds it, so the emulator refuses a rename (clients replace the workflow instead).
 */
export function updateWorkflow(env: FgEnv, projectId: string, id: string, body: WorkflowBody): WorkflowRecord {
  const record = getWorkflow(env, projectId, id);
  checkWorkflowDefinition(body);
  if (body.name !== record.name)
    throw flowErrors.invalid(`name cannot be changed (workflow ${record.name}); create a new workflow instead`);
  record.definition = withDefaults(body);
  record.updated_time = rfc3339(env.clock.now());
  env.store.commit();
  return record;
}

export interface WorkflowFilter {
  /** Substring of the name (the console searches by fragment). */
  name?: string;
  mode?: string;
}

export function listWorkflows(env: FgEnv, projectId: string, filter: WorkflowFilter): WorkflowRecord[] {
  return Object.values(workflowsOf(env, projectId)).filter(
    (w) => (!filter.name || w.name.includes(filter.name)) && (!filter.mode || w.definition.mode === filter.mode),
  );
}

export interface BatchDeleteResult {
  success: string[];
  fail: { workflow_urn: string; error_detail: string }[];
}

/** W5: per-URN outcome; a failure for one URN never changes the HTTP status (§6.6). */
export function deleteWorkflows(env: FgEnv, projectId: string, urns: string[]): BatchDeleteResult {
  const flows = workflowsOf(env, projectId);
  const result: BatchDeleteResult = { success: [], fail: [] };
  for (const urn of urns) {
    const found = Object.values(flows).find((w) => w.workflow_urn === urn);
    if (!found) {
      result.fail.push({ workflow_urn: urn, error_detail: `workflow ${urn} not found` });
      continue;
    }
    delete flows[found.id];
    result.success.push(urn);
  }
  env.store.commit();
  return result;
}
