/**
 * MinApp controls under /_emulator/minapp/ (no auth): a job's log (what `user_log_url` points
 * at) and forcing a function's audit_status, which the real platform sets by review (docs/reference/minapp-api.md §3.6).
 */
import { json, type RequestContext } from "../core/http";
import type { ControlRoute } from "../core/platform";
import { jsonObject } from "./body";
import type { MinAppEnv } from "./env";
import { minappErrors } from "./errors";
import { setAuditStatus } from "./models/cloud-function";
import { findJob } from "./models/job";
import { PRODUCTION } from "./models/state";

export function minappControlRoutes(env: MinAppEnv): ControlRoute[] {
  return [
    {
      method: "GET",
      path: "/_emulator/minapp/job-logs/:file",
      handler: async (ctx: RequestContext) => {
        const job = findJob(env, Number((ctx.params.file ?? "").replace(/\.log$/, "")));
        if (!job) throw minappErrors.notFound("job not found");
        return { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" }, body: job.log };
      },
    },
    {
      method: "POST",
      path: "/_emulator/minapp/audit-status",
      /** Body: {name, audit_status, env?}; env omitted = production. */
      handler: async (ctx: RequestContext) => {
        const body = jsonObject(ctx);
        const envKey = typeof body.env === "string" && body.env !== "" ? body.env : PRODUCTION;
        const name = typeof body.name === "string" ? body.name : "";
        return json(200, setAuditStatus(env, envKey, name, body.audit_status));
      },
    },
  ];
}
