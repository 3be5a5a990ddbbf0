/**
 * Time source of the emulator. Everything that reads "now" (token expiry, the X-Sdk-Date skew
 * window, last_modified, image_name) goes through a Clock so tests can pin and move time.
 */
export interface Clock {
  now(): Date;
}

/** Wall-clock time; the default. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to: deterministic timestamps and expiry tests. */
export class ManualClock implements Clock {
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
