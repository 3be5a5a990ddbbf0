/**
 * Request body shapes (types only; the platform rules with their FSS codes live in
 * validation.ts). Unknown keys pass through: the platform has dozens of optional fields and the
 * emulator stores and echoes the ones it does not model.
 */
import { z } from "zod";
import { fgErrors } from "./errors";

const funcCode = z.object({ file: z.string().optional(), link: z.string().optional() }).passthrough();
const strategyConfig = z.object({ concurrency: z.number().int().optional(), concurrent_num: z.number().int().optional() }).passthrough();

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
