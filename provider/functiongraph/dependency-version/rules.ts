/**
 * The zod rules of `cloudfn:functiongraph:DependencyVersion`'s properties (docs/reference/functiongraph-api.md §5),
 * used by its definition; messages name the property and the rule. Optionality and defaults
 * come from the definition (./definition.ts).
 */
import { z } from "zod";
import { oneOfRule } from "../../core/rules";
import {
  DEPENDENCY_NAME_MAX_LENGTH,
  DEPENDENCY_ZIP_MAX_BYTES,
  DESCRIPTION_MAX_LENGTH,
  RUNTIMES,
} from "../../../platform/functiongraph/limits";

export const MAX_NAME = DEPENDENCY_NAME_MAX_LENGTH;
export const MAX_DESCRIPTION = DESCRIPTION_MAX_LENGTH;
/** The API reference's limit for an inline (zip) package; a console FAQ says 10 MB ([conflict], §5.1). */
export const MAX_ZIP_BYTES = DEPENDENCY_ZIP_MAX_BYTES;

const NAME_RE = new RegExp(`^[A-Za-z](?:[A-Za-z0-9_.-]{0,${MAX_NAME - 2}}[A-Za-z0-9])?$`);
const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const rules = {
  name: str("name").refine(
    (v) => NAME_RE.test(v),
    (v) => ({
      message: `name must be 1-${MAX_NAME} characters of letters, digits, "_", "." and "-", starting with a letter and ending with a letter or digit; got "${v}"`,
    }),
  ),
  runtime: oneOfRule("runtime", RUNTIMES),
  description: str("description").refine(
    (v) => v.length <= MAX_DESCRIPTION,
    (v) => ({
      message: `description must be at most ${MAX_DESCRIPTION} characters; got ${v.length}`,
    }),
  ),
  codeUrl: str("codeUrl").refine(
    (v) => /^https:\/\/\S+\.zip$/i.test(v),
    (v) => ({ message: `codeUrl must be an https URL of a .zip object in OBS; got "${v}"` }),
  ),
  adopt: z.boolean({ invalid_type_error: "adopt must be a boolean" }),
  adoptVersion: z
    .number({ invalid_type_error: "adoptVersion must be a number" })
    .int("adoptVersion must be an integer")
    .min(1, "adoptVersion must be 1 or more"),
};
