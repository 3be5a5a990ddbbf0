/**
 * The engine events `pulumi preview --json` prints one per line when
 * PULUMI_ENABLE_STREAMING_JSON_PREVIEW is set (Pulumi 3.248 has no `--event-log` on preview).
 * They come as the engine plans each resource, so they drive the progress lines; since that
 * mode prints no digest, `digestOf` rebuilds the digest the reports read from the same events.
 */

export interface StepMetadata {
  op?: string;
  urn?: string;
  type?: string;
  old?: Record<string, unknown>;
  new?: Record<string, unknown>;
  diffs?: string[];
  detailedDiff?: unknown;
}

export interface EngineEvent {
  resourcePreEvent?: { metadata?: StepMetadata };
  summaryEvent?: { resourceChanges?: Record<string, number> };
  diagnosticEvent?: { severity?: string; message?: string; urn?: string };
  [kind: string]: unknown;
}

/** Complete lines of `buffer` as events; the unfinished tail is returned for the next chunk. */
export function splitEvents(buffer: string): { events: EngineEvent[]; rest: string } {
  const lines = buffer.split("\n");
  const rest = lines.pop() ?? "";
  const events: EngineEvent[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as EngineEvent);
    } catch {
      // Not an event (the engine writes none such): skipped rather than fatal.
    }
  }
  return { events, rest };
}

const STACK_TYPE = "pulumi:pulumi:Stack";

/** The digest's step for one planned step: unchanged resources are left out, as the digest does. */
function stepOf(m: StepMetadata): Record<string, unknown> | undefined {
  if (!m.op || !m.urn || (m.op === "same" && m.type !== STACK_TYPE)) return undefined;
  const step: Record<string, unknown> = { op: m.op, urn: m.urn };
  if (m.old) step.oldState = m.old;
  if (m.new) step.newState = m.new;
  if (m.diffs) step.diffReasons = m.diffs;
  if (m.detailedDiff) step.detailedDiff = m.detailedDiff;
  return step;
}

/** The `pulumi preview --json` digest (steps, change summary, diagnostics) rebuilt from its events. */
export function digestOf(events: EngineEvent[]): Record<string, unknown> {
  const steps: Record<string, unknown>[] = [];
  const diagnostics: Record<string, unknown>[] = [];
  let changeSummary: Record<string, number> | undefined;
  for (const e of events) {
    const step = e.resourcePreEvent?.metadata && stepOf(e.resourcePreEvent.metadata);
    if (step) steps.push(step);
    if (e.summaryEvent) changeSummary = e.summaryEvent.resourceChanges;
    const d = e.diagnosticEvent;
    if (d && d.severity !== "debug") diagnostics.push({ urn: d.urn, message: d.message, severity: d.severity });
  }
  return { steps, ...(changeSummary ? { changeSummary } : {}), ...(diagnostics.length ? { diagnostics } : {}) };
}
