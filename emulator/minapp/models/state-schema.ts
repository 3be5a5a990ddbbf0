/**
 * What a state file must hold for MinApp (core/state-file.ts checks it on load): one schema per
 * bucket the models and auth keep in the Store, matching what they write. Unknown keys pass.
 */
import { z } from "zod";

const str = z.string();
const num = z.number();

const cloudFunction = z
  .object({
    id: num,
    name: str,
    function_code: str,
    remark: str,
    plan_circle: str,
    audit_status: str,
    created_at: num,
    updated_at: num,
    created_by: str,
    updated_by: str,
  })
  .passthrough();

const job = z
  .object({
    id: num,
    job_id: str,
    function_id: num,
    created_at: num,
    started_at: num.nullable(),
    finished_at: num.nullable(),
    mem_usage: num,
    service_type: str,
    source: str,
    status: str,
    log: str,
  })
  .passthrough();

const namespace = z.object({ functions: z.record(cloudFunction), jobs: z.record(z.array(job)) }).passthrough();

const client = z.object({ client_id: str }).passthrough();
const expiring = z.object({ client_id: str, expires_at: num }).passthrough();

const auth = z
  .object({
    sessions: z.record(client),
    codes: z.record(expiring),
    tokens: z.record(expiring),
    refresh_tokens: z.record(client),
  })
  .passthrough();

export const MINAPP_STATE_SCHEMAS = {
  environments: z.record(namespace),
  sequences: z.object({ function: num, job: num }).passthrough(),
  auth,
};
