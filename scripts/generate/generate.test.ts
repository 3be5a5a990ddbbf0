import { readFileSync } from "fs";
import * as path from "path";
import { t, type ResourceDefinition } from "../../provider/core/definition";
import { functionDefinition } from "../../provider/functiongraph/function/definition";
import { CONFIG_KEYS } from "../../provider/registry";
import { withTables } from "./docs";
import { packageSchema } from "./schema";
import { platformEnums, sdkModule } from "./sdk";

const PKG = { version: "0.0.0", description: "test", license: "Apache-2.0", dependencies: {} };
const page = readFileSync(path.join(__dirname, "..", "..", "docs", functionDefinition.docs), "utf8");

/** Everything generated from one definition: its schema.json entry, SDK module and docs page. */
function generated(def: ResourceDefinition) {
  const schema = packageSchema([def], CONFIG_KEYS, PKG) as {
    resources: Record<string, { inputProperties: object; properties: object }>;
  };
  return { resource: schema.resources[def.token], sdk: sdkModule(def, "test"), docs: withTables(page, def) };
}

describe("one definition drives every generated file", () => {
  // memorySize: a name no nested type reuses (the hooks' objects have their own `timeout`).
  const { memorySize: _dropped, ...inputs } = functionDefinition.inputs;
  const without: ResourceDefinition = { ...functionDefinition, inputs };

  it("declares a property in schema.json, the SDK and the docs table", () => {
    const out = generated(functionDefinition);
    expect(Object.keys(out.resource.inputProperties)).toContain("memorySize");
    expect(Object.keys(out.resource.properties)).toContain("memorySize");
    expect(out.sdk).toMatch(/^ {2}memorySize\?: pulumi\.Input<number>;$/m);
    expect(out.sdk).toMatch(/public readonly memorySize!: pulumi\.Output<number>;/);
    expect(out.docs).toMatch(/^\| `memorySize` \| integer \| `128` \|/m);
  });

  it("drops a deleted property from all three together", () => {
    const out = generated(without);
    expect(Object.keys(out.resource.inputProperties)).not.toContain("memorySize");
    expect(Object.keys(out.resource.properties)).not.toContain("memorySize");
    expect(out.sdk).not.toMatch(/\bmemorySize[?!]?:/);
    expect(out.docs).not.toMatch(/\| `memorySize` \|/);
  });

  it("keeps hand-written prose around the generated tables", () => {
    const docs = generated(without).docs;
    expect(docs).toContain("## Behaviour");
    expect(docs.split("<!-- generated:inputs").length).toBe(2);
  });
});

describe("named enums", () => {
  const runtimeOf = (name: string, values: readonly string[]): ResourceDefinition => ({
    ...functionDefinition,
    token: `cloudfn:functiongraph:${name}`,
    inputs: { runtime: { type: t.enum(values, "Runtime"), doc: "" } },
    outputs: {},
  });

  it("are declared once per platform and imported by each module that uses them", () => {
    const a = runtimeOf("A", ["x", "y"]);
    const text = platformEnums([a, runtimeOf("B", ["x", "y"])]) ?? "";
    expect(text.match(/export type Runtime =/g)).toHaveLength(1);
    expect(sdkModule(a, "test")).toContain('import type { Runtime } from "./enums";');
    expect(sdkModule(a, "test")).not.toContain("export type Runtime");
  });

  it("fail when two definitions give one name different values", () => {
    expect(() => platformEnums([runtimeOf("A", ["x"]), runtimeOf("B", ["y"])])).toThrow(
      "enum Runtime is declared with different values",
    );
  });
});
