/** Path parameters shared by the function handlers: project id and function URN. */
import type { RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import { normalizeQualifier } from "../models/qualifier";
import { parseFunctionUrn, type FunctionRef } from "../urn";

/**
 * The project id in the path must be the emulated account's project. The platform scopes every
 * credential (token or AK/SK) to a project, so a foreign project id is an authorisation failure
 * of a caller who did authenticate: 403, not 404 (which would suggest the URL is wrong).
 */
export function projectOf(env: FgEnv, ctx: RequestContext): string {
  const pid = ctx.params.project_id ?? "";
  if (pid !== env.creds.projectId)
    throw fgErrors.forbidden(`project ${pid} does not match the project of the credentials`);
  return pid;
}

/** Parses the URN path parameter; its project (if written) must be the path's project. */
export function refOf(env: FgEnv, ctx: RequestContext): FunctionRef {
  const raw = ctx.params.function_urn ?? "";
  const ref = parseFunctionUrn(raw);
  if (!ref) throw fgErrors.validation("FSS.1309", `invalid function URN ${JSON.stringify(raw)}`);
  if (ref.projectId !== undefined && ref.projectId !== env.creds.projectId) {
    throw fgErrors.forbidden(`project ${ref.projectId} in the URN does not match the project of the credentials`);
  }
  if (ref.region !== undefined && ref.region !== env.creds.region) throw fgErrors.functionNotFound();
  return normalizeQualifier(env, env.creds.projectId, ref);
}
