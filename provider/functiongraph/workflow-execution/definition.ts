/**
 * `cloudfn:functiongraph:WorkflowExecution`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { rules } from "./rules";

export const workflowExecutionDefinition = {
  token: "cloudfn:functiongraph:WorkflowExecution",
  description:
    "Starts an execution of a FunctionGraph workflow when created, and again whenever workflowId, input or triggers change or the workflow itself was updated (a replacement), waits for it to finish and keeps its output. A failed execution fails the step with the failing state's error. Read never starts an execution; delete makes no call.",
  docs: "functiongraph/workflow-execution.md",
  implementation: "provider/functiongraph/workflow-execution",
  notImportable:
    "a WorkflowExecution records one run its create started, with the inputs that started it; a run made elsewhere has no such inputs. Declare it and `up` starts a run.",
  methods: ["configure", "check", "diff", "create", "read", "update", "delete"],
  inputs: {
    workflowId: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.workflowId,
      doc: "Workflow id, usually a Workflow's `workflowId`. A change, or an update of the workflow (its `updated_time` moved), starts a new execution.",
    },
    input: {
      type: t.any(),
      replaceOnChange: true,
      rule: rules.input,
      doc: "The execution's input, any JSON value (default `{}`), compared with sorted keys. Changing it starts a new execution.",
    },
    triggers: {
      type: t.map(t.string()),
      replaceOnChange: true,
      rule: rules.triggers,
      doc: "Strings whose change starts a new execution, e.g. `{ code: fn.codeHash }`.",
    },
    timeoutSeconds: {
      type: t.integer(),
      default: 300,
      rule: rules.timeoutSeconds,
      doc: "How long `up` waits for the execution to finish (1 to 86400 s); an execution still running then fails the step. Changing it starts nothing.",
    },
  },
  outputs: {
    executionId: { type: t.string(), doc: "Execution id; also the resource id." },
    status: { type: t.string(), doc: "Final status of the execution (`success`)." },
    output: { type: t.any(), doc: "The execution's output: the last state's result." },
    beginTime: { type: t.string(), doc: "When the execution started (UTC)." },
    endTime: { type: t.string(), doc: "When the execution ended (UTC)." },
    workflowUpdatedTime: {
      type: t.string(),
      doc: "The workflow's `updated_time` when the execution started; a later update of the workflow starts a new execution.",
    },
  },
} as const satisfies ResourceDefinition;
