/**
 * What one family of event sources tells the events control route: which fields a posted
 * description needs, which triggers it reaches (by their event_data) and the platform-shaped
 * event each of them gets.
 */
import type { EventData } from "../triggers/validate";

/** The body posted to /_emulator/functiongraph/events/<type>: the source's own fields. */
export type EventInput = Record<string, unknown>;

export interface BuildContext {
  region: string;
  projectId: string;
  /** URN of the function the event is delivered to. */
  funcUrn: string;
  now: Date;
  uuid: () => string;
}

export interface EventSource {
  /** A reason the description cannot be delivered, or undefined. */
  check(input: EventInput): string | undefined;
  matches(eventData: EventData, input: EventInput): boolean;
  build(input: EventInput, ctx: BuildContext): unknown;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The first of `fields` that is not a non-empty string, as a reason. */
export function missingStrings(input: EventInput, fields: string[]): string | undefined {
  const bad = fields.find((f) => typeof input[f] !== "string" || input[f] === "");
  return bad ? `${bad} (a non-empty string) is required` : undefined;
}

/** `field` must be an array of strings when present. */
export function badStringList(input: EventInput, field: string): string | undefined {
  const v = input[field];
  if (v === undefined) return undefined;
  return Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : `${field} must be an array of strings`;
}

export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** A list-or-comma-separated event_data value (topic_ids, events...) as a list. */
export function listOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
    : [];
}

/** Optional keys match when either side leaves them unset. */
export const sameOrUnset = (a: unknown, b: unknown) => a === undefined || a === "" || b === undefined || a === b;

/** A string field, or the fallback. */
export const text = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);
