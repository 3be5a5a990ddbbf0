/**
 * Generic diff helpers. A resource declares which fields it compares, which of them force a
 * replacement, and how to normalise values (defaults) so that an absent value and its default
 * never produce a spurious diff. Unknown values (preview) always count as a change.
 */
import { DiffResult } from "@pulumi/pulumi/dynamic";

/** What the engine sends for values not known yet during preview (`runtime/rpc.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True if the value is, or contains, the unknown sentinel. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** Structural equality of JSON-like values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a)
      .filter((k) => (a as Record<string, unknown>)[k] !== undefined)
      .sort();
    const kb = Object.keys(b)
      .filter((k) => (b as Record<string, unknown>)[k] !== undefined)
      .sort();
    return (
      deepEqual(ka, kb) &&
      ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

/** Per-field normaliser: maps a raw value (maybe absent) to its canonical form. */
export type Normalizers = Record<string, (value: unknown) => unknown>;

/** Fields whose normalised old and new values differ, or whose new value is unknown. */
export function changedFields(
  olds: object,
  news: object,
  fields: readonly string[],
  normalize: Normalizers = {},
): string[] {
  // Any resource's inputs or outputs type: the fields are looked up by name.
  const before = olds as Record<string, unknown>;
  const after = news as Record<string, unknown>;
  return fields.filter((f) => {
    if (containsUnknown(after[f])) return true;
    const norm = normalize[f] ?? ((v: unknown) => v);
    return !deepEqual(norm(before[f]), norm(after[f]));
  });
}

/**
 * The engine's answer: `changes` always set (never DIFF_UNKNOWN, which would make the engine
 * diff inputs itself), replaces from the declared list. `deleteBeforeReplace` is for resources
 * whose replacement would collide with the old one (same unique name).
 */
export function diffResult(
  changed: readonly string[],
  replaceOnChange: readonly string[],
  deleteBeforeReplace = false,
): DiffResult {
  const replaces = changed.filter((f) => replaceOnChange.includes(f));
  if (replaces.length === 0) return { changes: changed.length > 0, replaces: [] };
  return { changes: true, replaces, deleteBeforeReplace };
}
