/**
 * The property tables of each resource's docs page. The page is prose written by hand; the
 * generator owns only what sits between the markers below, so a table can never disagree with
 * the definition.
 */
import {
  tokenParts,
  type InputSpec,
  type OutputSpec,
  type ResourceDefinition,
  type TypeSpec,
} from "../../provider/core/definition";

export const BEGIN = (table: string) =>
  `<!-- generated:${table} (make generate; edit the resource definition, not this table) -->`;
export const END = (table: string) => `<!-- /generated:${table} -->`;

function typeText(type: TypeSpec): string {
  switch (type.kind) {
    case "string":
      if (!type.values?.length) return "string";
      return type.values.length > 6 ? "string (see meaning)" : type.values.map((v) => `\`${v}\``).join(" \\| ");
    case "map":
      return `map of ${typeText(type.of)}`;
    case "array":
      return `list of ${typeText(type.of)}`;
    case "union":
      return type.of.map(typeText).join(" or ");
    case "object":
      return type.name;
    case "archive":
      return "Archive";
    case "asset":
      return "Asset";
    default:
      return type.kind;
  }
}

/** Long enums are listed after the meaning rather than in the type column. */
function knownValues(type: TypeSpec): string {
  if (type.kind !== "string" || !type.values || type.values.length <= 6) return "";
  return ` Known values: ${type.values.map((v) => `\`${v}\``).join(", ")}.`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

function inputRow(name: string, s: InputSpec): string {
  const notes = [
    s.required && s.default === undefined ? "required" : "",
    s.replaceOnChange ? "replaces" : "",
    s.secret ? "secret" : "",
    s.secretWhen ? `secret for ${s.secretWhen.values.join(", ")}` : "",
    s.inputOnly ? "not an output" : "",
  ].filter(Boolean);
  const dflt = s.default === undefined ? "" : `\`${JSON.stringify(s.default)}\``;
  return `| \`${name}\` | ${typeText(s.type)} | ${dflt} | ${notes.join(", ")} | ${cell(s.doc)}${knownValues(s.type)} |`;
}

function outputRow(name: string, s: OutputSpec): string {
  const notes = [s.secret ? "secret" : "", s.optional ? "may be absent" : ""].filter(Boolean).join(", ");
  return `| \`${name}\` | ${typeText(s.type)} | ${notes} | ${cell(s.doc)} |`;
}

function nestedTables(def: ResourceDefinition): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (type: TypeSpec): void => {
    if (type.kind === "map" || type.kind === "array") {
      visit(type.of);
      return;
    }
    if (type.kind === "union") {
      type.of.forEach(visit);
      return;
    }
    if (type.kind !== "object" || seen.has(type.name)) return;
    seen.add(type.name);
    out.push(
      "",
      `**${type.name}**: ${cell(type.doc)}`,
      "",
      "| field | type | | meaning |",
      "| --- | --- | --- | --- |",
    );
    for (const [n, f] of Object.entries(type.properties))
      out.push(`| \`${n}\` | ${typeText(f.type)} | ${f.required ? "required" : ""} | ${cell(f.doc)} |`);
    Object.values(type.properties).forEach((f) => visit(f.type));
  };
  Object.values(def.inputs).forEach((s) => visit(s.type));
  Object.values(def.outputs).forEach((s) => visit(s.type));
  return out;
}

export function inputsTable(def: ResourceDefinition): string {
  return [
    "| input | type | default | notes | meaning |",
    "| --- | --- | --- | --- | --- |",
    ...Object.entries(def.inputs).map(([n, s]) => inputRow(n, s)),
    ...nestedTables(def),
  ].join("\n");
}

export function outputsTable(def: ResourceDefinition): string {
  const echoed = Object.entries(def.inputs)
    .filter(([, s]) => !s.inputOnly)
    .map(([n]) => `\`${n}\``);
  return [
    `Every input is also an output${echoed.length < Object.keys(def.inputs).length ? ', except those marked "not an output"' : ""}. Computed:`,
    "",
    "| output | type | notes | meaning |",
    "| --- | --- | --- | --- |",
    ...Object.entries(def.outputs).map(([n, s]) => outputRow(n, s)),
  ].join("\n");
}

/** Replaces each marked table of the page; a page without markers is an error naming the resource. */
export function withTables(page: string, def: ResourceDefinition): string {
  const tables: Record<string, string> = { inputs: inputsTable(def), outputs: outputsTable(def) };
  let text = page;
  for (const [name, table] of Object.entries(tables)) {
    const start = text.indexOf(BEGIN(name));
    const end = text.indexOf(END(name));
    if (start < 0 || end < start)
      throw new Error(
        `docs/${def.docs} lacks the ${BEGIN(name)} … ${END(name)} markers (${tokenParts(def.token).type})`,
      );
    text = `${text.slice(0, start)}${BEGIN(name)}\n${table}\n${text.slice(end)}`;
  }
  return text;
}
