/**
 * zod validation → Pulumi CheckFailures. Every failure names its top-level property, and every
 * message names the property and the rule, so `preview` output is actionable on its own.
 */
import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import type { AnyZodObject, ZodError, ZodIssue } from "zod";
import { checkComputed, inputSchema, type ResourceDefinition } from "./definition";
import { containsUnknown } from "./diff";
import { unknownPropertyReason } from "./suggest";

function propertyOf(issue: ZodIssue): string {
  return issue.path.length > 0 ? String(issue.path[0]) : "";
}

/** Zod's own texts do not name the property; prefix them unless the schema's message already does. */
function reasonOf(issue: ZodIssue): string {
  const where = issue.path.join(".");
  if (
    !where ||
    issue.message.startsWith(`${where} `) ||
    issue.message.startsWith(`${where}: `) ||
    issue.message.startsWith(`${propertyOf(issue)} `) ||
    // A message that opens with a path inside the property (`vpc.vpcId must ...`) names it already.
    (/^[.[]/.test(issue.message.slice(propertyOf(issue).length)) && issue.message.startsWith(propertyOf(issue)))
  )
    return issue.message;
  return `${where}: ${issue.message}`;
}

/** One CheckFailure per zod issue, in schema order. */
export function zodFailures(error: ZodError): CheckFailure[] {
  return error.issues.map((issue) => ({ property: propertyOf(issue), reason: reasonOf(issue) }));
}

/** Removes top-level properties that are (or contain) an unknown value, so they skip validation. */
export function splitUnknowns<T extends Record<string, unknown>>(
  inputs: T,
  isUnknown: (v: unknown) => boolean,
): { known: Partial<T>; unknown: Partial<T> } {
  const known: Partial<T> = {};
  const unknown: Partial<T> = {};
  for (const [k, v] of Object.entries(inputs) as [keyof T, T[keyof T]][]) {
    if (isUnknown(v)) unknown[k] = v;
    else known[k] = v;
  }
  return { known, unknown };
}

/** The host's protobuf conversion throws on `undefined`, so inputs and outputs never carry it. */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface Validated<T> {
  /** The known inputs, parsed (defaults applied) when valid, as given otherwise. */
  value: Partial<T>;
  /** Inputs that are unknown during preview: not validated, passed through as they are. */
  unknown: Partial<T>;
  failures: CheckFailure[];
}

const schemas = new WeakMap<ResourceDefinition, AnyZodObject>();

/** The definition's zod input object, built once per definition. */
export function inputObjectOf(def: ResourceDefinition): AnyZodObject {
  let schema = schemas.get(def);
  if (!schema) schemas.set(def, (schema = inputSchema(def)));
  return schema;
}

export interface ValidateOptions {
  /**
   * Which top-level values skip validation as unknown. Default: any value that contains an
   * unknown anywhere; a resource whose rules tolerate unknown leaves passes a narrower test.
   */
  unknownWhen?: (value: unknown) => boolean;
}

/**
 * Keys the definition does not declare. zod would drop them silently, so a misspelled optional
 * input (`memorySzie` from JavaScript) would quietly fall back to its default. Outputs are
 * accepted because the SDK sends them (as undefined, which may arrive absent or present), `__`
 * keys are the engine's and ours; an undefined value carries nothing, so it is never an error.
 */
export function unknownKeyFailures(def: ResourceDefinition, news: unknown): CheckFailure[] {
  const inputs = Object.keys(def.inputs);
  const known = new Set([...inputs, ...Object.keys(def.outputs)]);
  return Object.entries((news ?? {}) as Record<string, unknown>)
    .filter(([k, v]) => v !== undefined && !known.has(k) && !k.startsWith("__"))
    .map(([k]) => ({ property: k, reason: unknownPropertyReason(k, inputs) }));
}

/**
 * The first half of every resource's `check`, with zero HTTP calls: drops what is ours to
 * compute (the definition's check-computed outputs and `__` keys), leaves unknown (preview)
 * properties unvalidated, rejects undeclared keys and validates the rest with the definition's rules.
 */
export function validateInputs<T>(def: ResourceDefinition, news: unknown, options: ValidateOptions = {}): Validated<T> {
  const computed = new Set(checkComputed(def));
  const raw = Object.fromEntries(
    Object.entries((news ?? {}) as Record<string, unknown>).filter(([k]) => !computed.has(k) && !k.startsWith("__")),
  );
  const { known, unknown } = splitUnknowns(raw, options.unknownWhen ?? containsUnknown);
  const schema = inputObjectOf(def);
  const mask = Object.fromEntries(
    Object.keys(unknown)
      .filter((k) => k in schema.shape)
      .map((k) => [k, true]),
  );
  const parsed = schema.partial(mask as never).safeParse(known);
  const failures = [...unknownKeyFailures(def, news), ...(parsed.success ? [] : zodFailures(parsed.error))];
  return { value: (parsed.success ? parsed.data : known) as Partial<T>, unknown: unknown as Partial<T>, failures };
}

/** The whole `check` of a resource whose definition's rules say all there is to check. */
export function checkDefined<T>(def: ResourceDefinition, news: unknown): CheckResult<T> {
  const { value, unknown, failures } = validateInputs<T>(def, news);
  return checkResult(dropUndefined({ ...value, ...unknown }) as T, failures);
}

/** A CheckResult with failures only when there are some. */
export function checkResult<T>(inputs: T, failures: CheckFailure[]): CheckResult<T> {
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
