/**
 * The workflow definition in its canonical form, its wire form (WorkflowCreateBody, docs/reference/functiongraph-api.md §6.1) and
 * the reference rules between its parts. Canonical = documented defaults filled in, states,
 * functions and retries sorted by their key (their order carries no meaning: the flow starts at
 * `start` and moves by ids), empty optional parts dropped. Two definitions that differ only in
 * key order, list order of those parts or spelled-out defaults are equal, so they never diff.
 */
import { UNKNOWN } from "../../core/diff";
import { DEFAULTS, WorkflowFunction, WorkflowInputs, WorkflowRetry, WorkflowState } from "./schema";

type Loose = Record<string, unknown>;

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const nonEmpty = (o: Loose | undefined) => (o && Object.keys(o).length > 0 ? o : undefined);

/** Objects with sorted keys and no undefined values (stable JSON, stable state files). */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Loose)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)])) as T;
  }
  return value;
}

function canonicalState(s: WorkflowState): WorkflowState {
  const isEnd = s.type === "End";
  return sortKeys({
    id: s.id,
    name: s.name ?? s.id,
    type: s.type,
    end: s.end ?? isEnd,
    transition: s.transition ?? "",
    actions: (s.actions ?? []).map((a) => ({
      functionRef: {
        refName: a.functionRef.refName,
        invokeMode: a.functionRef.invokeMode ?? "synchronize",
        arguments: a.functionRef.arguments ?? {},
      },
    })),
    actionMode: s.actionMode ?? (s.type === "Operation" ? "sequential" : undefined),
    onErrors: s.onErrors?.length
      ? s.onErrors.map((e) => ({ error: e.error ?? "", transition: e.transition ?? "", retryRef: e.retryRef ?? "" }))
      : undefined,
    stateDataFilter: nonEmpty(s.stateDataFilter as Loose | undefined),
    duration: s.duration,
  });
}

const canonicalFunction = (f: WorkflowFunction): WorkflowFunction =>
  sortKeys({ name: f.name, functionUrn: f.functionUrn, metadata: nonEmpty(f.metadata) });
const canonicalRetry = (r: WorkflowRetry): WorkflowRetry => ({
  delay: r.delay ?? 1,
  maxAttempts: r.maxAttempts ?? 3,
  name: r.name,
});

/** Per-part normalisers (diff uses them on old outputs and new inputs alike). */
export const canonical = {
  description: (v: unknown) => (v as string | undefined) ?? DEFAULTS.description,
  mode: (v: unknown) => (v as string | undefined) ?? DEFAULTS.mode,
  functions: (v: unknown) =>
    ((v as WorkflowFunction[] | undefined) ?? []).map(canonicalFunction).sort(byKey((f) => f.name)),
  states: (v: unknown) => ((v as WorkflowState[] | undefined) ?? []).map(canonicalState).sort(byKey((s) => s.id)),
  constants: (v: unknown) => sortKeys((v as Loose | undefined) ?? {}),
  retries: (v: unknown) => ((v as WorkflowRetry[] | undefined) ?? []).map(canonicalRetry).sort(byKey((r) => r.name)),
  expressConfig: (v: unknown) => v ?? undefined,
};

/** The whole definition in canonical form (unknown parts pass through untouched). */
export function canonicalize(inputs: WorkflowInputs): WorkflowInputs {
  const out: Loose = { ...inputs };
  const given = inputs as unknown as Loose;
  for (const [k, norm] of Object.entries(canonical)) {
    if (given[k] !== UNKNOWN) out[k] = norm(given[k]);
  }
  return sortKeys(out) as unknown as WorkflowInputs;
}

/** WorkflowCreateBody for W1/W4 (snake_case). */
export function toWire(d: WorkflowInputs): Loose {
  const c = canonicalize(d);
  return sortKeys({
    name: c.name,
    description: c.description,
    mode: c.mode,
    start: c.start,
    constants: c.constants ?? {},
    functions: c.functions.map((f) => ({ name: f.name, operation: f.functionUrn, metadata: f.metadata })),
    states: c.states.map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      end: s.end,
      transition: s.transition,
      action_mode: s.actionMode,
      duration: s.duration,
      actions: (s.actions ?? []).map((a) => ({
        function_ref: {
          ref_name: a.functionRef.refName,
          invoke_mode: a.functionRef.invokeMode,
          arguments: a.functionRef.arguments,
        },
      })),
      on_errors: s.onErrors?.map((e) => ({ error: e.error, transition: e.transition, retry_ref: e.retryRef })),
      state_data_filter: s.stateDataFilter,
    })),
    retries: (c.retries ?? []).map((r) => ({ name: r.name, delay: r.delay, max_attempts: r.maxAttempts })),
    express_config: c.expressConfig ? { log_level: c.expressConfig.logLevel } : undefined,
  });
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const arr = (v: unknown) => (Array.isArray(v) ? (v as Loose[]) : []);
const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : undefined);

