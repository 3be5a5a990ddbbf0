import { aliasBody, outputsFrom, parseAliasUrn } from "./mapping";
import { AliasInputs } from "./schema";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello:latest";
const inputs = (over: Partial<AliasInputs> = {}): AliasInputs => ({
  functionUrn: URN,
  name: "live",
  version: "v1",
  description: "",
  ...over,
});
const rules = { v2: { rules: [{ ruleType: "header", param: "x-canary", op: "=", value: "1" }], combineType: "and" } };

describe("Alias mapping", () => {
  it("sends empty weights to clear them when the program has no routing", () => {
    expect(aliasBody(inputs(), false)).toEqual({ version: "v1", description: "", additional_version_weights: {} });
  });

  it("sends rules in the platform's snake_case and leaves weights out", () => {
    expect(aliasBody(inputs({ additionalVersionStrategy: rules }), true)).toEqual({
      name: "live",
      version: "v1",
      description: "",
      additional_version_strategy: {
        v2: { rules: [{ rule_type: "header", param: "x-canary", op: "=", value: "1" }], combine_type: "and" },
      },
    });
  });

  it("reads rules back as written and empty weights as none", () => {
    const outs = outputsFrom(URN, {
      name: "live",
      version: "v1",
      additional_version_weights: {},
      additional_version_strategy: {
        v2: { rules: [{ rule_type: "header", param: "x-canary", op: "=", value: "1" }], combine_type: "and" },
      },
    });
    expect(outs.additionalVersionStrategy).toEqual(rules);
    expect(outs.additionalVersionWeights).toBeUndefined();
    expect(outs).toMatchObject({ aliasUrn: URN.replace(/latest$/, "!live"), qualifier: "!live" });
  });

  it("parses its id and refuses a URN that is not an alias's", () => {
    expect(parseAliasUrn(URN.replace(/latest$/, "!live"))).toEqual({
      functionUrn: URN.replace(/:latest$/, ""),
      name: "live",
    });
    expect(() => parseAliasUrn(URN)).toThrow(/expected an alias URN/);
  });
});
