import { closest, didYouMean, editDistance, unknownPropertyReason } from "./suggest";
import { RUNTIMES } from "../../platform/functiongraph/limits";

describe("did you mean", () => {
  it("measures edits", () => {
    expect(editDistance("memorySzie", "memorySize")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("ignores case and punctuation and prefers a shared start", () => {
    expect(closest("nodejs18", RUNTIMES)).toBe("Node.js18.15");
    expect(closest("python3.9", RUNTIMES)).toBe("Python3.9");
    expect(closest("prod", ["production", "staging"])).toBe("production");
  });

  it("suggests nothing far away", () => {
    expect(closest("Node.js99", RUNTIMES)).toBeUndefined();
    expect(didYouMean("zzz", ["memorySize", "timeout"])).toBe("");
  });

  it("names the likely property, or lists the known ones", () => {
    expect(unknownPropertyReason("memorySzie", ["memorySize", "timeout"])).toBe(
      'unknown property "memorySzie"; did you mean "memorySize"?',
    );
    expect(unknownPropertyReason("colour", ["memorySize", "timeout"])).toBe(
      'unknown property "colour"; known properties: memorySize, timeout',
    );
  });
});
