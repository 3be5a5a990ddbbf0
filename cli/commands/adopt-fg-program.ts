/**
 * The program `cloudfn adopt --platform functiongraph` prints: one resource per object found
 * (adopt-fg-inventory.ts) with `adopt: true`, the adopt option that says which object (trigger
 * id, dependency version), and the inputs the provider's own read mapping derives from the live
 * object, so the first `up` of the program creates nothing. References between the objects
 * (a trigger's function, a workflow's functions, a function's dependency versions, an alias's
 * version) become references between the resources. Code is never downloadable: it is a placeholder path. Pure.
 */
import {
  inputsFrom as asyncInputs,
  outputsFrom as asyncOutputs,
} from "../../provider/functiongraph/async-invoke-config/mapping";
import { unqualifiedUrn } from "../../provider/functiongraph/client";
import type { DependencyVersionInfo } from "../../provider/functiongraph/dependency-version/api";
import { inputsFrom as functionInputs, liveOutputs } from "../../provider/functiongraph/function/mapping";
import { liveConfigSet } from "../../provider/functiongraph/function/mapping-config";
import {
  inputsFrom as triggerInputs,
  outputsFrom as triggerOutputs,
} from "../../provider/functiongraph/trigger/mapping";
import { fromWire } from "../../provider/functiongraph/workflow/flow";
import type { VersionInfo } from "../../provider/functiongraph/version/api";
import type { AliasInfo } from "../../provider/functiongraph/alias/api";
import { inputsFrom as aliasInputs, outputsFrom as aliasOutputs } from "../../provider/functiongraph/alias/mapping";
import type { WorkflowDetail } from "../../provider/functiongraph/workflow/api";
import { SECRET_EVENT_DATA_TYPES } from "../../platform/functiongraph/trigger-rules";
import type { FgFunctionFound, FgInventory } from "./adopt-fg-inventory";
import { identifier } from "./adopt-snippet";
import { Expr, tsLiteral, withReferences } from "./ts-literal";
import { asText } from "../../provider/core/response";

const HEADER = ['import * as pulumi from "@pulumi/pulumi";', 'import * as cloudfn from "pulumi-cloudfn";', ""];
/** Inputs a read reports that the program does not print as data: code is a placeholder, hashes and the URN are computed. */
const NOT_PRINTED = new Set(["code", "codeHash", "encryptedEnvironmentHash", "funcUrn"]);

/** Unique variable names, in the order asked (`orders`, `orders2`...). */
class Names {
  private readonly seen = new Map<string, number>();
  take(name: string): string {
    const id = identifier(name);
    const count = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, count);
    return count === 1 ? id : `${id}${count}`;
  }
}

interface Block {
  comment: string[];
  variable?: string;
  type: string;
  name: string;
  args: Record<string, unknown>;
}

function render(b: Block, refs: ReadonlyMap<string, Expr>): string {
  const head = `${b.variable ? `export const ${b.variable} = ` : ""}new cloudfn.functiongraph.${b.type}(${JSON.stringify(b.name)}, `;
  return [...b.comment.map((c) => `// ${c}`), `${head}${tsLiteral(withReferences(b.args, refs))});`].join("\n");
}

const printable = (inputs: object) =>
  Object.fromEntries(
    Object.entries(inputs).filter(([k, v]) => !NOT_PRINTED.has(k) && v !== "" && !(Array.isArray(v) && v.length === 0)),
  );

function dependencyBlock(v: DependencyVersionInfo, variable: string): Block {
  const code = new Expr(JSON.stringify(`./dependencies/${v.name}-v${v.version}`), [
    "Placeholder: the zip (or folder) this version was built from. Versions are immutable: its MD5 must",
    `equal the live etag ${v.etag ?? "(none reported)"}, or the up fails.`,
  ]);
  return {
    comment: [`dependency ${v.name} version ${v.version} (version id ${v.id})`],
    variable,
    type: "DependencyVersion",
    name: `${v.name}-v${v.version}`,
    args: {
      adopt: true,
      adoptVersion: v.version,
      ...printable({
        name: v.name,
        runtime: v.runtime,
        description: v.description ?? "",
      }),
      code: new Expr(`new pulumi.asset.FileArchive(${code.code})`, code.comment),
    },
  };
}

