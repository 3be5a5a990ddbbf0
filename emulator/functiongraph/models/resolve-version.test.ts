import { seededIds } from "../../core/ids";
import type { FgEnv } from "../env";
import type { AliasRecord } from "./alias";
import { routeAlias } from "./resolve-version";
import { seedRouting } from "./routing-random";

const env = () => ({ ids: seededIds(1) }) as unknown as FgEnv;
const alias = (extra: Partial<AliasRecord>): AliasRecord => ({
  name: "live",
  version: "v1",
  description: "",
  last_modified: "",
  ...extra,
});
const draws = (e: FgEnv, a: AliasRecord, n: number) => Array.from({ length: n }, () => routeAlias(e, a, {}));

describe("weighted alias routing", () => {
  it("splits 10 000 requests within a point of the weights", () => {
    const e = env();
    seedRouting(e, 99);
    const got = draws(e, alias({ additional_version_weights: { v2: 10, v3: 25 } }), 10_000);
    const share = (v: string) => got.filter((x) => x === v).length / got.length;
    expect(Math.abs(share("v2") - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(share("v3") - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(share("v1") - 0.65)).toBeLessThan(0.015);
  });

  it("replays exactly with the same seed and differs with another", () => {
    const a = alias({ additional_version_weights: { v2: 50 } });
    const run = (seed: number) => {
      const e = env();
      seedRouting(e, seed);
      return draws(e, a, 200);
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it("sends everything to the alias's version without weights, and 100 % to the additional one", () => {
    expect(new Set(draws(env(), alias({}), 50))).toEqual(new Set(["v1"]));
    expect(new Set(draws(env(), alias({ additional_version_weights: { v2: 100 } }), 50))).toEqual(new Set(["v2"]));
  });
});

describe("rule-based alias routing", () => {
  const a = alias({
    additional_version_strategy: {
      v2: {
        combine_type: "and",
        rules: [
          { rule_type: "header", param: "X-Region", op: "=", value: "eu" },
          { rule_type: "cookie", param: "tier", op: "in", value: "gold, silver" },
        ],
      },
    },
  });
  it("matches every rule with `and`", () => {
    expect(routeAlias(env(), a, { headers: { "x-region": "eu", cookie: "tier=silver" } })).toBe("v2");
    expect(routeAlias(env(), a, { headers: { "x-region": "eu", cookie: "tier=bronze" } })).toBe("v1");
    expect(routeAlias(env(), a, { headers: { cookie: "tier=gold" } })).toBe("v1");
  });
});
