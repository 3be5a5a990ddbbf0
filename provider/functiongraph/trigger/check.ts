/**
 * `check` for triggers: validation with zero HTTP calls, schedules included (the platform's
 * rules, provider/functiongraph/trigger/schedule.ts). Properties unknown during preview skip
 * validation and pass through as the unknown sentinel.
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { splitUnknowns, zodFailures } from "../../core/check";
import { containsUnknown } from "../../core/diff";
import { dropUndefined } from "../../core/check";
import { TriggerInputs, crossFieldIssues, inputObject } from "./schema";

type Mask = { [K in keyof typeof inputObject.shape]?: true };

export function checkTriggerInputs(news: TriggerInputs): CheckResult<TriggerInputs> {
  const { known, unknown } = splitUnknowns({ ...(news ?? {}) } as unknown as Record<string, unknown>, containsUnknown);
  const unknownKeys = new Set(Object.keys(unknown));
  const mask = Object.fromEntries([...unknownKeys].filter((k) => k in inputObject.shape).map((k) => [k, true])) as Mask;
  const parsed = inputObject.partial(mask).safeParse(known);
  const failures: CheckFailure[] = parsed.success ? [] : zodFailures(parsed.error);
  const value = (parsed.success ? parsed.data : known) as Partial<TriggerInputs>;
  // One message per property: a cross-field rule adds nothing when the field itself is invalid.
  const failed = new Set(failures.map((f) => f.property));
  failures.push(...crossFieldIssues(value, unknownKeys).filter((f) => !failed.has(f.property)));
  const inputs = dropUndefined({ ...value, ...unknown }) as TriggerInputs;
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
