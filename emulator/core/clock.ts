/**
 * Time source of the emulator. Everything that reads "now" (token expiry, the X-Sdk-Date skew
 * window, last_modified, image_name, timer triggers) goes through a Clock so tests can pin and
 * move time.
 */
export interface Clock {
  now(): Date;
  /**
   * Moves the emulator's time forward by `ms` (negative moves back). Optional so a caller-made
   * clock with only `now()` still works; the clock-advance control route then answers 400.
   */
  advance?(ms: number): void;
  /** True when time moves on its own (real-time timers are armed only then). */
  readonly ticks?: boolean;
  /**
   * The time the callers' own clocks show, for checks that compare with a client timestamp
   * (the X-Sdk-Date skew window): clients sign with their wall clock, which an advance of the
   * emulator's clock does not move. Defaults to now().
   */
  callerNow?(): Date;
}

/**
 * Wall-clock time plus an accumulated offset; the default. Advancing adds to the offset, so the
 * emulator's time keeps flowing in real time from the advanced instant: timers due later still
 * fire on their own, and tests need not wait for the ones they skip over.
 */
export class SystemClock implements Clock {
  readonly ticks = true;
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Wall time: an advanced emulator must still accept requests signed a moment ago. */
  callerNow(): Date {
    return new Date();
  }

  /** Milliseconds the emulator's time is ahead of the wall clock. */
  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock that only moves when told to: deterministic timestamps and expiry tests. */
export class ManualClock implements Clock {
  readonly ticks = false;
  private current: number;

  /** @param start initial time (default 2024-01-02T03:04:05Z, the digest's example instant). */
  constructor(start: Date | string | number = "2024-01-02T03:04:05Z") {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms` milliseconds (negative moves back). */
  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }
}
