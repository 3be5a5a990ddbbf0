/**
 * Fault rules: make the next N (or a random share of) matching platform calls fail, slow down or
 * lose their connection. Matching is pure and unit-tested; the middleware applies the outcome.
 */
import { z } from "zod";
import type { IdGenerator } from "./ids";
import type { Middleware, RequestContext, WireError } from "./http";

export const faultRuleSchema = z
  .object({
    platform: z.string().optional(),
    /** Official operation name, or "*" for every operation of the platform(s). */
    operation: z.string().min(1),
    status: z.number().int().min(400).max(599).optional(),
    errorCode: z.string().optional(),
    errorMsg: z.string().optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Destroy the socket without performing the operation or answering. */
    drop: z.boolean().optional(),
    /** Perform the operation, then destroy the socket: the "response lost" case. */
    dropAfter: z.boolean().optional(),
    /** Apply to the next N matching calls only; absent = forever. */
    times: z.number().int().min(1).optional(),
    /** Chance in [0, 1] that a matching call is affected (drawn from the injectable random). */
    probability: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((r) => [r.status !== undefined, r.drop, r.dropAfter].filter(Boolean).length <= 1, {
    message: "status, drop and dropAfter are mutually exclusive",
  })
  .refine((r) => r.status !== undefined || r.drop || r.dropAfter || r.latencyMs !== undefined, {
    message: "a fault needs at least one of status, drop, dropAfter or latencyMs",
  });

export type FaultSpec = z.infer<typeof faultRuleSchema>;
export interface FaultRule extends FaultSpec {
  id: string;
  /** Calls this rule has affected so far. */
  hits: number;
}

/** True when the rule targets this platform call (ignores times/probability). */
export function ruleMatches(rule: FaultSpec, platform: string, operation: string): boolean {
  if (rule.platform !== undefined && rule.platform !== platform) return false;
  return rule.operation === "*" || rule.operation === operation;
}

/**
 * The first rule that fires for this call, consuming one of its `times`. Exhausted rules are
 * removed from `rules` in place. Probability is drawn only for rules that otherwise match, so
 * the random sequence (and thus a seeded run) does not depend on unrelated rules.
 */
export function takeFault(
  rules: FaultRule[],
  platform: string,
  operation: string,
  random: () => number,
): FaultRule | undefined {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!ruleMatches(rule, platform, operation)) continue;
    if (rule.probability !== undefined && random() >= rule.probability) continue;
    rule.hits++;
    if (rule.times !== undefined && rule.hits >= rule.times) rules.splice(i, 1);
    return rule;
  }
  return undefined;
}

export class FaultRegistry {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(spec: FaultSpec): FaultRule {
    const rule: FaultRule = { ...spec, id: `fault-${this.nextId++}`, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }

  take(platform: string, operation: string, ids: IdGenerator): FaultRule | undefined {
    return takeFault(this.rules, platform, operation, () => ids.random());
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the platform-shaped error for a status fault. */
export type FaultErrorFactory = (ctx: RequestContext, rule: FaultRule & { status: number }) => WireError;

/** The fault middleware: sits right after the request log, before auth. */
export function faultMiddleware(registry: FaultRegistry, ids: IdGenerator, errorFor: FaultErrorFactory): Middleware {
  return async (ctx, next) => {
    if (ctx.platform === "control") return next();
    const rule = registry.take(ctx.platform, ctx.operation, ids);
    if (!rule) return next();
    if (rule.latencyMs) await sleep(rule.latencyMs);
    if (rule.drop) return { status: 0, drop: true };
    if (rule.status !== undefined) throw errorFor(ctx, { ...rule, status: rule.status });
    if (rule.dropAfter) {
      await next();
      return { status: 0, drop: true };
    }
    return next();
  };
}
