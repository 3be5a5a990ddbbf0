/**
 * Rules of a workflow definition (docs/reference/functiongraph-api.md §6.1) as the platform applies them on W1/W4: field limits,
 * enumerations, and references between states, functions and retries. Every failure is a
 * 400 FSS.0400 naming the field.
 */
import { flowErrors } from "./flow-errors";
import type { WorkflowBody } from "./schemas";
import {
  ACTION_MODES,
  FLOW_CHARS_CLASS,
  STATE_TYPES,
  WORKFLOW_LIMITS,
  WORKFLOW_MODES,
} from "../../platform/functiongraph/workflow";

const FLOW_NAME_RE = new RegExp(`^[${FLOW_CHARS_CLASS}]{1,${WORKFLOW_LIMITS.name}}$`);
const FLOW_DESCRIPTION_RE = new RegExp(`^[${FLOW_CHARS_CLASS}]{0,${WORKFLOW_LIMITS.description}}$`);
const MODES = WORKFLOW_MODES;
const MAX_STATES = WORKFLOW_LIMITS.states;
const MAX_FUNCTIONS = WORKFLOW_LIMITS.functions;
const MAX_RETRIES = WORKFLOW_LIMITS.retries;

function fail(detail: string): never {
  throw flowErrors.invalid(`invalid parameter ${detail}`);
}

function unique(values: string[], what: string): Set<string> {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) fail(`${what}: duplicate ${JSON.stringify(v)}`);
    seen.add(v);
  }
  return seen;
}

function checkStates(body: WorkflowBody, functions: Set<string>, retries: Set<string>): void {
  const ids = unique(
    body.states.map((s) => s.id),
    "states.id",
  );
  if (!ids.has(body.start)) fail(`start: state ${JSON.stringify(body.start)} does not exist`);
  body.states.forEach((s, i) => {
    if (!(STATE_TYPES as readonly string[]).includes(s.type))
      fail(`states[${i}].type: ${JSON.stringify(s.type)} is not one of ${STATE_TYPES.join(", ")}`);
    if (!s.end && s.type !== "End" && !ids.has(s.transition))
      fail(`states[${i}].transition: state ${JSON.stringify(s.transition)} does not exist`);
    if (s.type === "Sleep" && (s.duration === undefined || s.duration < 0))
      fail(`states[${i}].duration: required for Sleep states`);
    if (s.action_mode !== undefined && !(ACTION_MODES as readonly string[]).includes(s.action_mode))
      fail(`states[${i}].action_mode: ${JSON.stringify(s.action_mode)}`);
    s.actions.forEach((a, j) => {
      if (!functions.has(a.function_ref.ref_name))
        fail(
          `states[${i}].actions[${j}].function_ref.ref_name: function ${JSON.stringify(a.function_ref.ref_name)} is not declared`,
        );
    });
    (s.on_errors ?? []).forEach((e, j) => {
      if (e.transition && !ids.has(e.transition))
        fail(`states[${i}].on_errors[${j}].transition: state ${JSON.stringify(e.transition)} does not exist`);
      if (e.retry_ref && !retries.has(e.retry_ref))
        fail(`states[${i}].on_errors[${j}].retry_ref: retry ${JSON.stringify(e.retry_ref)} is not declared`);
    });
  });
}

export function checkWorkflowDefinition(body: WorkflowBody): void {
  if (!FLOW_NAME_RE.test(body.name)) fail("name: 1-64 letters, digits, CJK characters, '_', '(', ')', '.' or '-'");
  if (body.description !== undefined && !FLOW_DESCRIPTION_RE.test(body.description))
    fail("description: at most 512 letters, digits, CJK characters, '_', '(', ')', '.' or '-'");
  if (body.start.length < 1 || body.start.length > 256) fail("start: 1-256 characters");
  if (body.mode !== undefined && !(MODES as readonly string[]).includes(body.mode))
    fail(`mode: ${JSON.stringify(body.mode)} is not one of ${MODES.join(", ")}`);
  if (body.states.length < 1 || body.states.length > MAX_STATES) fail(`states: 1-${MAX_STATES} states`);
  if (body.functions.length > MAX_FUNCTIONS) fail(`functions: at most ${MAX_FUNCTIONS}`);
  if (body.retries.length > MAX_RETRIES) fail(`retries: at most ${MAX_RETRIES}`);
  const functions = unique(
    body.functions.map((f) => f.name),
    "functions.name",
  );
  const retries = unique(
    body.retries.map((r) => r.name),
    "retries.name",
  );
  checkStates(body, functions, retries);
}
