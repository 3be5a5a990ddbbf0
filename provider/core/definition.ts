/**
 * One definition per resource: the single place a resource's facts are written. From a
 * `ResourceDefinition` come the provider's zod input object (`inputSchema`), the schema.json
 * entry, the generated SDK class and its provider shim, the CLI's registry and the property
 * tables of the docs page (scripts/generate/). A property deleted here disappears from all of
 * them together.
 *
 * Types are a small description language (`t.string()`, `t.object(...)`…) rather than zod,
 * because the generators need to print them as TypeScript and as Pulumi schema types; each
 * input may add its own zod `rule` for the platform's validation, which replaces the base
 * validator derived from its type.
 */
import { z, type ZodTypeAny } from "zod";
import { knownFieldsOnly } from "./rules";

export type TypeSpec =
  | { kind: "string"; values?: readonly string[]; name?: string }
  | { kind: "integer" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "archive" }
  | { kind: "asset" }
  | { kind: "any" }
  | { kind: "map"; of: TypeSpec }
  | { kind: "array"; of: TypeSpec }
  | { kind: "union"; of: readonly TypeSpec[] }
  | { kind: "object"; name: string; doc: string; properties: Readonly<Record<string, FieldSpec>> };

/** A field of a nested object type. */
export interface FieldSpec {
  type: TypeSpec;
  doc: string;
  required?: boolean;
}

/** The type constructors definitions are written with. */
export const t = {
  string: (): TypeSpec => ({ kind: "string" }),
  /**
   * A string with known values. The SDK types it as a union of the literals plus any string
   * (values the platform adds later stay usable); the zod base validator accepts any string,
   * so the check's own rule decides what is allowed. A `name` makes the SDK export the union as
   * a type of that name (for long lists).
   */
  enum: (values: readonly string[], name?: string): TypeSpec => ({ kind: "string", values, name }),
  integer: (): TypeSpec => ({ kind: "integer" }),
  number: (): TypeSpec => ({ kind: "number" }),
  boolean: (): TypeSpec => ({ kind: "boolean" }),
  archive: (): TypeSpec => ({ kind: "archive" }),
  asset: (): TypeSpec => ({ kind: "asset" }),
  any: (): TypeSpec => ({ kind: "any" }),
  map: (of: TypeSpec): TypeSpec => ({ kind: "map", of }),
  array: (of: TypeSpec): TypeSpec => ({ kind: "array", of }),
  union: (...of: TypeSpec[]): TypeSpec => ({ kind: "union", of }),
  /** A named nested type: schema.json `types` entry `cloudfn:<platform>:<name>`, SDK interface `<name>Args`. */
  object: (name: string, doc: string, properties: Record<string, FieldSpec>): TypeSpec => ({
    kind: "object",
    name,
    doc,
    properties,
  }),
};

export interface InputSpec {
  type: TypeSpec;
  /** What users read: schema.json description, SDK TSDoc, the docs table. */
  doc: string;
  /** Must be set (after defaults). An input with a default is never required. */
  required?: boolean;
  default?: string | number | boolean;
  replaceOnChange?: boolean;
  /** Stored encrypted in state (the SDK wraps it in `pulumi.secret`). */
  secret?: boolean;
  /** Stored as a secret only when another input has one of these values (e.g. a trigger type whose data holds passwords). */
  secretWhen?: { input: string; values: readonly string[] };
  /** Not echoed as an output (write-only values, per-run flags like `adopt`). */
  inputOnly?: boolean;
  /**
   * The platform's validation (zod, messages naming the property and the rule), without
   * optional/default: those come from `required` and `default`. Absent: derived from `type`.
   */
  rule?: ZodTypeAny;
}

export interface OutputSpec {
  type: TypeSpec;
  doc: string;
  /** May be absent (e.g. only for some configurations). */
  optional?: boolean;
  secret?: boolean;
  /** Computed by `check` and carried as a hidden input (e.g. `codeHash`), not by the platform. */
  fromCheck?: boolean;
}

export type ProviderMethod = "configure" | "check" | "diff" | "create" | "read" | "update" | "delete";

