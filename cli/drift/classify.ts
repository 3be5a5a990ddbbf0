/**
 * Turns the JSON of `pulumi preview --refresh --json` into drift findings. Why that command:
 * `pulumi refresh --preview-only --json` reports a refresh step's newState equal to its oldState
 * (the CLI 3.x display does not carry the read result), while `preview --refresh` shows each
 * resource twice — its `refresh` step holds the state BEFORE the read, and the later step
 * (update, replace, delete...) holds the refreshed state as its oldState. A resource deleted
 * outside Pulumi comes back as a `create` step without old state (also when the program would
 * replace it: there is nothing left to replace). Resources the read left unchanged get no later
 * step at all, so they are never reported.
 */

export type DriftCause = "code" | "config" | "deleted" | "unmanaged";

export interface PropertyChange {
  property: string;
  old: unknown;
  new: unknown;
}

export interface DriftFinding {
  cause: DriftCause;
  /** Pulumi resource name (last URN segment); for unmanaged functions, the platform's name. */
  name: string;
  /** Short type, e.g. `functiongraph:Function`. */
  type: string;
  urn?: string;
  changes: PropertyChange[];
}

interface StepState {
  type: string;
  custom?: boolean;
  outputs?: Record<string, unknown>;
}
interface Step {
  op: string;
  urn: string;
  oldState?: StepState;
}
export interface PreviewJson {
  steps?: Step[];
}

/** `pulumi-nodejs:dynamic/cloudfn/functiongraph:Function` → `functiongraph:Function`. */
export function shortType(type: string): string {
  const m = /cloudfn\/(\w+:\w+)$/.exec(type);
  return m ? m[1] : type;
}

/**
 * Outputs the platform rewrites on any change (timestamps, etags, audit marks) or the provider
 * derives from the code; they never make a finding on their own. Code-derived ones are shown
 * under the code cause instead.
 */
const VOLATILE = new Set([
  "lastModified",
  "lastUpdatedTime",
  "updatedTime",
  "updatedAt",
  "updatedBy",
  "etag",
  "auditStatus",
]);

/**
 * `__`-prefixed keys are the package's bookkeeping (`__provider`, `__codeManifest`), not platform
 * state: the code manifest follows the code hash (a refresh after a console edit drops it), so
 * it would repeat a code finding as a bogus configuration change.
 */
const internal = (property: string) => property.startsWith("__");
const CODE_DERIVED = new Set(["codeHash", "digest", "codeSize", "source", "version", "functions", "size", "codeType"]);

/** Pulumi's signature key of special values (assets, archives, secrets) in state JSON. */
export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** An asset or archive: the same content whatever form (path, assets) the state records it in. */
function contentHash(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  return o[SIG] !== undefined && o[SIG] !== SECRET_SIG && typeof o.hash === "string" ? o.hash : undefined;
}

/** Deep equality that ignores object key order and compares assets and archives by content hash. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const [ha, hb] = [contentHash(a), contentHash(b)];
  if (ha !== undefined || hb !== undefined) return ha === hb;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  // Arrays too: their indices are keys like any other.
  const [ra, rb] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue(ra[k], rb[k]));
}

/** The properties whose values differ, in name order. */
export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): PropertyChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((p) => !sameValue(before[p], after[p]))
    .map((p) => ({ property: p, old: before[p], new: after[p] }));
}

/** Code changed outside Pulumi: the provider's read marked or recomputed the code hash. */
function codeChanged(changes: PropertyChange[]): boolean {
  return changes.some((c) => c.property === "codeHash" || c.property === "source");
}

/** The findings for one resource, given its state before and after the refresh (undefined: gone). */
export function classifyResource(
  urn: string,
  type: string,
  before: Record<string, unknown>,
  after: Record<string, unknown> | undefined,
): DriftFinding[] {
  const base = { name: urn.split("::").pop() ?? urn, type: shortType(type), urn };
  // An Invocation has no remote object of its own (it records a call): it never drifts.
  if (type.endsWith(":Invocation")) return [];
  if (!after) return [{ ...base, cause: "deleted", changes: [] }];
  const changes = changedProperties(before, after).filter((c) => !VOLATILE.has(c.property) && !internal(c.property));
  const findings: DriftFinding[] = [];
  if (codeChanged(changes))
    findings.push({ ...base, cause: "code", changes: changes.filter((c) => CODE_DERIVED.has(c.property)) });
  const config = changes.filter((c) => !CODE_DERIVED.has(c.property));
  if (config.length) findings.push({ ...base, cause: "config", changes: config });
  return findings;
}

/** Every managed resource's findings, in the order Pulumi listed the resources. */
export function classifyPreview(preview: PreviewJson): DriftFinding[] {
  const steps = preview.steps ?? [];
  const before = new Map<string, StepState>();
  for (const s of steps) if (s.op === "refresh" && s.oldState?.custom) before.set(s.urn, s.oldState);
  const findings: DriftFinding[] = [];
  const seen = new Set<string>();
  for (const s of steps) {
    const old = before.get(s.urn);
    if (s.op === "refresh" || !old || seen.has(s.urn)) continue;
    // Gone: the refresh dropped it, so the plan creates it afresh and there is no old state. A
    // replacement the program asks for (create-replacement, replace, delete-replaced) carries
    // the refreshed state as its oldState: it is classified like an update, never as a delete.
    const gone = s.op === "create" && !s.oldState;
    if (!gone && !s.oldState) continue;
    seen.add(s.urn);
    findings.push(
      ...classifyResource(s.urn, old.type, old.outputs ?? {}, gone ? undefined : (s.oldState?.outputs ?? {})),
    );
  }
  return findings;
}

/** Names of the functions the stack manages with `profile` (none: without one), per platform, from the refresh steps. */
export function managedFunctionNames(
  preview: PreviewJson,
  profile?: string,
): { functiongraph: Set<string>; minapp: Set<string> } {
  const out = { functiongraph: new Set<string>(), minapp: new Set<string>() };
  for (const s of preview.steps ?? []) {
    if (s.op !== "refresh" || !s.oldState?.custom || !inProfile(s.oldState, profile)) continue;
    const t = shortType(s.oldState.type);
    const name = s.oldState.outputs?.name;
    if (typeof name !== "string") continue;
    if (t === "functiongraph:Function") out.functiongraph.add(name);
    if (t === "minapp:CloudFunction") out.minapp.add(name);
  }
  return out;
}

/** Which platforms the stack has resources on (those deployed with `profile`; none: without one). */
export function platformsOf(preview: PreviewJson, profile?: string): Set<string> {
  const out = new Set<string>();
  for (const s of preview.steps ?? [])
    if (s.oldState?.custom && inProfile(s.oldState, profile)) out.add(shortType(s.oldState.type).split(":")[0]);
  return out;
}

/**
 * Whether a resource was deployed with `profile` (undefined: the default configuration). Each
 * profile is its own account or region, so its names and platforms are counted apart.
 */
function inProfile(state: StepState, profile: string | undefined): boolean {
  const own = state.outputs?.profile;
  return (typeof own === "string" ? own : undefined) === profile;
}
