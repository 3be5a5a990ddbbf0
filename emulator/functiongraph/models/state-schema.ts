/**
 * What a state file must hold for FunctionGraph functions to be served and invoked after a
 * restart (core/state-file.ts checks it on load). Only the fields the emulator reads without a
 * fallback are pinned; others pass as stored.
 */
import { z } from "zod";

const functionRecord = z
  .object({
    func_id: z.string(),
    func_name: z.string(),
    package: z.string(),
    runtime: z.string(),
    handler: z.string(),
    timeout: z.number(),
    memory_size: z.number(),
    code_type: z.string(),
    digest: z.string(),
    code_base64: z.string(),
    user_data: z.string(),
    encrypted_user_data: z.string(),
    depend_version_list: z.array(z.string()),
  })
  .passthrough();

export const FG_STATE_SCHEMAS = { functions: z.record(functionRecord) };
