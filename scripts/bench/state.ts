/**
 * Bytes of state per resource, split three ways: the user's inputs (what the program declared,
 * measured on the floor program, whose inputs are exactly those plus `__provider`), Pulumi's
 * own bookkeeping (everything in the resource entry but inputs and outputs), and ours (the rest:
 * echoed outputs, computed outputs, hidden inputs, the serialized provider, the code manifest).
 */

/** The parts of `pulumi stack export` measured here (the CLI's own format, so not validated). */
export interface ExportedState {
  deployment: { resources?: ExportedResource[] };
}
export interface ExportedResource {
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StateBreakdown {
  total: number;
  user: number;
  pulumi: number;
  ours: number;
  /** The biggest of ours, by key, counted in inputs and outputs together. */
  largest: [string, number][];
}

const size = (v: unknown) => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v)));
const avg = (xs: number[]) => (xs.length === 0 ? 0 : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));

export function benchResources(exported: string): ExportedResource[] {
  const state = JSON.parse(exported) as ExportedState;
  return (state.deployment.resources ?? []).filter((r) => r.type.endsWith(":Function"));
}

/** The user's inputs of one floor resource: its inputs without the serialized provider. */
export function userInputBytes(floor: ExportedResource[]): number {
  return avg(floor.map((r) => size({ ...r.inputs, __provider: undefined })));
}

function keySizes(resources: ExportedResource[]): [string, number][] {
  const byKey = new Map<string, number>();
  for (const r of resources)
    for (const part of [r.inputs ?? {}, r.outputs ?? {}])
      for (const [k, v] of Object.entries(part)) byKey.set(k, (byKey.get(k) ?? 0) + size(v) + k.length + 4);
  return [...byKey]
    .map(([k, n]): [string, number] => [k, Math.round(n / Math.max(1, resources.length))])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
}

export function breakdown(resources: ExportedResource[], userBytes: number): StateBreakdown {
  const total = avg(resources.map(size));
  const pulumi = avg(resources.map((r) => size({ ...r, inputs: undefined, outputs: undefined })));
  return { total, user: userBytes, pulumi, ours: total - userBytes - pulumi, largest: keySizes(resources) };
}

export function formatBreakdown(label: string, b: StateBreakdown): string {
  const top = b.largest.map(([k, n]) => `${k} ${n}`).join(", ");
  return (
    `${label.padEnd(8)} ${String(b.total).padStart(7)} B/resource = user inputs ${b.user} + Pulumi's ${b.pulumi}` +
    ` + ours ${b.ours}   (largest keys, inputs+outputs: ${top})`
  );
}
