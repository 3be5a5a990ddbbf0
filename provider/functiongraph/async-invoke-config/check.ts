/**
 * `check` for AsyncInvokeConfig: zod validation with zero HTTP calls. Properties unknown during
 * preview skip validation and pass through as the unknown sentinel.
 */
import { CheckResult } from "@pulumi/pulumi/dynamic";
import { splitUnknowns, zodFailures } from "../../core/check";
import { containsUnknown } from "../../core/diff";
import { AsyncInvokeConfigInputs, inputObject } from "./schema";
import { dropUndefined } from "../../core/check";

type Mask = { [K in keyof typeof inputObject.shape]?: true };

export function checkInputs(news: AsyncInvokeConfigInputs): CheckResult<AsyncInvokeConfigInputs> {
  const { known, unknown } = splitUnknowns((news ?? {}) as unknown as Record<string, unknown>, containsUnknown);
  const mask = Object.fromEntries(Object.keys(unknown).filter((k) => k in inputObject.shape).map((k) => [k, true])) as Mask;
  const parsed = inputObject.partial(mask).safeParse(known);
  const inputs = dropUndefined({ ...(parsed.success ? parsed.data : known), ...unknown }) as unknown as AsyncInvokeConfigInputs;
  return parsed.success ? { inputs } : { inputs, failures: zodFailures(parsed.error) };
}
