/**
 * The inputs every adoptable resource declares (`adopt` and its companions), built in one place
 * so their docs say the shared facts in the same words: what failing looks like, that they are
 * never compared and never outputs, and where adoption is explained.
 */
import type { ZodTypeAny } from "zod";
import { t, type InputSpec, type TypeSpec } from "./definition";

const NOT_STATE = "Never compared (setting or removing it later causes no diff), not an output.";
const FAILS = "Fails if it does not exist or another resource adopts it too.";

/** The rule is optional: without one the base boolean/type validator applies. */
function withRule(spec: InputSpec, rule?: ZodTypeAny): InputSpec {
  return rule ? { ...spec, rule } : spec;
}

/**
 * `adopt`: `takeOver` says what is taken over and what the first `up` writes; `fails` replaces
 * the usual "does not exist or adopted twice" sentence where the resource has more to say.
 */
export function adoptInput(takeOver: string, options: { rule?: ZodTypeAny; fails?: string } = {}): InputSpec {
  const doc = `${takeOver} ${options.fails ?? FAILS} ${NOT_STATE} See docs/adopt.md.`;
  return withRule({ type: t.boolean(), inputOnly: true, doc }, options.rule);
}

/** An input that only means something with `adopt: true` (which object, which version). */
export function adoptOption(type: TypeSpec, what: string, rule?: ZodTypeAny): InputSpec {
  return withRule({ type, inputOnly: true, doc: `With \`adopt: true\`: ${what} ${NOT_STATE}` }, rule);
}
