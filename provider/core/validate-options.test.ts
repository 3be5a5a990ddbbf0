import { validateInputs } from "./check";
import { t, type ResourceDefinition } from "./definition";
import { UNKNOWN } from "./diff";
import { adoptInput, adoptOption } from "./adopt-inputs";

const def = {
  token: "cloudfn:test:Thing",
  description: "A thing.",
  docs: "test/thing.md",
  implementation: "provider/test/thing",
  inputs: {
    name: { type: t.string(), required: true, doc: "Name." },
    tags: { type: t.array(t.string()), doc: "Tags." },
  },
  outputs: {},
} as unknown as ResourceDefinition;

describe("validateInputs", () => {
  it("skips a property that contains an unknown anywhere by default", () => {
    const { value, unknown, failures } = validateInputs(def, { name: 7, tags: ["a", UNKNOWN] });
    expect(unknown).toEqual({ tags: ["a", UNKNOWN] });
    expect(value).toEqual({ name: 7 });
    expect(failures.map((f) => f.property)).toEqual(["name"]);
  });

  it("validates partly unknown values when unknownWhen says only whole values are unknown", () => {
    const whole = (v: unknown) => v === UNKNOWN;
    const { unknown, failures } = validateInputs(
      def,
      { name: UNKNOWN, tags: ["a", UNKNOWN, 3] },
      { unknownWhen: whole },
    );
    expect(unknown).toEqual({ name: UNKNOWN });
    expect(failures.map((f) => f.property)).toEqual(["tags"]);
  });
});

describe("adopt inputs", () => {
  it("are input-only and end their docs with the shared sentences", () => {
    const adopt = adoptInput("Take over the thing.");
    expect(adopt).toMatchObject({ inputOnly: true, type: { kind: "boolean" } });
    expect(adopt.doc).toBe(
      "Take over the thing. Fails if it does not exist or another resource adopts it too. Never compared (setting or removing it later causes no diff), not an output. See docs/adopt.md.",
    );
    expect(adoptInput("Take over.", { fails: "Fails if X." }).doc).toMatch(/^Take over\. Fails if X\. Never compared/);
    expect(adoptOption(t.string(), "which one.").doc).toMatch(/^With `adopt: true`: which one\. Never compared/);
  });
});
