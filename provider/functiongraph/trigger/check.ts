/**
 * `check` for triggers: validation with zero HTTP calls, schedules included (the platform's
 * rules, provider/functiongraph/trigger/schedule.ts). Properties unknown during preview skip
 * validation and pass through as the unknown sentinel.
 */
import { CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { triggerDefinition } from "./definition";
import { TriggerInputs, crossFieldIssues } from "./schema";

export function checkTriggerInputs(news: TriggerInputs): CheckResult<TriggerInputs> {
  const { value, unknown, failures } = validateInputs<TriggerInputs>(triggerDefinition, news);
  const unknownKeys = new Set(Object.keys(unknown));
  // One message per property: a cross-field rule adds nothing when the field itself is invalid.
  const failed = new Set(failures.map((f) => f.property));
  failures.push(...crossFieldIssues(value, unknownKeys).filter((f) => !failed.has(f.property)));
  return checkResult(dropUndefined({ ...value, ...unknown }) as TriggerInputs, failures);
}
