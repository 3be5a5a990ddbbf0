import { faultRuleSchema, ruleMatches, takeFault, type FaultRule } from "./faults";

const rule = (over: Partial<FaultRule>): FaultRule => ({ id: "r", hits: 0, operation: "*", status: 500, ...over });

describe("ruleMatches", () => {
  it.each([
    [{ operation: "*" }, "functiongraph", "CreateFunction", true],
    [{ operation: "CreateFunction" }, "functiongraph", "CreateFunction", true],
    [{ operation: "CreateFunction" }, "functiongraph", "DeleteFunction", false],
    [{ operation: "*", platform: "functiongraph" }, "functiongraph", "X", true],
    [{ operation: "*", platform: "leancloud" }, "functiongraph", "X", false],
  ])("%j vs %s/%s → %s", (spec, platform, operation, expected) => {
    expect(ruleMatches(rule(spec), platform, operation)).toBe(expected);
  });
});

describe("takeFault", () => {
  it("consumes `times` and removes exhausted rules, first match wins", () => {
    const rules = [rule({ id: "a", operation: "A", times: 2 }), rule({ id: "b", operation: "*" })];
    const seen = ["A", "A", "A", "B"].map((op) => takeFault(rules, "functiongraph", op, () => 0)?.id);
    expect(seen).toEqual(["a", "a", "b", "b"]);
    expect(rules.map((r) => [r.id, r.hits])).toEqual([["b", 2]]);
  });

  it("draws the random number only for matching rules with a probability", () => {
    const draws: number[] = [0.9, 0.1];
    const random = jest.fn(() => draws.shift() as number);
    const rules = [
      rule({ id: "other", operation: "Other", probability: 0.5 }),
      rule({ id: "p", operation: "A", probability: 0.5 }),
    ];
    expect(takeFault(rules, "functiongraph", "A", random)).toBeUndefined();
    expect(takeFault(rules, "functiongraph", "A", random)?.id).toBe("p");
    expect(random).toHaveBeenCalledTimes(2);
  });
});

describe("faultRuleSchema", () => {
  it("accepts a full rule and rejects contradictory or empty ones", () => {
    expect(
      faultRuleSchema.safeParse({
        platform: "functiongraph",
        operation: "CreateFunction",
        status: 429,
        errorCode: "APIG.0308",
        times: 3,
        probability: 0.25,
        latencyMs: 10,
      }).success,
    ).toBe(true);
    expect(faultRuleSchema.safeParse({ operation: "*", drop: true, dropAfter: true }).success).toBe(false);
    expect(faultRuleSchema.safeParse({ operation: "*" }).success).toBe(false);
    expect(faultRuleSchema.safeParse({ operation: "*", status: 200 }).success).toBe(false);
    expect(faultRuleSchema.safeParse({ operation: "*", status: 500, extra: 1 }).success).toBe(false);
  });
});
