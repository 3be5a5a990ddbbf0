/**
 * A dynamic `DiffResult` (changes, replaces, deleteBeforeReplace) turned into the engine's
 * detailed diff: which top-level inputs differ (old inputs against the checked new ones), each
 * as ADD / UPDATE / DELETE, and the `_REPLACE` variant for the properties the implementation
 * named in `replaces`, so `preview --diff` shows the property and the replace reason.
 */
import type { DiffResult } from "@pulumi/pulumi/dynamic";
import { deepEqual } from "../core/diff";
import type { Props } from "./values";

export type Kind = "ADD" | "ADD_REPLACE" | "DELETE" | "DELETE_REPLACE" | "UPDATE" | "UPDATE_REPLACE";

export interface DetailedDiff {
  changes: "NONE" | "SOME" | "UNKNOWN";
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Property path → kind; only the properties that changed. */
  detailed: Record<string, Kind>;
}

const present = (props: Props, name: string) => props[name] !== undefined && props[name] !== null;

function kindOf(olds: Props, news: Props, name: string, replace: boolean): Kind {
  const base = !present(olds, name) ? "ADD" : !present(news, name) ? "DELETE" : "UPDATE";
  return replace ? (`${base}_REPLACE` as Kind) : base;
}

/** Top-level names whose values differ (missing and null count as absent); `__` keys are internal bookkeeping. */
export function changedNames(olds: Props, news: Props, ignore: ReadonlySet<string> = new Set()): string[] {
  const names = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...names]
    .filter((n) => !ignore.has(n) && !n.startsWith("__"))
    .filter((n) => present(olds, n) !== present(news, n) || (present(olds, n) && !deepEqual(olds[n], news[n])))
    .sort();
}

/**
 * @param oldInputs the inputs in state (what the program said last time)
 * @param news the checked new inputs
 * @param ignore inputs the implementation never compares (per-run flags)
 */
export function detailedDiff(
  result: DiffResult,
  oldInputs: Props,
  news: Props,
  ignore?: ReadonlySet<string>,
): DetailedDiff {
  const replaces = result.replaces ?? [];
  const deleteBeforeReplace = replaces.length > 0 && !!result.deleteBeforeReplace;
  if (result.changes === false) return { changes: "NONE", replaces: [], deleteBeforeReplace: false, detailed: {} };
  if (result.changes === undefined) return { changes: "UNKNOWN", replaces, deleteBeforeReplace, detailed: {} };
  const names = new Set([...changedNames(oldInputs, news, ignore), ...replaces]);
  const detailed = Object.fromEntries(
    [...names].sort().map((n) => [n, kindOf(oldInputs, news, n, replaces.includes(n))] as const),
  );
  return { changes: "SOME", replaces, deleteBeforeReplace, detailed };
}
