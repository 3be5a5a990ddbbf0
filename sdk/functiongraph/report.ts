/**
 * `getFunctionReport`: top functions of the project for a metric (FunctionGraph's
 * `GET /v2/{project_id}/fgs/function/report`). A plain async function, not a resource; it reads
 * the same `cloudfn:functiongraph*` stack config (or HW_* environment variables) as the
 * resources; `args.profile` reads with a named profile's settings first (docs/providers.md). The
 * implementation is loaded on first call, so importing the SDK stays light.
 */
import * as pulumi from "@pulumi/pulumi";
import type { FunctionReport, FunctionReportArgs } from "../../provider/functiongraph/report";

export type { FunctionReport, FunctionReportArgs, FunctionReportEntry } from "../../provider/functiongraph/report";

export async function getFunctionReport(args: FunctionReportArgs = {}): Promise<FunctionReport> {
  const impl = await import("../../provider/functiongraph/report");
  // Outside a Pulumi program getConfig finds nothing and the environment variables apply.
  return impl.getFunctionReport(args, { get: (key) => pulumi.runtime.getConfig(key) });
}
