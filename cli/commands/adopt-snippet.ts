/**
 * Renders what `cloudfn adopt` found as a TypeScript Pulumi program: one resource per platform
 * object with `adopt: true` and its current configuration, so the first `up` records them
 * without recreating anything. Code is never downloadable as the archive it came from, so it is
 * a placeholder FileArchive path with a comment. Pure: no I/O.
 */
import type { FunctionObject } from "../../provider/minapp/api";

const lit = (v: unknown): string => JSON.stringify(v);

/** A TypeScript identifier from a platform name (`my-func` → `myFunc`), never a reserved start. */
export function identifier(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words
    .map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1)))
    .join("");
  return /^[A-Za-z_]/.test(camel) ? camel : `fn${camel}`;
}

/** Unique identifiers for a list of names, in order (`a`, `a2`, ...). */
function uniqueIdentifiers(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const id = identifier(n);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}${count}`;
  });
}

const HEADER = ['import * as pulumi from "@pulumi/pulumi";', 'import * as cloudfn from "pulumi-cloudfn";', ""];

/** One `cloudfn.minapp.CloudFunction` per cloud function, with its live remark and plan. */
export function minappSnippet(functions: FunctionObject[], environmentId?: string): string {
  const ids = uniqueIdentifiers(functions.map((f) => f.name));
  const blocks = functions.map((f, i) =>
    [
      `// MinApp cloud function ${lit(f.name)} (id ${f.id})${environmentId ? ` in environment ${environmentId}` : ""}`,
      `export const ${ids[i]} = new cloudfn.minapp.CloudFunction(${lit(f.name)}, {`,
      `    adopt: true,`,
      `    name: ${lit(f.name)},`,
      `    // Placeholder: a folder whose index.js exports \`main\`. The bundle is compared with the live`,
      `    // function_code (${(f.function_code ?? "").length} characters) and patched only if it differs.`,
      `    code: new pulumi.asset.FileArchive(${lit(`./functions/${f.name}`)}),`,
      ...(f.remark ? [`    remark: ${lit(f.remark)},`] : []),
      ...(f.plan_circle && f.plan_circle !== "P_FREE" ? [`    planCircle: ${lit(f.plan_circle)},`] : []),
      ...(environmentId ? [`    environmentId: ${lit(environmentId)},`] : []),
      `});`,
    ].join("\n"),
  );
  return [...HEADER, ...blocks.flatMap((b) => [b, ""])].join("\n");
}
