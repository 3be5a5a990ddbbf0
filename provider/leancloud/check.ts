/**
 * The shared `check` of the LeanCloud resources: zod validation with zero HTTP calls.
 * Properties unknown during preview skip validation and pass through as the unknown sentinel.
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { AnyZodObject } from "zod";
import { splitUnknowns, zodFailures } from "../core/check";
import { containsUnknown } from "../core/diff";

/** The host's protobuf conversion throws on `undefined`, so results never carry it. */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Validates the known properties; `hidden` names are ours to compute and are dropped from the input. */
export function checkWith<T>(schema: AnyZodObject, news: unknown, hidden: readonly string[] = []): { value: Partial<T>; unknown: Partial<T>; failures: CheckFailure[] } {
  const raw = Object.fromEntries(Object.entries((news ?? {}) as Record<string, unknown>).filter(([k]) => !hidden.includes(k) && !k.startsWith("__")));
  const { known, unknown } = splitUnknowns(raw, containsUnknown);
  const mask = Object.fromEntries(Object.keys(unknown).filter((k) => k in schema.shape).map((k) => [k, true]));
  const parsed = schema.partial(mask as never).safeParse(known);
  const failures = parsed.success ? [] : zodFailures(parsed.error);
  return { value: (parsed.success ? parsed.data : known) as Partial<T>, unknown: unknown as Partial<T>, failures };
}

export function checkResult<T>(inputs: T, failures: CheckFailure[]): CheckResult<T> {
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
