import * as pulumi from "@pulumi/pulumi";
import { assertJsonInput, functionPath } from "./json-inputs";
import { Invocation } from "./leancloud/invocation";

describe("assertJsonInput", () => {
  it("names the path of a function inside plain objects and arrays", () => {
    expect(() => assertJsonInput("params", { a: 1, callback: () => 1 })).toThrow(
      "params.callback is a function; params must be JSON",
    );
    expect(functionPath({ list: [1, { "odd key": () => 1 }] }, "data")).toBe('data.list[1]["odd key"]');
    expect(() => assertJsonInput("params", () => 1)).toThrow("params is a function; params must be JSON");
  });

  it("accepts JSON and leaves what the SDK resolves alone", () => {
    const cyclic: Record<string, unknown> = { a: [1, "x", null, true] };
    cyclic.self = cyclic;
    expect(() => assertJsonInput("params", cyclic)).not.toThrow();
    expect(() => assertJsonInput("params", undefined)).not.toThrow();
    expect(() => assertJsonInput("params", { at: pulumi.output(1), p: Promise.resolve(2) })).not.toThrow();
    expect(() => assertJsonInput("params", { asset: new pulumi.asset.StringAsset("x") })).not.toThrow();
    class Holder {
      readonly fn = () => 1;
    }
    expect(() => assertJsonInput("params", { holder: new Holder() })).not.toThrow();
  });
});

// Only the throwing path is constructed: a resource that registers would serialize its provider
// after the test ends. Mocks make sure nothing reaches an engine if the check ever went missing.
describe("the generated constructors", () => {
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs as Record<string, unknown> }),
        call: (args) => args.inputs as Record<string, unknown>,
      },
      "project",
      "stack",
      true,
    );
  });

  it("throw when a LeanCloud Invocation's params hold a function", () => {
    expect(() => new Invocation("bad", { name: "hello", params: { callback: () => "hi" } })).toThrow(
      "params.callback is a function; params must be JSON",
    );
  });
});
