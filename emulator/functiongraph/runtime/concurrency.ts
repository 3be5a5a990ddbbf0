/**
 * Instance limits on invoke (docs/reference/functiongraph-api.md §3.1, §3.11): at most
 * max instances (strategy_config.concurrency) × per-instance concurrency (concurrent_num)
 * invocations of a function run at once. -1 means unlimited; 0 means the function is disabled.
 * - Sync invocations (F8, workflow steps) beyond the limit are refused at once with 429 FSS.0429
 *   and recorded as rejected, which the reports count as `reject_count`.
 * - Async invocations (F9, timers, destinations) are queued by the platform, not refused: an
 *   async event waits here for a free slot and then runs, so throttling delays it, never drops it
 *   (its max event age still applies while it waits).
 * - A disabled function refuses both with 403 FSS.0403 [inferred: the platform's code for a
 *   disabled function is not documented; 403 says "not allowed", not "try again later"].
 * Counting lives here, around Executor.invoke, so the executor itself knows nothing of it.
 */
import {
  CONCURRENT_NUM_DEFAULT,
  MAX_INSTANCES_DEFAULT,
  MAX_INSTANCES_DISABLED,
  MAX_INSTANCES_UNLIMITED,
} from "../../../platform/functiongraph/function-config";
import type { FgEnv } from "../env";
import { FgError, fgErrors } from "../errors";
import type { FunctionRecord } from "../models/function";

interface Slots {
  running: number;
  waiters: (() => void)[];
}

const slotsByEnv = new WeakMap<FgEnv, Map<string, Slots>>();

function slotsOf(env: FgEnv, fn: FunctionRecord): Slots {
  const byFunction = slotsByEnv.get(env) ?? new Map<string, Slots>();
  slotsByEnv.set(env, byFunction);
  const key = `${fn.package}/${fn.func_name}`;
  let slots = byFunction.get(key);
  if (!slots) byFunction.set(key, (slots = { running: 0, waiters: [] }));
  return slots;
}

/** In-flight limit of a function; undefined = unlimited. */
export function inFlightLimit(fn: FunctionRecord): number | undefined {
  const maxInstances = Number(fn.strategy_config.concurrency ?? MAX_INSTANCES_DEFAULT);
  if (maxInstances === MAX_INSTANCES_UNLIMITED) return undefined;
  return maxInstances * Number(fn.strategy_config.concurrent_num ?? CONCURRENT_NUM_DEFAULT);
}

export function assertEnabled(fn: FunctionRecord): void {
  if (Number(fn.strategy_config.concurrency) === MAX_INSTANCES_DISABLED)
    throw fgErrors.forbidden(`function ${fn.func_name} is disabled: its max instances is 0`);
}

export const throttled = () =>
  new FgError(429, "FSS.0429", "too many concurrent requests: the function's instance limit is reached");

function releaser(slots: Slots): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.running--;
    slots.waiters.shift()?.();
  };
}

/** A slot for a sync invocation, or 429 FSS.0429 when the function is at its limit. */
export function takeSlot(env: FgEnv, fn: FunctionRecord): () => void {
  assertEnabled(fn);
  const slots = slotsOf(env, fn);
  const limit = inFlightLimit(fn);
  if (limit !== undefined && slots.running >= limit) throw throttled();
  slots.running++;
  return releaser(slots);
}

/** A slot for an async invocation: waits (queued, first come first served) until one is free. */
export async function waitForSlot(env: FgEnv, fn: FunctionRecord): Promise<() => void> {
  assertEnabled(fn);
  const slots = slotsOf(env, fn);
  for (;;) {
    const limit = inFlightLimit(fn);
    if (limit === undefined || slots.running < limit) break;
    await new Promise<void>((resolve) => slots.waiters.push(resolve));
  }
  slots.running++;
  return releaser(slots);
}
