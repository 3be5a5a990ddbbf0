/**
 * Job-record helpers for Pulumi programs and scripts (not resources). Credentials: the options,
 * then the named `query.profile` if set (docs/providers.md), then the program's stack config (`cloudfn:minapp*`), then MINAPP_CLIENT_ID /
 * MINAPP_CLIENT_SECRET / CLOUDFN_MINAPP_ENDPOINT / MINAPP_ENVIRONMENT_ID.
 */
import * as pulumi from "@pulumi/pulumi";
import type { JobRecord, JobRecordQuery } from "../../provider/minapp/jobs";

export type { JobRecord, JobRecordQuery, MinAppConnection } from "../../provider/minapp/jobs";

/** Every job record of a function that matches the query, all pages. */
export async function listJobRecords(functionName: string, query: JobRecordQuery = {}): Promise<JobRecord[]> {
  // Loaded on call: programs that never list jobs do not load the HTTP client.
  const impl = await import("../../provider/minapp/jobs");
  return impl.listJobRecords(functionName, query, { get: (key) => pulumi.runtime.getConfig(key) });
}