function functionBlock(f: FgFunctionFound, variable: string): Block {
  const { info } = f;
  // A read reports only what a state declared; adopting prints everything set live.
  const inputs = printable({ ...functionInputs(liveOutputs(info, {})), ...liveConfigSet(info) });
  const zipped = inputs.codeUrl === undefined;
  const code = new Expr(`new pulumi.asset.FileArchive(${JSON.stringify(`./functions/${info.func_name}`)})`, [
    "Placeholder: the folder (or .zip) of this function's code. Its zip is compared with the live",
    `code by digest (SHA-512 ${(info.digest ?? "").slice(0, 16)}…) and uploaded only if it differs.`,
  ]);
  const secretNote = info.encrypted_user_data
    ? [
        "This function has encrypted environment variables, which are never read back: declare them",
        "with encryptedEnvironment (from pulumi config --secret), or they are cleared by the first config update.",
      ]
    : [];
  return {
    comment: [info.func_urn, ...secretNote],
    variable,
    type: "Function",
    name: info.package === "default" ? info.func_name : `${info.package}-${info.func_name}`,
    args: { adopt: true, ...inputs, ...(zipped ? { code } : {}) },
  };
}

function triggerBlock(fnVariable: string, fnUrn: string, t: FgFunctionFound["triggers"][number]): Block {
  const { qualifier, ...info } = t;
  const inputs = printable({ ...triggerInputs(triggerOutputs(fnUrn, info, {})), qualifier });
  const timerName = t.trigger_type_code === "TIMER" ? asText(t.event_data?.name ?? t.trigger_id) : undefined;
  const secret = SECRET_EVENT_DATA_TYPES.includes(t.trigger_type_code);
  return {
    comment: secret ? ["Passwords in eventData are never read back: add them (from pulumi config --secret)."] : [],
    type: "Trigger",
    name: `${fnVariable}${qualifierPart(qualifier)}-${timerName ?? `${t.trigger_type_code.toLowerCase()}-${t.trigger_id.slice(0, 8)}`}`,
    args: { adopt: true, adoptId: t.trigger_id, ...inputs },
  };
}

function asyncConfigBlock(fnVariable: string, fnUrn: string, c: FgFunctionFound["asyncConfigs"][number]): Block {
  const urn = c.func_urn ?? fnUrn;
  const suffix = urn.split(":").pop() ?? "";
  const qualifier = unqualifiedUrn(urn) === urn || suffix === "latest" ? "" : suffix;
  return {
    comment: [],
    type: "AsyncInvokeConfig",
    name: `${fnVariable}${qualifierPart(qualifier)}-async`,
    args: { adopt: true, ...printable({ ...asyncInputs(asyncOutputs(fnUrn, c)), qualifier }) },
  };
}

/** A resource-name part for a qualifier: "" for latest, `-v2`, `-live` (the alias mark dropped). */
const qualifierPart = (q: string) => (q ? `-${q.replace(/^!/, "")}` : "");

function versionBlock(fnVariable: string, fnUrn: string, v: VersionInfo, variable: string): Block {
  return {
    comment: [`version ${v.version} of ${unqualifiedUrn(fnUrn)}`],
    variable,
    type: "Version",
    name: `${fnVariable}-${v.version}`,
    args: {
      adopt: true,
      ...printable({ functionUrn: fnUrn, name: v.version, description: v.version_description ?? v.description ?? "" }),
    },
  };
}

function aliasBlock(fnVariable: string, fnUrn: string, a: AliasInfo, versionVars: Map<string, string>): Block {
  const inputs = printable(aliasInputs(aliasOutputs(fnUrn, a)));
  const versionVar = versionVars.get(a.version);
  return {
    comment: [],
    type: "Alias",
    name: `${fnVariable}-${a.name}`,
    args: { adopt: true, ...inputs, ...(versionVar ? { version: new Expr(`${versionVar}.version`) } : {}) },
  };
}

