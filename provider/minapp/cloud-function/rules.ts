/**
 * The platform's rules for `cloudfn:minapp:CloudFunction` inputs (docs/reference/minapp-api.md
 * §3, §5), as zod, with messages that name the property and the rule. Optionality and defaults
 * come from the definition (./definition.ts).
 */
import { z } from "zod";
import { oneOfRule } from "../../core/rules";
import { PLAN_CIRCLES } from "../api";

const str = (property: string) =>
  z.string({ required_error: `${property} is required`, invalid_type_error: `${property} must be a string` });

export const rules = {
  name: str("name")
    .refine((v) => v.trim() !== "", { message: "name must not be empty" })
    // The name is the URL key (`/cloud-function/<name>/`), so it cannot hold a path separator.
    .refine(
      (v) => !v.includes("/"),
      (v) => ({ message: `name must not contain "/" (it is a URL path segment); got "${v}"` }),
    ),
  /** A string, an asset or an archive; its own rules are checked while building the source. */
  code: z.unknown().refine((v) => v !== undefined && v !== null, { message: "code is required" }),
  entry: str("entry").refine(
    (v) => v.trim() !== "" && !v.startsWith("/") && !v.split(/[\\/]/).includes(".."),
    (v) => ({ message: `entry must be a relative path inside the archive; got "${v}"` }),
  ),
  remark: str("remark"),
  planCircle: oneOfRule("planCircle", PLAN_CIRCLES),
  environmentId: str("environmentId").refine(
    (v) => /^[A-Za-z0-9_-]*$/.test(v),
    (v) => ({
      message: `environmentId must be letters, digits, "-" and "_" (it is sent as the X-Hydrogen-Env-ID header); got "${v}"`,
    }),
  ),
};
