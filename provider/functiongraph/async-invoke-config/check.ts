/**
 * `check` for AsyncInvokeConfig: zod validation with zero HTTP calls. Properties unknown during
 * preview skip validation and pass through as the unknown sentinel.
 */
import { CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { asyncInvokeConfigDefinition } from "./definition";
import { AsyncInvokeConfigInputs } from "./schema";

export function checkInputs(news: AsyncInvokeConfigInputs): CheckResult<AsyncInvokeConfigInputs> {
  const { value, unknown, failures } = validateInputs<AsyncInvokeConfigInputs>(asyncInvokeConfigDefinition, news);
  return checkResult(dropUndefined({ ...value, ...unknown }) as AsyncInvokeConfigInputs, failures);
}