function stateFromWire(s: Loose): WorkflowState {
  return {
    id: String(s.id),
    name: str(s.name),
    type: String(s.type),
    end: s.end === true,
    transition: str(s.transition),
    actions: arr(s.actions).map((a) => {
      const ref = obj(a.function_ref) ?? {};
      return {
        functionRef: {
          refName: String(ref.ref_name),
          invokeMode: str(ref.invoke_mode) as "synchronize" | undefined,
          arguments: obj(ref.arguments),
        },
      };
    }),
    actionMode: str(s.action_mode),
    onErrors:
      s.on_errors === undefined
        ? undefined
        : arr(s.on_errors).map((e) => ({
            error: str(e.error),
            transition: str(e.transition),
            retryRef: str(e.retry_ref),
          })),
    stateDataFilter: obj(s.state_data_filter),
    duration: typeof s.duration === "number" ? s.duration : undefined,
  };
}

/** The inputs a live definition (W3 `definition`) corresponds to, canonical. */
export function fromWire(def: Loose): WorkflowInputs {
  const express = obj(def.express_config);
  return canonicalize({
    name: String(def.name),
    description: str(def.description) ?? "",
    mode: str(def.mode) ?? "NORMAL",
    start: String(def.start),
    functions: arr(def.functions).map((f) => ({
      name: String(f.name),
      functionUrn: String(f.operation),
      metadata: obj(f.metadata),
    })),
    states: arr(def.states).map(stateFromWire),
    constants: obj(def.constants) ?? {},
    retries: arr(def.retries).map((r) => ({
      name: String(r.name),
      delay: typeof r.delay === "number" ? r.delay : undefined,
      maxAttempts: typeof r.max_attempts === "number" ? r.max_attempts : undefined,
    })),
    expressConfig:
      express && str(express.log_level) ? { logLevel: str(express.log_level) as "ALL" | "ERROR" | "NONE" } : undefined,
  });
}

export interface ReferenceIssue {
  property: string;
  reason: string;
}

const known = (v: unknown): v is string => typeof v === "string" && v !== UNKNOWN;

function duplicates(values: unknown[]): string[] {
  const seen = new Set<string>();
  return values.filter(known).filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function stateIssues(
  s: WorkflowState,
  i: number,
  ids: Set<string> | undefined,
  functions: Set<string> | undefined,
  retries: Set<string> | undefined,
): ReferenceIssue[] {
  const out: ReferenceIssue[] = [];
  const add = (reason: string) => out.push({ property: "states", reason: `states[${i}] (${s.id}).${reason}` });
  const terminal = s.end === true || s.type === "End";
  if (!terminal && known(s.transition) && ids && !ids.has(s.transition))
    add(`transition: state "${s.transition}" does not exist`);
  if (!terminal && s.transition === undefined)
    add("transition is required unless the state ends the flow (end: true or type End)");
  if (s.type === "Sleep" && s.duration === undefined) add("duration is required for Sleep states");
  if (s.type === "Operation" && !s.actions?.length) add("actions must have at least one action for Operation states");
  s.actions?.forEach((a, j) => {
    const ref = a.functionRef.refName;
    if (known(ref) && functions && !functions.has(ref))
      add(`actions[${j}].functionRef.refName: function "${ref}" is not declared in functions`);
  });
  s.onErrors?.forEach((e, j) => {
    if (known(e.transition) && e.transition !== "" && ids && !ids.has(e.transition))
      add(`onErrors[${j}].transition: state "${e.transition}" does not exist`);
    if (known(e.retryRef) && e.retryRef !== "" && retries && !retries.has(e.retryRef))
      add(`onErrors[${j}].retryRef: retry "${e.retryRef}" is not declared in retries`);
  });
  return out;
}

/** References between parts; a part that is unknown (preview) is not checked against. */
export function referenceIssues(d: Partial<Record<keyof WorkflowInputs, unknown>>): ReferenceIssue[] {
  const states = Array.isArray(d.states) ? (d.states as WorkflowState[]) : undefined;
  const functions = Array.isArray(d.functions) ? (d.functions as WorkflowFunction[]) : undefined;
  const retries = d.retries === undefined ? [] : Array.isArray(d.retries) ? (d.retries as WorkflowRetry[]) : undefined;
  const out: ReferenceIssue[] = [];
  for (const dup of duplicates(states?.map((s) => s.id) ?? []))
    out.push({ property: "states", reason: `states: duplicate state id "${dup}"` });
  for (const dup of duplicates(functions?.map((f) => f.name) ?? []))
    out.push({ property: "functions", reason: `functions: duplicate function name "${dup}"` });
  for (const dup of duplicates(retries?.map((r) => r.name) ?? []))
    out.push({ property: "retries", reason: `retries: duplicate retry name "${dup}"` });
  const allKnown = <T>(xs: T[] | undefined, key: (x: T) => unknown) =>
    xs?.every((x) => known(key(x))) ? new Set(xs.map((x) => key(x) as string)) : undefined;
  const ids = allKnown(states, (s) => s.id);
  if (known(d.start) && ids && !ids.has(d.start))
    out.push({ property: "start", reason: `start: state "${d.start}" does not exist in states` });
  const fnNames = allKnown(functions, (f) => f.name);
  const retryNames = allKnown(retries, (r) => r.name);
  states?.forEach((s, i) => out.push(...stateIssues(s, i, ids, fnNames, retryNames)));
  return out;
}
