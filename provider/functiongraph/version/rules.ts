/**
 * The zod rules of `cloudfn:functiongraph:Version`'s properties (docs/reference/functiongraph-api.md
 * §0, §2.1); messages name the property and the rule. The name rules are the platform's
 * (platform/functiongraph/versions.ts), shared with the emulator.
 */
import { z } from "zod";
import { VERSION_DESCRIPTION_MAX_LENGTH, versionNameProblem } from "../../../platform/functiongraph/versions";
import { functionUrnField } from "../async-invoke-config/rules";

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const rules = {
  functionUrn: functionUrnField("functionUrn"),
  name: str("name").superRefine((v, ctx) => {
    const problem = versionNameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: `name: ${problem}; got "${v}"` });
  }),
  description: str("description").refine(
    (v) => v.length <= VERSION_DESCRIPTION_MAX_LENGTH,
    (v) => ({ message: `description must be at most ${VERSION_DESCRIPTION_MAX_LENGTH} characters; got ${v.length}` }),
  ),
  digest: str("digest").min(1, "digest must not be empty (leave it out to publish once and never again)"),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
};