/** Drops the defaults the canonical form spells out (empty texts, lists and maps, `false`), for a readable program. */
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (value === null || typeof value !== "object") return value;
  const kept = Object.entries(value)
    .map(([k, v]) => [k, withoutDefaults(v)] as const)
    .filter(
      ([, v]) => !(v === "" || v === false || (typeof v === "object" && v !== null && Object.keys(v).length === 0)),
    );
  return Object.fromEntries(kept);
}

function workflowBlock(w: WorkflowDetail, variable: string): Block {
  const inputs = withoutDefaults(fromWire(w.definition)) as object;
  return {
    comment: [w.workflow_urn],
    variable,
    type: "Workflow",
    name: w.definition.name,
    args: { adopt: true, ...printable(inputs) },
  };
}

/** Expressions for the strings other resources are referred to by: function URNs and dependency version ids. */
function referencesOf(inv: FgInventory, fnVars: string[], depVars: string[]): Map<string, Expr> {
  const refs = new Map<string, Expr>();
  inv.functions.forEach((f, i) => {
    const ref = new Expr(`${fnVars[i]}.funcUrn`);
    refs.set(f.info.func_urn, ref);
    refs.set(unqualifiedUrn(f.info.func_urn), ref);
  });
  inv.dependencyVersions.forEach((v, i) => refs.set(v.id, new Expr(`${depVars[i]}.versionId`)));
  return refs;
}

/**
 * The whole program: dependency versions, then each function with its versions, aliases, triggers
 * (of every qualifier) and async configs, then workflows.
 */
export function functionGraphProgram(inv: FgInventory): string {
  const names = new Names();
  const depVars = inv.dependencyVersions.map((v) => names.take(`${v.name}-v${v.version}`));
  const fnVars = inv.functions.map((f) => names.take(f.info.func_name));
  const flowVars = inv.workflows.map((w) => names.take(w.definition.name));
  const refs = referencesOf(inv, fnVars, depVars);
  const blocks = [
    ...inv.dependencyVersions.map((v, i) => dependencyBlock(v, depVars[i])),
    ...inv.functions.flatMap((f, i) => {
      const versionVars = new Map(f.versions.map((v) => [v.version, names.take(`${f.info.func_name}-${v.version}`)]));
      return [
        functionBlock(f, fnVars[i]),
        ...f.versions.map((v) => versionBlock(fnVars[i], f.info.func_urn, v, versionVars.get(v.version) ?? "")),
        ...f.aliases.map((a) => aliasBlock(fnVars[i], f.info.func_urn, a, versionVars)),
        ...f.triggers.map((t) => triggerBlock(fnVars[i], f.info.func_urn, t)),
        ...f.asyncConfigs.map((c) => asyncConfigBlock(fnVars[i], f.info.func_urn, c)),
      ];
    }),
    ...inv.workflows.map((w, i) => workflowBlock(w, flowVars[i])),
  ];
  // A resource never refers to itself: its own key is printed as data.
  return [...HEADER, ...blocks.flatMap((b) => [render(b, refsFor(b, refs)), ""])].join("\n");
}

function refsFor(b: Block, refs: Map<string, Expr>): Map<string, Expr> {
  if (!b.variable) return refs;
  return new Map([...refs].filter(([, e]) => !e.code.startsWith(`${b.variable}.`)));
}

/** The one-line summary printed on stderr. */
export function inventorySummary(inv: FgInventory): string {
  const triggers = inv.functions.reduce((n, f) => n + f.triggers.length, 0);
  const configs = inv.functions.reduce((n, f) => n + f.asyncConfigs.length, 0);
  const versions = inv.functions.reduce((n, f) => n + f.versions.length, 0);
  const aliases = inv.functions.reduce((n, f) => n + f.aliases.length, 0);
  return (
    `cloudfn adopt: ${inv.functions.length} FunctionGraph function(s), ${versions} version(s), ${aliases} alias(es), ${triggers} trigger(s), ` +
    `${configs} async invoke config(s), ${inv.dependencyVersions.length} dependency version(s), ` +
    `${inv.workflows.length} workflow(s)\n`
  );
}
