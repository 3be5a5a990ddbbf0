/**
 * The zod rules of `cloudfn:functiongraph:Invocation`'s properties, used by its definition, and
 * the canonical JSON its diff compares `input` with.
 */
import { z } from "zod";
import { functionUrnField } from "../async-invoke-config/rules";

/** Sync invoke bodies are at most 6 MB (docs/reference/functiongraph-api.md §3.11). */
export const MAX_INPUT_BYTES = 6 * 1024 * 1024;

/** JSON with object keys sorted at every level: equal values, equal text, no spurious diffs. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const isJson = (v: unknown): boolean => {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJson);
  if (typeof v === "object") return Object.values(v).every((x) => x === undefined || isJson(x));
  return false;
};

export const rules = {
  functionUrn: functionUrnField("functionUrn"),
  input: z
    .unknown()
    .refine((v) => isJson(v), {
      message: "input must be a JSON value (objects, arrays, strings, finite numbers, booleans, null)",
    })
    .refine((v) => Buffer.byteLength(canonicalJson(v)) <= MAX_INPUT_BYTES, {
      message: `input must serialize to at most ${MAX_INPUT_BYTES / 1024 / 1024} MB of JSON`,
    })
    .transform((v) => JSON.parse(canonicalJson(v)) as unknown),
  triggers: z.record(z.string(), z.string({ invalid_type_error: "triggers values must be strings" }), {
    invalid_type_error: "triggers must be a map of strings",
  }),
};
