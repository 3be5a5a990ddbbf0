/**
 * schema.json (the Pulumi package schema) from the resource definitions and the platforms'
 * config keys. Nested object types become `types` entries named `cloudfn:<platform>:<Name>`.
 */
import {
  outputNames,
  requiredInputs,
  tokenParts,
  type InputSpec,
  type OutputSpec,
  type ResourceDefinition,
  type TypeSpec,
} from "../../provider/core/definition";
import type { ConfigKeyDefinition } from "../../provider/registry";
import { FUNCTION_SCHEMAS, FUNCTION_TYPES } from "./functions";
import { objectTypes } from "./ts-types";

type Json = Record<string, unknown>;

function schemaType(type: TypeSpec, platform: string): Json {
  switch (type.kind) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
      return { type: type.kind };
    case "archive":
      return { $ref: "pulumi.json#/Archive" };
    case "asset":
      return { $ref: "pulumi.json#/Asset" };
    case "any":
      return { $ref: "pulumi.json#/Any" };
    case "union":
      return { oneOf: type.of.map((t) => schemaType(t, platform)) };
    case "map":
      return { type: "object", additionalProperties: schemaType(type.of, platform) };
    case "array":
      return { type: "array", items: schemaType(type.of, platform) };
    case "object":
      return { $ref: `#/types/cloudfn:${platform}:${type.name}` };
  }
}

function inputProperty(spec: InputSpec, platform: string): Json {
  return {
    ...schemaType(spec.type, platform),
    description: spec.doc,
    ...(spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.replaceOnChange ? { willReplaceOnChanges: true } : {}),
    ...(spec.secret ? { secret: true } : {}),
  };
}

function outputProperty(spec: InputSpec | OutputSpec, platform: string): Json {
  return {
    ...schemaType(spec.type, platform),
    description: spec.doc,
    ...("replaceOnChange" in spec && spec.replaceOnChange ? { willReplaceOnChanges: true } : {}),
    ...(spec.secret ? { secret: true } : {}),
  };
}

/** Outputs always present: inputs that are required or defaulted, and non-optional computed outputs. */
function requiredOutputs(def: ResourceDefinition): string[] {
  return outputNames(def).filter((name) => {
    const input = def.inputs[name];
    if (input) return input.required || input.default !== undefined;
    return !def.outputs[name].optional;
  });
}

function resourceSchema(def: ResourceDefinition): Json {
  const { platform } = tokenParts(def.token);
  const outputs = outputNames(def).map((n) => [n, outputProperty(def.inputs[n] ?? def.outputs[n], platform)]);
  return {
    description: `${def.description} See docs/${def.docs}.`,
    properties: Object.fromEntries(outputs),
    required: requiredOutputs(def),
    inputProperties: Object.fromEntries(Object.entries(def.inputs).map(([n, s]) => [n, inputProperty(s, platform)])),
    requiredInputs: requiredInputs(def),
  };
}

function typesOf(defs: readonly ResourceDefinition[]): Json {
  const entries = defs.flatMap((def) => {
    const { platform } = tokenParts(def.token);
    const specs = [...Object.values(def.inputs), ...Object.values(def.outputs)].map((s) => s.type);
    return objectTypes(specs).map((o): [string, Json] => [
      `cloudfn:${platform}:${o.name}`,
      {
        type: "object",
        description: o.doc,
        properties: Object.fromEntries(
          Object.entries(o.properties).map(([n, f]) => [n, { ...schemaType(f.type, platform), description: f.doc }]),
        ),
        required: Object.entries(o.properties)
          .filter(([, f]) => f.required)
          .map(([n]) => n),
      },
    ]);
  });
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** `cloudfn:profiles`: profile name → setting name → text. */
const PROFILES_TYPE: Json = {
  type: "object",
  additionalProperties: { type: "object", additionalProperties: { type: "string" } },
};

export interface PackageFacts {
  version: string;
  description: string;
  license: string;
  dependencies: Record<string, string>;
}

/**
 * `pulumi:providers:cloudfn`: an explicit provider takes the same settings as the stack config,
 * each instance its own (docs/native-provider.md). Nothing here is stored in resource state.
 */
function providerSchema(variables: [string, Json][]): Json {
  return {
    description:
      "One account, region and endpoint set of the cloudfn native provider; unset settings fall back to the environment variables.",
    inputProperties: Object.fromEntries(variables),
  };
}

/**
 * Per-language package facts, so `pulumi package gen-sdk` names the SDKs consistently.
 * respectSchemaVersion: without it the Python and Go codegens stamp 0.0.0 (a placeholder their
 * release pipelines overwrite), and the SDK would ask the engine for plugin 0.0.0.
 */
function languageInfo(pkg: PackageFacts): Json {
  return {
    nodejs: { packageName: "pulumi-cloudfn", dependencies: pkg.dependencies },
    python: { packageName: "pulumi_cloudfn", pyproject: { enabled: true }, respectSchemaVersion: true },
    go: {
      importBasePath: "github.com/cloudfn/pulumi-cloudfn/sdk/go/cloudfn",
      generateResourceContainerTypes: true,
      respectSchemaVersion: true,
    },
    csharp: { rootNamespace: "Cloudfn", packageReferences: { Pulumi: "3.*" } },
  };
}

export function packageSchema(
  defs: readonly ResourceDefinition[],
  config: readonly ConfigKeyDefinition[],
  pkg: PackageFacts,
): Json {
  const variables = config.map((c): [string, Json] => [
    c.key.replace(/^cloudfn:/, ""),
    {
      ...(c.type === "profiles" ? PROFILES_TYPE : { type: "string" }),
      description: c.env ? `${c.description} (env ${c.env}).` : `${c.description}.`,
      ...(c.secret ? { secret: true } : {}),
    },
  ]);
  return {
    name: "cloudfn",
    displayName: "cloudfn",
    version: pkg.version,
    license: pkg.license,
    description: pkg.description,
    keywords: ["pulumi", "functiongraph", "huaweicloud", "minapp", "leancloud", "serverless"],
    config: { variables: Object.fromEntries(variables) },
    provider: providerSchema(variables),
    resources: Object.fromEntries(defs.map((d) => [d.token, resourceSchema(d)])),
    functions: FUNCTION_SCHEMAS,
    types: { ...typesOf(defs), ...FUNCTION_TYPES },
    language: languageInfo(pkg),
  };
}
