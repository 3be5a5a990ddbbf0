/**
 * Errors of the workflow APIs: as other FunctionGraph errors plus `request_id` in the body
 * (docs/reference/functiongraph-api.md §1.3: the newer workflow APIs add it). Codes for workflow failures are not documented beyond
 * the generic family, so the generic FSS.0xxx codes of §10.3 are used.
 */
import type { RequestContext } from "../core/http";
import { FgError } from "./errors";

export class FlowError extends FgError {
  override body(ctx?: RequestContext): unknown {
    return { error_code: this.code, error_msg: this.message, request_id: ctx?.requestId ?? "" };
  }
}

export const flowErrors = {
  invalid: (detail: string) => new FlowError(400, "FSS.0400", detail),
  notFound: (id: string) => new FlowError(404, "FSS.0404", `workflow ${id} not found`),
  exists: (name: string) => new FlowError(409, "FSS.0409", `workflow ${name} already exists`),
  quota: (max: number) => new FlowError(403, "FSS.0403", `the number of workflows exceeds the quota (${max})`),
} as const;
