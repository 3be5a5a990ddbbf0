/**
 * `cloudfn:functiongraph:Workflow`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts. The nested
 * types are named so the SDK keeps exporting WorkflowFunctionArgs, WorkflowStateArgs and
 * WorkflowActionArgs.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { ACTION_MODES, LOG_LEVELS, MODES, STATE_TYPES, rules } from "./rules";
import { adoptInput } from "../../core/adopt-inputs";

const workflowFunction = t.object("WorkflowFunction", "A function the flow calls.", {
  name: { type: t.string(), required: true, doc: "Name states use in `functionRef.refName`; unique in the flow." },
  functionUrn: { type: t.string(), required: true, doc: "URN of the function to call (e.g. a Function's `funcUrn`)." },
  metadata: { type: t.map(t.any()), doc: "Free metadata stored with the function reference." },
});

const functionRef = t.object("WorkflowFunctionRef", "Which function an action calls, and with what event.", {
  refName: { type: t.string(), required: true, doc: "The `name` of one of the flow's `functions`." },
  invokeMode: { type: t.enum(["synchronize"]), doc: "Only `synchronize` (the default)." },
  arguments: {
    type: t.map(t.any()),
    doc: "The function's event: values may be JSONPath (`$.a.b`), constants (`$CONST.x`) or literals.",
  },
});

const action = t.object("WorkflowAction", "A function call of an Operation state.", {
  functionRef: { type: functionRef, required: true, doc: "The function called and its event." },
});

const onError = t.object("WorkflowOnError", "What a state does when an action fails.", {
  error: { type: t.string(), doc: "Error the handler matches." },
  transition: { type: t.string(), doc: "Id of the state to continue with." },
  retryRef: { type: t.string(), doc: "Name of one of the flow's `retries`." },
});

const stateDataFilter = t.object("WorkflowStateDataFilter", "JSONPath filters of a state's data.", {
  input: { type: t.string(), doc: "Filter applied to the state's input." },
  output: { type: t.string(), doc: "Filter applied to the state's output." },
});

const state = t.object("WorkflowState", "A state of the flow.", {
  id: { type: t.string(), required: true, doc: "Unique in the flow; what `start` and transitions name." },
  name: { type: t.string(), doc: "Default: the id." },
  type: { type: t.enum(STATE_TYPES), required: true, doc: "`Operation`, `Sleep` or `End`." },
  end: { type: t.boolean(), doc: "True for the last state. Default: true for End states, else false." },
  transition: { type: t.string(), doc: "Id of the next state (required unless the state ends the flow)." },
  actions: { type: t.array(action), doc: "Operation states: the functions to call." },
  actionMode: { type: t.enum(ACTION_MODES), doc: "`sequential` (default) or `parallel`." },
  onErrors: { type: t.array(onError), doc: "Error handlers." },
  stateDataFilter: { type: stateDataFilter, doc: "Filters of the state's input and output." },
  duration: { type: t.integer(), doc: "Sleep states: seconds." },
});

const retry = t.object("WorkflowRetry", "A retry policy, named by `onErrors[].retryRef`.", {
  name: { type: t.string(), required: true, doc: "Name `onErrors[].retryRef` uses." },
  delay: { type: t.integer(), doc: "Seconds between attempts (default 1)." },
  maxAttempts: { type: t.integer(), doc: "Attempts (default 3)." },
});

const expressConfig = t.object("WorkflowExpressConfig", "Logging of EXPRESS mode runs.", {
  logLevel: { type: t.enum(LOG_LEVELS), required: true, doc: "`ALL`, `ERROR` or `NONE`." },
});

export const workflowDefinition = {
  token: "cloudfn:functiongraph:Workflow",
  description:
    "A FunctionGraph workflow (function flow) with a typed definition, canonicalised so key order and the order of states/functions/retries never cause a diff. Identifier: the workflow URN. Replace on change: name, mode; everything else is one UpdateWorkFlow call.",
  docs: "functiongraph/workflow.md",
  implementation: "provider/functiongraph/workflow",
  inputs: {
    name: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.name,
      doc: "Workflow name: 1-64 letters, digits, CJK characters, `_`, `(`, `)`, `.` and `-`. Part of the URN.",
    },
    description: {
      type: t.string(),
      default: "",
      rule: rules.description,
      doc: "Description: at most 512 characters of the same set as the name (no spaces, per the API reference).",
    },
    mode: {
      type: t.enum(MODES),
      default: "NORMAL",
      replaceOnChange: true,
      rule: rules.mode,
      doc: "`NORMAL` (asynchronous, long running, history kept) or `EXPRESS` (under 5 minutes, synchronous runs).",
    },
    start: {
      type: t.string(),
      required: true,
      rule: rules.start,
      doc: "Id of the first state; must exist in `states`.",
    },
    functions: {
      type: t.array(workflowFunction),
      required: true,
      rule: rules.functions,
      doc: "Functions the flow calls; names are unique and are what `functionRef.refName` uses. At most 100.",
    },
    states: {
      type: t.array(state),
      required: true,
      rule: rules.states,
      doc: "States, 1-100; transitions, function and retry references are checked at preview.",
    },
    constants: {
      type: t.map(t.any()),
      rule: rules.constants,
      doc: "Constants states read as `$CONST.<key>`. Default `{}`.",
    },
    retries: {
      type: t.array(retry),
      rule: rules.retries,
      doc: "Retry policies, named by `onErrors[].retryRef`. At most 200.",
    },
    expressConfig: { type: expressConfig, rule: rules.expressConfig, doc: "EXPRESS mode logging." },
    adopt: adoptInput(
      "Take over the existing workflow of this name on the first `up` instead of creating it (found with ListWorkflow by name): it is read, recorded, and UpdateWorkFlow is called only if the definition differs. A different mode fails (it cannot change in place).",
      { rule: rules.adopt },
    ),
  },
  outputs: {
    workflowUrn: {
      type: t.string(),
      doc: "Workflow URN `urn:fss:{region}:{project}:workflow:default:{name}:latest`; also the resource id.",
    },
    workflowId: { type: t.string(), doc: "Workflow id (UUID) that get, update and executions address." },
    createdTime: { type: t.string(), doc: "Creation time (UTC)." },
    updatedTime: { type: t.string(), doc: "Time of the last update (UTC)." },
    createdBy: { type: t.string(), doc: "Creator, as reported by FunctionGraph." },
  },
} as const satisfies ResourceDefinition;
