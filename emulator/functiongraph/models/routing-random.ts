/**
 * The random source of weighted alias routing. By default the emulator's id generator (seeded
 * when the emulator is started with a seed); the control route
 * POST /_emulator/functiongraph/routing/seed gives routing its own seeded sequence, so a test can
 * replay exactly the same split without depending on how many ids were drawn before.
 */
import { seededIds } from "../../core/ids";
import type { FgEnv } from "../env";

const sources = new WeakMap<FgEnv, () => number>();

export function routingRandom(env: FgEnv): () => number {
  return sources.get(env) ?? (() => env.ids.random());
}

export function seedRouting(env: FgEnv, seed: number): void {
  const ids = seededIds(seed);
  sources.set(env, () => ids.random());
}
