/**
 * schema.json `functions`: the helpers the native plugin answers through Invoke
 * (provider/native/functions.ts), typed after their TypeScript signatures.
 */
type Json = Record<string, unknown>;

const str = (description: string): Json => ({ type: "string", description });

const HELPER_SCHEMAS: Readonly<Record<string, Json>> = {
  "cloudfn:functiongraph:getFunctionReport": {
    description:
      "The project's top functions for one metric (FunctionGraph ListFunctionAsMetric). Reads the provider's FunctionGraph settings. See docs/native-provider.md.",
    inputs: {
      properties: {
        type: str("Metric to rank by; the platform's default is `failcount`."),
        startTime: str("Window start, epoch milliseconds (default: the platform's last day)."),
        endTime: str("Window end, epoch milliseconds."),
        limit: { type: "integer", description: "How many functions (the platform's default is 10)." },
      },
    },
    outputs: {
      properties: {
        values: {
          type: "array",
          items: { $ref: "#/types/cloudfn:functiongraph:FunctionReportEntry" },
          description: "Functions and their metric value, highest first.",
        },
        count: { type: "integer", description: "How many entries the platform reported." },
      },
      required: ["values", "count"],
    },
  },
  "cloudfn:functiongraph:listAsyncInvocations": {
    description:
      "A function's asynchronous invocations with their status and error, newest first (FunctionGraph ListAsyncInvocations). Reads the provider's FunctionGraph settings. See docs/native-provider.md.",
    inputs: {
      properties: {
        functionUrn: str("Function URN, usually a Function's `funcUrn`."),
        status: str("Only this status: WAIT, RUNNING, SUCCESS, FAIL or DISCARD."),
        requestId: str("Only this request id."),
        beginTime: str(
          "Window start on the start time, UTC `YYYY-MM-DDTHH:mm:ss` (the platform's default: the last hour).",
        ),
        endTime: str("Window end, UTC `YYYY-MM-DDTHH:mm:ss`."),
        limit: { type: "integer", description: "At most this many (default: every one in the window)." },
      },
      required: ["functionUrn"],
    },
    outputs: {
      properties: {
        invocations: {
          type: "array",
          items: { $ref: "#/types/cloudfn:functiongraph:AsyncInvocation" },
          description: "The invocations, newest first.",
        },
      },
      required: ["invocations"],
    },
  },
  "cloudfn:functiongraph:listWorkflowExecutions": {
    description:
      "A workflow's executions, newest first (FunctionGraph ListWorkflowExecutions). Reads the provider's FunctionGraph settings. See docs/native-provider.md.",
    inputs: {
      properties: {
        workflowId: str("The workflow's id (a Workflow's `workflowId`)."),
        status: str("Only this status: success, fail, running, timeout or cancel."),
        startTime: str("Window start on the start time, UTC (the platform's default: the last 3 days)."),
        endTime: str("Window end, UTC."),
        limit: { type: "integer", description: "At most this many (default: every one in the window)." },
      },
      required: ["workflowId"],
    },
    outputs: {
      properties: {
        executions: {
          type: "array",
          items: { $ref: "#/types/cloudfn:functiongraph:WorkflowExecutionSummary" },
          description: "The executions, newest first.",
        },
      },
      required: ["executions"],
    },
  },
  "cloudfn:minapp:listJobRecords": {
    description:
      "Every job record (one per run) of a MinApp cloud function that matches the filters, all pages. Reads the provider's MinApp settings. See docs/native-provider.md.",
    inputs: {
      properties: {
        functionName: str("The cloud function's name."),
        source: str("Trigger source: sdk, open_api, cloud_function, flex_schema, timer, ..."),
        status: str(
          "waiting, executing, fulfilled, schedule_failed, execution_rejected, deadline_exceeded or execution_failed.",
        ),
        serviceType: str("time_sensitive (sync) or batch (async)."),
        createdAfter: { type: "integer", description: "Only records created at or after this Unix time (seconds)." },
        createdBefore: { type: "integer", description: "Only records created at or before this Unix time (seconds)." },
      },
      required: ["functionName"],
    },
    outputs: {
      properties: {
        records: {
          type: "array",
          items: { $ref: "#/types/cloudfn:minapp:JobRecord" },
          description: "The records, in the platform's order.",
        },
      },
      required: ["records"],
    },
  },
};

export const FUNCTION_TYPES: Readonly<Record<string, Json>> = {
  "cloudfn:functiongraph:FunctionReportEntry": {
    type: "object",
    description: "One function of a report.",
    properties: { functionUrn: str("The function's URN."), value: { type: "number", description: "Metric value." } },
    required: ["functionUrn", "value"],
  },
  "cloudfn:functiongraph:AsyncInvocation": {
    type: "object",
    description: "One asynchronous invocation.",
    properties: {
      requestId: str("The request id the asynchronous invoke answered."),
      status: str("WAIT, RUNNING, SUCCESS, FAIL or DISCARD."),
      errorCode: { type: "integer", description: "The error code of a failed invocation." },
      errorMessage: str("The error message of a failed invocation."),
      startTime: str("When it started."),
      endTime: str("When it ended."),
    },
    required: ["requestId", "status"],
  },
  "cloudfn:functiongraph:WorkflowExecutionSummary": {
    type: "object",
    description: "One execution of a workflow.",
    properties: {
      executionId: str("The execution's id."),
      workflowId: str("The workflow's id."),
      workflowUrn: str("The workflow's URN."),
      status: str("success, fail, running, timeout or cancel."),
      beginTime: str("When it started."),
      endTime: str("When it ended."),
      lastUpdateTime: str("When its status last changed."),
      createdBy: str("Who started it."),
    },
    required: ["executionId", "status"],
  },
  "cloudfn:minapp:JobRecord": {
    type: "object",
    description: "One job record of a MinApp cloud function, with the platform's field names.",
    properties: {
      id: { type: "integer", description: "The job's id." },
      created_at: { type: "integer", description: "When it was created (Unix seconds)." },
      started_at: { type: "integer", description: "When it started (Unix seconds)." },
      finished_at: { type: "integer", description: "When it finished (Unix seconds)." },
      mem_usage: { type: "number", description: "Memory used." },
      service_type: str("time_sensitive (sync) or batch (async)."),
      source: str("What triggered it."),
      status: str("The job's status."),
      user_log_url: str("Where its log is."),
    },
    required: ["id"],
  },
};

/** Every helper reads with a provider profile when asked: one argument, the same for all. */
const PROFILE_ARGUMENT = str(
  "Name of a provider profile to read with (its settings under the provider's `profiles`, then `<ENV>_<NAME>` variables, then the provider's other settings); unset: the provider's own settings. See docs/providers.md.",
);

function withProfileArgument(schema: Json): Json {
  const inputs = schema.inputs as { properties: Json };
  return { ...schema, inputs: { ...inputs, properties: { ...inputs.properties, profile: PROFILE_ARGUMENT } } };
}

export const FUNCTION_SCHEMAS: Readonly<Record<string, Json>> = Object.fromEntries(
  Object.entries(HELPER_SCHEMAS).map(([token, schema]) => [token, withProfileArgument(schema)]),
);
