/**
 * `check` for workflows: the typed definition's field rules (zod), then the references between
 * its parts (start, transitions, function and retry references). Returns the canonical form, so
 * key order, list order of states/functions/retries and spelled-out defaults never show up as
 * changes. Zero HTTP calls.
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, splitUnknowns, unknownKeyFailures, zodFailures } from "../../core/check";
import { containsUnknown } from "../../core/diff";
import { workflowDefinition } from "./definition";
import { canonicalize, referenceIssues } from "./flow";
import { WorkflowInputs, inputObject } from "./schema";

type Mask = { [K in keyof typeof inputObject.shape]?: true };

/**
 * Top-level parts that are entirely unknown skip validation; unknown leaves inside are tolerated
 * by the rules. That is why this check does not use validateInputs, which skips every property
 * that contains an unknown anywhere.
 */
const wholeUnknown = (v: unknown) => (typeof v === "string" ? containsUnknown(v) : false);

export async function checkWorkflow(news: WorkflowInputs): Promise<CheckResult<WorkflowInputs>> {
  const { known, unknown } = splitUnknowns((news ?? {}) as unknown as Record<string, unknown>, wholeUnknown);
  const mask = Object.fromEntries(
    Object.keys(unknown)
      .filter((k) => k in inputObject.shape)
      .map((k) => [k, true]),
  ) as Mask;
  const parsed = inputObject.partial(mask).safeParse(known);
  const failures: CheckFailure[] = [
    ...unknownKeyFailures(workflowDefinition, news),
    ...(parsed.success ? [] : zodFailures(parsed.error)),
  ];
  const value = (parsed.success ? parsed.data : known) as unknown as WorkflowInputs;
  if (parsed.success) {
    const failed = new Set(failures.map((f) => f.property));
    failures.push(...referenceIssues(value).filter((f) => !failed.has(f.property)));
  }
  const inputs = { ...(parsed.success ? canonicalize(value) : value), ...unknown };
  return checkResult(inputs, failures);
}
