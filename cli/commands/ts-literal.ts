/**
 * Renders plain data as TypeScript source for the programs `cloudfn adopt` prints: objects and
 * arrays one entry per line, keys unquoted when they are identifiers, and `Expr` values (a
 * reference to another resource, a FileArchive) written as code. Pure.
 */

/** A piece of code to print as is, e.g. `orders.funcUrn`; as an object property, `comment` lines come first. */
export class Expr {
  constructor(
    readonly code: string,
    readonly comment: readonly string[] = [],
  ) {}
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k: string) => (IDENTIFIER.test(k) ? k : JSON.stringify(k));

/** `value` as a TypeScript expression; nested lines are indented by `indent` more spaces per level. */
export function tsLiteral(value: unknown, indent = "", step = "    "): string {
  if (value instanceof Expr) return value.code;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = indent + step;
    return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner, step)},`).join("\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + step;
    const lines = entries.map(([k, v]) => {
      const comment = v instanceof Expr ? v.comment.map((c) => `${inner}// ${c}\n`).join("") : "";
      return `${comment}${inner}${key(k)}: ${tsLiteral(v, inner, step)},`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** Replaces every string in `value` that `refs` knows (e.g. a function URN) with its expression. */
export function withReferences(value: unknown, refs: ReadonlyMap<string, Expr>): unknown {
  if (typeof value === "string") return refs.get(value) ?? value;
  if (value instanceof Expr) return value;
  if (Array.isArray(value)) return value.map((v) => withReferences(v, refs));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withReferences(v, refs)]));
  return value;
}
