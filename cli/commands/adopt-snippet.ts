/**
 * Renders what `cloudfn adopt` found as a TypeScript Pulumi program: one resource per platform
 * object with `adopt: true` and its current configuration, so the first `up` records them
 * without recreating anything. Code is never downloadable as the archive it came from, so it is
 * a placeholder FileArchive path with a comment. Pure: no I/O.
 */
import type { FunctionInfo } from "../../provider/functiongraph/api";
import type { TriggerInfo } from "../../provider/functiongraph/trigger/api";
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

function parseEnv(text: string | null | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    return Object.keys(parsed).length
      ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]))
      : undefined;
  } catch {
    return undefined;
  }
}

const HEADER = ['import * as pulumi from "@pulumi/pulumi";', 'import * as cloudfn from "pulumi-cloudfn";', ""];

function fgCodeLines(f: FunctionInfo): string[] {
  if (f.code_type === "obs" && f.code_url) return [`    codeUrl: ${lit(f.code_url)},`];
  return [
    `    // Placeholder: the folder (or .zip) of this function's code. Its zip is compared with the live`,
    `    // code by digest (SHA-512 ${(f.digest ?? "").slice(0, 16)}…) and uploaded only if it differs.`,
    `    code: new pulumi.asset.FileArchive(${lit(`./functions/${f.func_name}`)}),`,
  ];
}

/** A `Trigger` adopting one TIMER trigger of the function bound to `fnId` (other types: a comment). */
function timerBlock(fnId: string, t: TriggerInfo): string {
  const e = t.event_data ?? {};
  if (t.trigger_type_code !== "TIMER")
    return `// ${fnId} also has a ${t.trigger_type_code} trigger ${t.trigger_id}: adopt it with adoptId (docs/adopt.md).`;
  return [
    `new cloudfn.functiongraph.Trigger(${lit(`${fnId}-${String(e.name)}`)}, {`,
    `    adopt: true,`,
    `    functionUrn: ${fnId}.funcUrn,`,
    `    type: "TIMER",`,
    `    status: ${lit(t.trigger_status ?? "ACTIVE")},`,
    `    timer: { name: ${lit(e.name)}, scheduleType: ${lit(e.schedule_type)}, schedule: ${lit(e.schedule)}${e.user_event ? `, userEvent: ${lit(e.user_event)}` : ""} },`,
    `});`,
  ].join("\n");
}

/**
 * One `cloudfn.functiongraph.Function` per function, with its live configuration, followed by
 * its triggers (`triggers` by function URN).
 */
export function functionGraphSnippet(functions: FunctionInfo[], triggers: Record<string, TriggerInfo[]> = {}): string {
  const ids = uniqueIdentifiers(functions.map((f) => f.func_name));
  const blocks = functions.map((f, i) => {
    const env = parseEnv(f.user_data);
    const lines = [
      `// ${f.func_urn}`,
      `export const ${ids[i]} = new cloudfn.functiongraph.Function(${lit(f.package === "default" ? f.func_name : `${f.package}-${f.func_name}`)}, {`,
      `    adopt: true,`,
      `    name: ${lit(f.func_name)},`,
      `    package: ${lit(f.package)},`,
      `    runtime: ${lit(f.runtime)},`,
      `    handler: ${lit(f.handler)},`,
      `    memorySize: ${f.memory_size},`,
      `    timeout: ${f.timeout},`,
      ...(f.description ? [`    description: ${lit(f.description)},`] : []),
      ...(env ? [`    environment: ${JSON.stringify(env, null, 4).replace(/\n/g, "\n    ")},`] : []),
      ...(f.encrypted_user_data
        ? [
            `    // This function has encrypted environment variables, which are never read back: declare them`,
            `    // with encryptedEnvironment (from pulumi config --secret), or they are cleared by the first config update.`,
          ]
        : []),
      ...(f.depend_version_list?.length ? [`    dependencyVersionIds: ${lit(f.depend_version_list)},`] : []),
      ...fgCodeLines(f),
      `});`,
      ...(triggers[f.func_urn] ?? []).map((t) => timerBlock(ids[i], t)),
    ];
    return lines.join("\n");
  });
  return [...HEADER, ...blocks.flatMap((b) => [b, ""])].join("\n");
}

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
