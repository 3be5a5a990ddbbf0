/**
 * Request body shapes (types only; the platform rules with their FSS codes live in
 * validation.ts). Unknown keys pass through: the platform has dozens of optional fields and the
 * emulator stores and echoes the ones it does not model.
 */
import { z } from "zod";
import { fgErrors } from "./errors";
import { configFieldShapes } from "./schemas-config";

const funcCode = z.object({ file: z.string().optional(), link: z.string().optional() }).passthrough();
const strategyConfig = z
  .object({ concurrency: z.number().int().optional(), concurrent_num: z.number().int().optional() })
  .passthrough();

const common = {
  timeout: z.number(),
  handler: z.string(),
  memory_size: z.number(),
  user_data: z.string().optional(),
  encrypted_user_data: z.string().optional(),
  description: z.string().optional(),
  xrole: z.string().optional(),
  app_xrole: z.string().optional(),
  enterprise_project_id: z.string().optional(),
  strategy_config: strategyConfig.optional(),
  initializer_handler: z.string().optional(),
  initializer_timeout: z.number().int().optional(),
  pre_stop_handler: z.string().optional(),
  pre_stop_timeout: z.number().int().optional(),
  ...configFieldShapes,
};

export const createFunctionBody = z
  .object({
    func_name: z.string(),
    package: z.string(),
    runtime: z.string(),
    code_type: z.string().optional(),
    code_url: z.string().optional(),
    code_filename: z.string().optional(),
    func_code: funcCode.optional(),
    depend_version_list: z.array(z.string()).optional(),
    type: z.string().optional(),
    ...common,
  })
  .passthrough();

export const updateConfigBody = z
  .object({ func_name: z.string().optional(), runtime: z.string(), ...common })
  .passthrough();

export const updateCodeBody = z
  .object({
    code_type: z.string(),
    code_url: z.string().optional(),
    code_filename: z.string().optional(),
    func_code: funcCode.optional(),
    depend_version_list: z.array(z.string()).optional(),
  })
  .passthrough();

export const createDependencyVersionBody = z
  .object({
    depend_type: z.string(),
    runtime: z.string(),
    name: z.string(),
    description: z.string().optional(),
    depend_file: z.string().optional(),
    depend_link: z.string().optional(),
  })
  .passthrough();

const functionRef = z
  .object({ ref_name: z.string(), invoke_mode: z.string().optional(), arguments: z.record(z.unknown()) })
  .passthrough();
const operationState = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    end: z.boolean(),
    transition: z.string(),
    actions: z.array(z.object({ function_ref: functionRef }).passthrough()),
    action_mode: z.string().optional(),
    on_errors: z
      .array(
        z
          .object({ error: z.string().optional(), transition: z.string().optional(), retry_ref: z.string().optional() })
          .passthrough(),
      )
      .optional(),
    state_data_filter: z
      .object({ input: z.string().optional(), output: z.string().optional() })
      .passthrough()
      .optional(),
    duration: z.number().int().optional(),
  })
  .passthrough();

/** WorkflowCreateBody (docs/reference/functiongraph-api.md §6.1): W1 and W4 take the whole definition. */
export const workflowBody = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    start: z.string(),
    triggers: z.array(z.object({ trigger_name: z.string(), trigger_type: z.string() }).passthrough()).optional(),
    functions: z.array(
      z.object({ name: z.string(), operation: z.string(), metadata: z.record(z.unknown()).optional() }).passthrough(),
    ),
    states: z.array(operationState),
    constants: z.record(z.unknown()),
    retries: z.array(
      z
        .object({ name: z.string(), delay: z.number().int().optional(), max_attempts: z.number().int().optional() })
        .passthrough(),
    ),
    mode: z.string().optional(),
    express_config: z.object({ log_level: z.string().optional() }).passthrough().optional(),
    enterprise_project_id: z.string().optional(),
    enable_stream_response: z.boolean().optional(),
  })
  .passthrough();

export const workflowDeleteBody = z.object({ workflow_urns: z.array(z.string()).max(200) }).passthrough();
export const flowExecuteBody = z
  .object({ headers: z.record(z.unknown()).optional(), input: z.unknown().optional() })
  .passthrough();

export type WorkflowBody = z.infer<typeof workflowBody>;
export type CreateDependencyVersionBody = z.infer<typeof createDependencyVersionBody>;
export type CreateFunctionBody = z.infer<typeof createFunctionBody>;
export type UpdateConfigBody = z.infer<typeof updateConfigBody>;
export type UpdateCodeBody = z.infer<typeof updateCodeBody>;

/** Parses with a schema; a shape error becomes 400 FSS.0400 naming the offending field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join(".") || "body";
  throw fgErrors.invalid(`invalid parameter ${field}: ${issue.message}`);
}
