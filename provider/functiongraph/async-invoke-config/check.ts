/**
 * `check` for AsyncInvokeConfig: zod validation with zero HTTP calls. Properties unknown during
 * preview skip validation and pass through as the unknown sentinel.
 */
import { CheckResult } from "@pulumi/pulumi/dynamic";
import { checkWithQualifier } from "../qualifier";
import { asyncInvokeConfigDefinition } from "./definition";
import { AsyncInvokeConfigInputs } from "./schema";

export function checkInputs(news: AsyncInvokeConfigInputs): CheckResult<AsyncInvokeConfigInputs> {
  return checkWithQualifier(asyncInvokeConfigDefinition, news);
}
