/**
 * The API gateway's brute-force guard (docs/reference/functiongraph-api.md §9.2): after more than `threshold` consecutive
 * failed signatures for one AK, that AK is refused for `lockSeconds`, even with a correct
 * signature. A success resets the count. Kept in memory: a restart forgets it, as a lock this
 * short would be forgotten by the time anyone restarted the emulator.
 */
import { fgErrors } from "./errors";

interface AkFailures {
  consecutive: number;
  lockedUntilMs?: number;
}

export class AkLockout {
  private readonly byAk = new Map<string, AkFailures>();

  /** @param threshold failures tolerated in a row (0 disables the lock). */
  constructor(
    readonly threshold = 5,
    readonly lockSeconds = 300,
  ) {}

  /** Throws the gateway's 401 while the AK is locked. */
  assertNotLocked(ak: string, nowMs: number): void {
    const state = this.byAk.get(ak);
    if (state?.lockedUntilMs !== undefined && nowMs < state.lockedUntilMs) {
      throw fgErrors.auth("AK access failed to reach the limit,forbidden");
    }
  }

  recordFailure(ak: string, nowMs: number): void {
    if (this.threshold <= 0) return;
    const state = this.byAk.get(ak) ?? { consecutive: 0 };
    if (state.lockedUntilMs !== undefined && nowMs >= state.lockedUntilMs) state.lockedUntilMs = undefined;
    state.consecutive += 1;
    // "More than 5 consecutive failures": the 6th failure in a row starts the lock.
    if (state.consecutive > this.threshold) {
      state.lockedUntilMs = nowMs + this.lockSeconds * 1000;
      state.consecutive = 0;
    }
    this.byAk.set(ak, state);
  }

  recordSuccess(ak: string): void {
    this.byAk.delete(ak);
  }
}
