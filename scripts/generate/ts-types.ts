/**
 * TypeSpec → TypeScript type text, for the generated SDK classes. Input types wrap every level
 * in `pulumi.Input<…>` (a user may pass an Output anywhere); output types are plain.
 */
import type { FieldSpec, TypeSpec } from "../../provider/core/definition";

type ObjectSpec = Extract<TypeSpec, { kind: "object" }>;

/** `"A" | "B" | (string & {})`: editors offer the known values, and new platform values still type-check. */
function stringType(values: readonly string[] | undefined): string {
  if (!values?.length) return "string";
  return [...values.map((v) => JSON.stringify(v)), "(string & {})"].join(" | ");
}

export function inputType(type: TypeSpec): string {
  switch (type.kind) {
    case "string":
      return stringType(type.values);
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

/** A TSDoc block, indented. */
export function tsdoc(text: string, indent = ""): string {
  const lines = text.split("\n");
  if (lines.length === 1 && text.length < 100) return `${indent}/** ${text.replace(/\*\//g, "*\\/")} */`;
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l.replace(/\*\//g, "*\\/")}`.trimEnd()), `${indent} */`].join("\n");
}
