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
  const { timeout: _dropped, ...inputs } = functionDefinition.inputs;
  const without: ResourceDefinition = { ...functionDefinition, inputs };

  it("declares a property in schema.json, the SDK and the docs table", () => {
    const out = generated(functionDefinition);
    expect(Object.keys(out.resource.inputProperties)).toContain("timeout");
    expect(Object.keys(out.resource.properties)).toContain("timeout");
    expect(out.sdk).toMatch(/^ {2}timeout\?: pulumi\.Input<number>;$/m);
    expect(out.sdk).toMatch(/public readonly timeout!: pulumi\.Output<number>;/);
    expect(out.docs).toMatch(/^\| `timeout` \| integer \| `30` \|/m);
  });

  it("drops a deleted property from all three together", () => {
    const out = generated(without);
    expect(Object.keys(out.resource.inputProperties)).not.toContain("timeout");
    expect(Object.keys(out.resource.properties)).not.toContain("timeout");
    expect(out.sdk).not.toMatch(/\btimeout[?!]?:/);
    expect(out.docs).not.toMatch(/\| `timeout` \|/);
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
