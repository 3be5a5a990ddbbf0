/**
 * `pulumi preview --json` → a review report: one entry per resource that changes, with its
 * operation, why it is replaced, old → new of each changed property and the code's file-level
 * changes.
 *
 * Dynamic-provider steps carry no diffReasons or detailedDiff (docs/reference/pulumi-facts.md §A3), so the
 * changed properties are computed here from each step's old and new checked inputs, and the
 * reasons for a replacement from the resource's replace-on-change list (cli/resources.ts).
 * Internal keys (`__`-prefixed, check-computed hashes: hidden.ts) are never listed.
 */
import { deepEqual } from "../../provider/core/diff";
import { MANIFEST_INPUT } from "../../provider/core/code-manifest";
import { factsOf, tokenOfType, type ResourceFacts } from "../resources";
import { codeChanges, type CodeChanges } from "./code-changes";
import { DERIVED_FROM_CODE, hiddenProperties } from "./hidden";
import { renderShown, shownValue, SECRET_TEXT } from "./values";
import { routingChange } from "./routing";

export type Operation = "create" | "update" | "replace" | "delete";

export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: { type?: string; inputs?: Record<string, unknown> };
  newState?: { type?: string; inputs?: Record<string, unknown> };
}

export interface PreviewDigest {
  steps?: PreviewStep[];
  changeSummary?: Record<string, number>;
}

export interface PropertyChange {
  name: string;
  /** Typed values (values.ts shownValue); absent on the side where the property is not set. */
  old?: unknown;
  new?: unknown;
}

export interface ResourceReview {
  urn: string;
  name: string;
  /** The schema token (cloudfn:functiongraph:Function) or the engine's type for others. */
  type: string;
  operation: Operation;
  /** For a replacement: the changed properties that force it. */
  replaceBecause?: string[];
  properties: PropertyChange[];
  code?: CodeChanges;
  /** An Alias's traffic split before → after (routing.ts), when it changes. */
  routing?: string;
}

export interface Review {
  summary: Record<Operation, number> & { unchanged: number };
  resources: ResourceReview[];
}

const OPERATION_OF: Record<string, Operation> = {
  create: "create",
  update: "update",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  delete: "delete",
};

function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  const qualified = parts[parts.length - 2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

const nameOfUrn = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

function propertyChanges(
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  facts: ResourceFacts | undefined,
): PropertyChange[] {
  const hidden = hiddenProperties(facts);
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !hidden(k)).sort();
  const secret = new Set(facts?.secrets ?? []);
  return (
    keys
      .filter((k) => !deepEqual(olds[k], news[k]))
      .map((k) => {
        const c: PropertyChange = { name: k };
        if (olds[k] !== undefined) c.old = shownValue(olds[k], secret.has(k));
        if (news[k] !== undefined) c.new = shownValue(news[k], secret.has(k));
        return c;
      })
      // Same text on both sides (an archive whose path stayed while its files changed, say):
      // nothing to read in a table; the code section or a hash row tells the change. A secret
      // that changed still gets its row.
      .filter((c) => textOf(c.old) !== textOf(c.new) || c.old === SECRET_TEXT)
  );
}

const textOf = (v: unknown) => (v === undefined ? undefined : renderShown(v));

/** The code section names what changed (files or packages), so code-derived rows add nothing. */
const listsChanges = (code: CodeChanges | undefined) =>
  (code?.files.length ?? 0) > 0 || (code?.dependencies?.length ?? 0) > 0;

function replaceReasons(changed: string[], code: CodeChanges | undefined, facts: ResourceFacts | undefined): string[] {
  const forcing = new Set(facts?.replaceOnChange ?? []);
  const reasons = changed.filter((p) => forcing.has(p));
  const codeMoved = changed.includes("codeHash") || listsChanges(code);
  if (forcing.has("code") && codeMoved && !reasons.includes("code")) reasons.push("code");
  return reasons;
}

function reviewOf(urn: string, operation: Operation, step: PreviewStep): ResourceReview {
  const rawType = step.newState?.type ?? step.oldState?.type ?? typeOfUrn(urn);
  const facts = factsOf(rawType);
  const olds = operation === "create" ? {} : (step.oldState?.inputs ?? {});
  const news = operation === "delete" ? {} : (step.newState?.inputs ?? {});
  const review: ResourceReview = {
    urn,
    name: nameOfUrn(urn),
    type: tokenOfType(rawType) ?? rawType,
    operation,
    properties: [],
  };
  const routing = routingChange(review.type, operation === "create" ? undefined : olds, news);
  if (routing) review.routing = routing;
  if (operation === "delete") return review;
  let properties = propertyChanges(olds, news, facts);
  const code = facts?.hasCode
    ? codeChanges(olds[MANIFEST_INPUT], news[MANIFEST_INPUT], operation === "create")
    : undefined;
  if (code) review.code = code;
  if (operation === "replace")
    review.replaceBecause = replaceReasons(
      properties.map((p) => p.name),
      code,
      facts,
    );
  if (listsChanges(code)) properties = properties.filter((p) => !DERIVED_FROM_CODE.includes(p.name));
  review.properties = properties;
  return review;
}

/** The step that holds both states of a resource (the `replace` step of a replacement). */
function representative(steps: PreviewStep[]): PreviewStep {
  return steps.find((s) => s.op === "replace") ?? steps.find((s) => s.oldState && s.newState) ?? steps[0];
}

/** Builds the review of a preview; resources keep the preview's order. */
export function buildReview(digest: PreviewDigest): Review {
  const byUrn = new Map<string, PreviewStep[]>();
  for (const step of digest.steps ?? []) {
    if (!OPERATION_OF[step.op] || typeOfUrn(step.urn).startsWith("pulumi:")) continue;
    byUrn.set(step.urn, [...(byUrn.get(step.urn) ?? []), step]);
  }
  const resources = [...byUrn].map(([urn, steps]) => {
    const ops = steps.map((s) => OPERATION_OF[s.op]);
    const operation = ops.includes("replace") ? "replace" : ops[0];
    return reviewOf(urn, operation, representative(steps));
  });
  const count = (op: Operation) => resources.filter((r) => r.operation === op).length;
  // The engine counts the stack itself among `same`; it is not one of the user's resources.
  const stackChanges = (digest.steps ?? []).some((s) => typeOfUrn(s.urn) === "pulumi:pulumi:Stack" && s.op !== "same");
  const unchanged = Math.max(0, (digest.changeSummary?.same ?? 0) - (stackChanges ? 0 : 1));
  return {
    summary: {
      create: count("create"),
      update: count("update"),
      replace: count("replace"),
      delete: count("delete"),
      unchanged,
    },
    resources,
  };
}
