import { RESOURCES } from "../scripts/schema-registry";
import { RESOURCE_FACTS, tokenOfType } from "./resources";

describe("cli resource facts", () => {
  it("match the schema registry: same tokens, replace-on-change and secret properties", () => {
    const fromRegistry = Object.fromEntries(RESOURCES.map((r) => [r.token, { replaceOnChange: [...r.replaceOnChange], secrets: [...r.secrets] }]));
    const fromCli = Object.fromEntries(Object.entries(RESOURCE_FACTS).map(([t, f]) => [t, { replaceOnChange: [...f.replaceOnChange], secrets: [...f.secrets] }]));
    expect(fromCli).toEqual(fromRegistry);
  });

  it("maps the engine's dynamic type names to schema tokens", () => {
    expect(tokenOfType("pulumi-nodejs:dynamic/cloudfn/functiongraph:Function")).toBe("cloudfn:functiongraph:Function");
    expect(tokenOfType("pulumi-nodejs:dynamic:Resource")).toBeUndefined();
    expect(tokenOfType("pulumi:pulumi:Stack")).toBeUndefined();
  });
});