export interface ResourceDefinition {
  /** Pulumi type token `cloudfn:<platform>:<Type>`. */
  token: string;
  /** One paragraph for schema.json and the SDK class; the docs page holds the rest. */
  description: string;
  /** Docs page, relative to docs/ (e.g. `functiongraph/function.md`). */
  docs: string;
  inputs: Readonly<Record<string, InputSpec>>;
  /** Outputs that are not inputs (computed by the platform or by check). */
  outputs: Readonly<Record<string, OutputSpec>>;
  /** The resource carries function code (its check stores a code manifest for `cloudfn review`). */
  hasCode?: boolean;
  /** Module under `dist/` whose `provider` implements the CRUD, e.g. `provider/functiongraph/function`. */
  implementation: string;
  /** Methods the implementation has; default all seven. Resources without `update` replace on every change. */
  methods?: readonly ProviderMethod[];
  /** Why `pulumi import` cannot take this resource (it records a run, not a platform object); absent: importable by its id. */
  notImportable?: string;
  /**
   * Properties whose imported values are stored encrypted: the platform may hold secrets there
   * without saying which (a LeanEngine group's variables). A program that declares them in plain
   * text still previews clean: values are compared, not their secrecy.
   */
  secretOnImport?: readonly string[];
}

export const ALL_METHODS: readonly ProviderMethod[] = [
  "configure",
  "check",
  "diff",
  "create",
  "read",
  "update",
  "delete",
];

/** `cloudfn:functiongraph:Function` → { platform: "functiongraph", type: "Function" }. */
export function tokenParts(token: string): { platform: string; type: string } {
  const [, platform, type] = token.split(":");
  return { platform, type };
}

/** Inputs that must be present after defaults (schema.json `requiredInputs`). */
export function requiredInputs(def: ResourceDefinition): string[] {
  return Object.entries(def.inputs)
    .filter(([, spec]) => spec.required && spec.default === undefined)
    .map(([name]) => name);
}

/** Every output property: the inputs echoed back, then the computed outputs. */
export function outputNames(def: ResourceDefinition): string[] {
  return [
    ...Object.entries(def.inputs)
      .filter(([, s]) => !s.inputOnly)
      .map(([n]) => n),
    ...Object.keys(def.outputs),
  ];
}

export function replaceOnChange(def: ResourceDefinition): string[] {
  return Object.entries(def.inputs)
    .filter(([, s]) => s.replaceOnChange)
    .map(([n]) => n);
}

/** Secret inputs and outputs. */
export function secretNames(def: ResourceDefinition): string[] {
  const secret = (specs: Readonly<Record<string, { secret?: boolean }>>) =>
    Object.entries(specs)
      .filter(([, s]) => s.secret)
      .map(([n]) => n);
  return [...secret(def.inputs), ...secret(def.outputs)];
}

export function defaultsOf(def: ResourceDefinition): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(def.inputs).flatMap(([n, s]) => (s.default === undefined ? [] : [[n, s.default]])),
  );
}

/** Hidden inputs computed by check (`fromCheck` outputs). */
export function checkComputed(def: ResourceDefinition): string[] {
  return Object.entries(def.outputs)
    .filter(([, s]) => s.fromCheck)
    .map(([n]) => n);
}

/** The zod validator of a type, with messages that name the property. */
export function zodOf(type: TypeSpec, property: string): ZodTypeAny {
  const msg = (what: string) => ({
    required_error: `${property} is required`,
    invalid_type_error: `${property} must be ${what}`,
  });
  switch (type.kind) {
    case "string":
      return z.string(msg("a string"));
    case "integer":
      return z.number(msg("a number")).int(`${property} must be a whole number`);
    case "number":
      return z.number(msg("a number"));
    case "boolean":
      return z.boolean(msg("a boolean"));
    case "map":
      return z.record(z.string(), zodOf(type.of, `${property} values`), msg("an object of key/value pairs"));
    case "array":
      return z.array(zodOf(type.of, `${property}[]`), msg("a list"));
    case "object":
      return knownFieldsOnly(
        z.object(
          Object.fromEntries(
            Object.entries(type.properties).map(([k, f]) => {
              const base = zodOf(f.type, `${property}.${k}`);
              return [k, f.required ? base : base.optional()];
            }),
          ),
          msg("an object"),
        ),
        property,
      );
    case "archive":
    case "asset":
    case "any":
    case "union":
      return z.unknown();
  }
}

/** The zod object `check` validates inputs with: each input's rule (or type), optional unless required, with its default. */
export function inputSchema(def: ResourceDefinition): z.AnyZodObject {
  const shape = Object.fromEntries(
    Object.entries(def.inputs).map(([name, spec]) => {
      const base = spec.rule ?? zodOf(spec.type, name);
      if (spec.default !== undefined) return [name, base.default(spec.default)];
      return [name, spec.required ? base : base.optional()];
    }),
  );
  return z.object(shape);
}
