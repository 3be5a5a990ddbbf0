/**
 * TypeSpec → TypeScript type text, for the generated SDK classes. Input types wrap every level
 * in `pulumi.Input<…>` (a user may pass an Output anywhere); output types are plain.
 */
import type { FieldSpec, TypeSpec } from "../../provider/core/definition";

type ObjectSpec = Extract<TypeSpec, { kind: "object" }>;

/** `"A" | "B" | (string & Record<never, never>)`: editors offer the known values, and new platform values still type-check. */
function stringType(values: readonly string[] | undefined): string {
  if (!values?.length) return "string";
  return [...values.map((v) => JSON.stringify(v)), "(string & Record<never, never>)"].join(" | ");
}

export function inputType(type: TypeSpec): string {
  switch (type.kind) {
    case "string":
      return type.name ?? stringType(type.values);
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "archive":
      return "pulumi.asset.Archive";
    case "asset":
      return "pulumi.asset.Asset";
    case "any":
      return "any";
    case "map":
      return `Record<string, pulumi.Input<${inputType(type.of)}>>`;
    case "array":
      return `pulumi.Input<${inputType(type.of)}>[]`;
    case "union":
      return type.of.map(inputType).join(" | ");
    case "object":
      return `${type.name}Args`;
  }
}

export function outputType(type: TypeSpec): string {
  switch (type.kind) {
    case "map":
      return `Record<string, ${outputType(type.of)}>`;
    case "array":
      return `${outputType(type.of)}[]`;
    case "union":
      return type.of.map(outputType).join(" | ");
    case "object":
      return type.name;
    default:
      return inputType(type);
  }
}

/** Every named object type reachable from these types, each once, in first-seen order. */
export function objectTypes(types: readonly TypeSpec[]): ObjectSpec[] {
  const seen = new Map<string, ObjectSpec>();
  const visit = (type: TypeSpec): void => {
    if (type.kind === "object") {
      if (seen.has(type.name)) return;
      seen.set(type.name, type);
      Object.values(type.properties).forEach((f: FieldSpec) => visit(f.type));
    } else if (type.kind === "map" || type.kind === "array") visit(type.of);
    else if (type.kind === "union") type.of.forEach(visit);
  };
  types.forEach(visit);
  return [...seen.values()];
}

/** A named string union: `export type <name> = "A" | "B" | …`. */
export interface NamedEnum {
  name: string;
  declaration: string;
}

/** Named string unions reachable from these types, each once. */
export function namedEnums(types: readonly TypeSpec[]): NamedEnum[] {
  const seen = new Map<string, NamedEnum>();
  const visit = (type: TypeSpec): void => {
    if (type.kind === "string" && type.name)
      seen.set(type.name, { name: type.name, declaration: `export type ${type.name} = ${stringType(type.values)};` });
    else if (type.kind === "map" || type.kind === "array") visit(type.of);
    else if (type.kind === "union") type.of.forEach(visit);
    else if (type.kind === "object") Object.values(type.properties).forEach((f) => visit(f.type));
  };
  types.forEach(visit);
  return [...seen.values()];
}

/** Words of a paragraph in lines of at most `width` characters. */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** A TSDoc block, indented, wrapped to fit the formatter's width. */
export function tsdoc(text: string, indent = ""): string {
  const safe = text.replace(/\*\//g, "*\\/");
  const width = 110 - indent.length;
  const lines = safe.split("\n").flatMap((p) => (p.trim() ? wrap(p, width) : [""]));
  if (lines.length === 1 && lines[0].length <= width - 4) return `${indent}/** ${lines[0]} */`;
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`.trimEnd()), `${indent} */`].join("\n");
}
