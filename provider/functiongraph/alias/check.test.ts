import { UNKNOWN } from "../../core/diff";
import { checkAlias } from "./check";
import { AliasInputs } from "./schema";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello:latest";
const base = { functionUrn: URN, name: "live", version: "v1" };
const check = (over: Record<string, unknown>) => checkAlias({ ...base, ...over } as unknown as AliasInputs);
const rule = (r: Record<string, unknown> = {}) => ({
  ruleType: "header",
  param: "x-canary",
  op: "=",
  value: "1",
  ...r,
});

describe("Alias check", () => {
  it.each([
    [{ name: "9lives" }, "name", "start with a letter"],
    [{ name: "ends-" }, "name", "end with a letter or digit"],
    [{ name: "a".repeat(65) }, "name", "1–64"],
    [{ version: "bad version" }, "version", "may contain only"],
    [{ version: "-v1" }, "version", "start and end"],
    [{ description: "d".repeat(513) }, "description", "at most 512"],
    [{ functionUrn: "hello" }, "functionUrn", "function URN"],
    [{ additionalVersionWeights: { v2: 101 } }, "additionalVersionWeights", "0-100"],
    [{ additionalVersionWeights: { v2: 10.5 } }, "additionalVersionWeights", "whole percents"],
    [{ additionalVersionWeights: { v2: "10" } }, "additionalVersionWeights", "must be numbers"],
    [{ additionalVersionWeights: { "v 2": 10 } }, "additionalVersionWeights", 'key "v 2"'],
    [{ additionalVersionWeights: { v2: 60, v3: 50 } }, "additionalVersionWeights", "total at most 100 percent"],
    [{ additionalVersionWeights: { v1: 10 } }, "additionalVersionWeights", 'own version "v1"'],
    [{ additionalVersionStrategy: { v1: { rules: [rule()] } } }, "additionalVersionStrategy", "own version"],
    [{ additionalVersionStrategy: { v2: { rules: [] } } }, "additionalVersionStrategy", "at least one rule"],
    [
      { additionalVersionStrategy: { v2: { rules: [rule({ ruleType: "query" })] } } },
      "additionalVersionStrategy",
      "ruleType must be one of header, cookie",
    ],
    [
      { additionalVersionStrategy: { v2: { rules: [rule({ op: "!=" })] } } },
      "additionalVersionStrategy",
      "op must be one of =, in",
    ],
    [
      { additionalVersionStrategy: { v2: { rules: [rule()], combineType: "xor" } } },
      "additionalVersionStrategy",
      "combineType must be one of and, or",
    ],
    [
      { additionalVersionStrategy: { v2: { rules: [rule({ parma: "x" })] } } },
      "additionalVersionStrategy",
      'unknown property "parma"',
    ],
    [
      { additionalVersionWeights: { v2: 10 }, additionalVersionStrategy: { v3: { rules: [rule()] } } },
      "additionalVersionStrategy",
      "at most one of additionalVersionWeights and additionalVersionStrategy",
    ],
  ])("%j fails on %s (%s)", (over, property, text) => {
    const res = check(over);
    expect(res.failures).toEqual(
      expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringContaining(text) })]),
    );
  });

  it("accepts a 10% canary, a full shift to another version, rules, and latest", () => {
    expect(check({ additionalVersionWeights: { v2: 10 } }).failures).toBeUndefined();
    expect(check({ additionalVersionWeights: { v2: 100 } }).failures).toBeUndefined();
    expect(check({ version: "latest" }).failures).toBeUndefined();
    expect(
      check({
        additionalVersionStrategy: { v2: { rules: [rule(), rule({ op: "in", value: "a,b" })], combineType: "or" } },
      }).failures,
    ).toBeUndefined();
    expect(check({}).inputs).toMatchObject({ description: "" });
  });

  it("judges neither routing rule while one side is unknown, but still refuses both", () => {
    expect(check({ version: UNKNOWN, additionalVersionWeights: { v2: 10 } }).failures).toBeUndefined();
    expect(
      check({ additionalVersionWeights: UNKNOWN, additionalVersionStrategy: { v2: { rules: [rule()] } } }).failures,
    ).toEqual([expect.objectContaining({ property: "additionalVersionStrategy" })]);
  });
});
