/**
 * zod validation → Pulumi CheckFailures. Every failure names its top-level property, and every
 * message names the property and the rule, so `preview` output is actionable on its own.
 */
import { CheckFailure } from "@pulumi/pulumi/dynamic";
import { ZodError, ZodIssue } from "zod";

function propertyOf(issue: ZodIssue): string {
  return issue.path.length > 0 ? String(issue.path[0]) : "";
}

/** Zod's own texts do not name the property; prefix them unless the schema's message already does. */
function reasonOf(issue: ZodIssue): string {
  const where = issue.path.join(".");
  if (!where || issue.message.startsWith(`${where} `) || issue.message.startsWith(`${propertyOf(issue)} `)) return issue.message;
  return `${where}: ${issue.message}`;
}

/** One CheckFailure per zod issue, in schema order. */
export function zodFailures(error: ZodError): CheckFailure[] {
  return error.issues.map((issue) => ({ property: propertyOf(issue), reason: reasonOf(issue) }));
}

/** Removes top-level properties that are (or contain) an unknown value, so they skip validation. */
export function splitUnknowns<T extends Record<string, unknown>>(inputs: T, isUnknown: (v: unknown) => boolean): { known: Partial<T>; unknown: Partial<T> } {
  const known: Partial<T> = {};
  const unknown: Partial<T> = {};
  for (const [k, v] of Object.entries(inputs) as [keyof T, T[keyof T]][]) {
    if (isUnknown(v)) unknown[k] = v;
    else known[k] = v;
  }
  return { known, unknown };
}
