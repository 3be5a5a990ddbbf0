/**
 * The workflow wire contract (docs/reference/functiongraph-api.md §6, W1–W5): response schemas (zod) and one
 * function per operation. Get and update address the workflow id; delete takes URNs.
 */
import { z } from "zod";
import { collect, paginate } from "../../core/paginate";
import type { FunctionGraphClient } from "../client";

export const summarySchema = z
  .object({
    id: z.string(),
    workflow_urn: z.string(),
    name: z.string(),
    created_time: z.string().optional(),
    updated_time: z.string().optional(),
    created_by: z.string().optional(),
  })
  .passthrough();
export type WorkflowSummary = z.infer<typeof summarySchema>;

export const detailSchema = z
  .object({
    id: z.string(),
    workflow_urn: z.string(),
    created_time: z.string().optional(),
    updated_time: z.string().optional(),
    created_by: z.string().optional(),
    definition: z.object({ name: z.string(), start: z.string() }).passthrough(),
  })
  .passthrough();
export type WorkflowDetail = z.infer<typeof detailSchema>;

const listSchema = z
  .object({ total: z.number(), size: z.number().optional(), workflows: z.array(summarySchema) })
  .passthrough();
const deleteSchema = z
  .object({
    success: z.array(z.string()).optional().nullable(),
    fail: z
      .array(z.object({ workflow_urn: z.string(), error_detail: z.string().optional() }).passthrough())
      .optional()
      .nullable(),
  })
  .passthrough();
export type DeleteOutcome = z.infer<typeof deleteSchema>;

/** The platform's largest page (§1.4). */
const PAGE = 200;

export const workflowApi = {
  create: (fg: FunctionGraphClient, body: unknown) =>
    fg.call("POST", fg.fgsPath("/workflows"), summarySchema, "CreateWorkflow", body),
  show: (fg: FunctionGraphClient, id: string) =>
    fg.call("GET", fg.fgsPath(`/workflows/${encodeURIComponent(id)}`), detailSchema, "ShowWorkFlow"),
  update: (fg: FunctionGraphClient, id: string, body: unknown) =>
    fg.call("PUT", fg.fgsPath(`/workflows/${encodeURIComponent(id)}`), summarySchema, "UpdateWorkFlow", body),
  deleteByUrn: (fg: FunctionGraphClient, urn: string) =>
    fg.call("DELETE", fg.fgsPath("/workflows"), deleteSchema, "BatchDeleteWorkflows", { workflow_urns: [urn] }),
  /** Every workflow whose name contains `name` (limit/offset paging until `total` is reached). */
  listByName(fg: FunctionGraphClient, name: string): Promise<WorkflowSummary[]> {
    return collect(
      paginate(0, async (offset: number) => {
        const page = await fg.call(
          "GET",
          fg.fgsPath(`/workflows?workflow_name=${encodeURIComponent(name)}&limit=${PAGE}&offset=${offset}`),
          listSchema,
          "ListWorkflow",
        );
        const next = offset + page.workflows.length;
        return { items: page.workflows, next: page.workflows.length === 0 || next >= page.total ? undefined : next };
      }),
    );
  },
};
