import { z } from "zod";
import { validateInputs } from "./check";
import { t, type ResourceDefinition } from "./definition";
import { knownFieldsOnly, oneOfRule } from "./rules";

const def: ResourceDefinition = {
  token: "cloudfn:test:Thing",
  description: "",
  docs: "",
  implementation: "",
  inputs: {
    memorySize: { type: t.integer(), default: 128, doc: "" },
    mode: { type: t.enum(["sync", "async"]), rule: oneOfRule("mode", ["sync", "async"]), doc: "" },
    timer: {
      type: t.object("Timer", "", { schedule: { type: t.string(), doc: "", required: true } }),
      doc: "",
    },
  },
  outputs: { result: { type: t.any(), doc: "" } },
};

describe("validateInputs", () => {
  it("rejects an undeclared key, naming the input it resembles", () => {
    expect(validateInputs(def, { memorySzie: 512 }).failures).toEqual([
      { property: "memorySzie", reason: 'unknown property "memorySzie"; did you mean "memorySize"?' },
    ]);
    expect(validateInputs(def, { colour: "red" }).failures).toEqual([
      { property: "colour", reason: 'unknown property "colour"; known properties: memorySize, mode, timer' },
    ]);
  });

  it("accepts outputs the SDK sends (present or absent), __ keys and undefined values", () => {
    const res = validateInputs(def, { result: undefined, __provider: "x", __codeManifest: {}, stray: undefined });
    expect(res.failures).toEqual([]);
    expect(validateInputs(def, {}).failures).toEqual([]);
  });

  it("rejects undeclared fields of nested objects", () => {
    expect(validateInputs(def, { timer: { schedule: "1m", scheduel: "2m" } }).failures).toEqual([
      { property: "timer", reason: 'timer: unknown property "scheduel"; did you mean "schedule"?' },
    ]);
  });

  it("suggests the enum value meant", () => {
    expect(validateInputs(def, { mode: "Async" }).failures).toEqual([
      { property: "mode", reason: 'mode must be one of sync, async; got "Async"; did you mean "async"?' },
    ]);
  });
});

describe("knownFieldsOnly", () => {
  it("passes declared fields", () => {
    const rule = knownFieldsOnly(z.object({ a: z.string() }), "thing");
    expect(rule.safeParse({ a: "x" }).success).toBe(true);
    expect(rule.safeParse({ a: "x", b: 1 }).success).toBe(false);
  });
});
