/**
 * The rules for `cloudfn:leancloud:EngineDeployment` inputs, as zod, with messages that name the
 * property and the rule. Optionality and defaults come from the definition (./definition.ts).
 */
import { z } from "zod";
import { environment } from "../invocation/rules";

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });
const bool = (property: string) => z.boolean({ invalid_type_error: `${property} must be a boolean` });

export const rules = {
  group: str("group").refine(
    (v) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v),
    (v) => ({
      message: `group must be 1-64 letters, digits, "-" and "_" (a LeanEngine group name such as "web"); got "${v}"`,
    }),
  ),
  environment: environment("environment"),
  code: z.unknown().refine((v) => v !== undefined && v !== null, {
    message: "code is required: a FileArchive of the LeanEngine project folder (or an AssetArchive)",
  }),
  comment: str("comment").max(200, "comment must be at most 200 characters"),
  noDependenciesCache: bool("noDependenciesCache"),
  overwriteFunctions: bool("overwriteFunctions"),
  timeoutSeconds: z.number({ invalid_type_error: "timeoutSeconds must be a number" }).refine(
    (v) => Number.isInteger(v) && v >= 10 && v <= 3600,
    (v) => ({
      message: `timeoutSeconds must be an integer between 10 and 3600; got ${v}`,
    }),
  ),
  adopt: bool("adopt"),
  adoptVersion: str("adoptVersion").min(1, "adoptVersion must not be empty"),
};
