/**
 * Invoke: the package's helper functions, by schema token. Each runs with the provider
 * instance's configuration (the same one its resources use). Helpers that answer a list return
 * it under one property: an invoke returns an object.
 */
import type { ConfigSource } from "../core/stack-config";
import { listAsyncInvocations, type ListAsyncInvocationsArgs } from "../functiongraph/async-invocations";
import { getFunctionReport } from "../functiongraph/report";
import { listWorkflowExecutions, type ListWorkflowExecutionsArgs } from "../functiongraph/workflow-execution/helpers";
import { listJobRecords, type JobRecordQuery } from "../minapp/jobs";
import type { Props } from "./values";

type Helper = (args: Props, config: ConfigSource) => Promise<Props>;

/** Absent fields dropped at any depth: a protobuf Struct cannot hold `undefined`. */
const plain = (value: unknown): Props => JSON.parse(JSON.stringify(value)) as Props;

/** The job-record filters and profile a program may pass; the connection comes from the provider, never from arguments. */
function jobQuery(args: Props): JobRecordQuery {
  const { source, status, serviceType, createdAfter, createdBefore, profile } = args as JobRecordQuery;
  return { source, status, serviceType, createdAfter, createdBefore, profile };
}

export const FUNCTIONS: Readonly<Record<string, Helper>> = {
  "cloudfn:functiongraph:getFunctionReport": async (args, config) => plain(await getFunctionReport(args, config)),
  "cloudfn:functiongraph:listAsyncInvocations": async (args, config) => ({
    invocations: plain(await listAsyncInvocations(args as unknown as ListAsyncInvocationsArgs, config)),
  }),
  "cloudfn:functiongraph:listWorkflowExecutions": async (args, config) => ({
    executions: plain(await listWorkflowExecutions(args as unknown as ListWorkflowExecutionsArgs, config)),
  }),
  "cloudfn:minapp:listJobRecords": async (args, config) => {
    if (typeof args.functionName !== "string" || !args.functionName) throw new Error("functionName is required");
    return { records: plain(await listJobRecords(args.functionName, jobQuery(args), config)) };
  },
};

export async function invoke(token: string, args: Props, config: ConfigSource): Promise<Props> {
  const helper = FUNCTIONS[token];
  if (!helper)
    throw new Error(`unknown function ${token}; this cloudfn plugin serves ${Object.keys(FUNCTIONS).join(", ")}`);
  return helper(args, config);
}
