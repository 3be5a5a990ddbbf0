/**
 * `check` for workflows: the typed definition's field rules (zod), then the references between
 * its parts (start, transitions, function and retry references). Returns the canonical form, so
 * key order, list order of states/functions/retries and spelled-out defaults never show up as
 * changes. Zero HTTP calls.
 */
import { CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, validateInputs } from "../../core/check";
import { containsUnknown } from "../../core/diff";
import { canonicalize, referenceIssues } from "./flow";
import { workflowDefinition } from "./definition";
import { WorkflowInputs } from "./schema";

/**
 * Top-level parts that are entirely unknown skip validation; unknown leaves inside are tolerated
 * by the rules, so they are validated rather than skipped as validateInputs does by default.
 */
const wholeUnknown = (v: unknown) => (typeof v === "string" ? containsUnknown(v) : false);

export async function checkWorkflow(news: WorkflowInputs): Promise<CheckResult<WorkflowInputs>> {
  const { value, unknown, failures } = validateInputs<WorkflowInputs>(workflowDefinition, news, {
    unknownWhen: wholeUnknown,
  });
  if (failures.length === 0) {
    const checked = value as WorkflowInputs;
    return checkResult({ ...canonicalize(checked), ...unknown }, referenceIssues(checked));
  }
  return checkResult({ ...value, ...unknown } as WorkflowInputs, failures);
}
