/**
 * Makes ACTIVE TIMER triggers fire. Each TIMER record keeps its next due instant in the store
 * (`timer.next_ms`, emulator time); the scheduler
 * - in real time: sleeps until the earliest due instant (at most MAX_SLEEP_MS, so a state load or
 *   reset is noticed), fires what is due, sleeps again — only with a clock that ticks;
 * - on clock advance: fires every occurrence that falls inside the skipped span, earliest first,
 *   stepping the clock to each occurrence so the event and the invocation carry that time;
 * - on demand: fires one trigger now (control route).
 * Passes never overlap (one promise chain), so nothing fires twice. Runs go through
 * runForTrigger (fire.ts), the one place a trigger runs its function.
 */
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import type { InvocationRecord } from "../models/invocation";
import { triggersOf, type TimerPosition, type TriggerRecord } from "../models/trigger";
import { functionUrn, latestUrn } from "../urn";
import { runForTrigger } from "./fire";
import { timerEvent } from "./timer-event";
import { timerSchedule } from "./validate";

/** Longest real-time sleep, so state replaced behind the scheduler's back is picked up. */
export const MAX_SLEEP_MS = 30_000;
/**
 * Most firings in one pass. Advancing a day over an `@every 1s` timer would otherwise run the
 * function 86 400 times; beyond the cap, due occurrences are skipped (and counted).
 */
export const MAX_FIRES_PER_PASS = 200;

export interface Firing {
  /** `<function_urn>/TIMER/<trigger_id>`, the provider's id of the trigger. */
  trigger: string;
  trigger_id: string;
  scheduled_at: string;
  /** Undefined when the function no longer existed. */
  invocation?: Pick<InvocationRecord, "request_id" | "outcome" | "result" | "started_at" | "duration_ms" | "version">;
}

export interface PassResult {
  fired: Firing[];
  /** Due occurrences not run because the pass hit MAX_FIRES_PER_PASS. */
  skipped: number;
}

interface Due {
  projectId: string;
  trigger: TriggerRecord;
  at: number;
}

/** A due occurrence found by its schedule position (fireNow's occurrences have none). */
interface ScheduledDue extends Due {
  timer: TimerPosition;
}

const registry = new WeakMap<FgEnv, TimerScheduler>();

/** Tells the scheduler of `env` that timers changed (created, updated, deleted). */
export function timersChanged(env: FgEnv): void {
  registry.get(env)?.rearm();
}

export function triggerKey(env: FgEnv, projectId: string, t: TriggerRecord): string {
  const [pkg, name] = t.func_key.split("/");
  // A trigger on a version or alias is keyed by that qualified URN.
  const urn = t.qualifier
    ? `${functionUrn(env.creds.region, projectId, pkg, name)}:${t.qualifier}`
    : latestUrn(env.creds.region, projectId, pkg, name);
  return `${urn}/${t.trigger_type_code}/${t.trigger_id}`;
}

export class TimerScheduler {
  private sleeper?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly env: FgEnv,
    private readonly maxFiresPerPass = MAX_FIRES_PER_PASS,
  ) {
    registry.set(env, this);
  }

  /** Arms the real-time timer (no-op when the clock does not tick). */
  start(): void {
    this.rearm();
  }

  close(): void {
    this.closed = true;
    if (this.sleeper) clearTimeout(this.sleeper);
    registry.delete(this.env);
  }

  /** Recomputes the next wake-up. */
  rearm(): void {
    if (this.sleeper) clearTimeout(this.sleeper);
    this.sleeper = undefined;
    if (this.closed || !this.env.clock.ticks) return;
    const next = this.earliest(Number.POSITIVE_INFINITY)?.at;
    const delay =
      next === undefined ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - this.env.clock.now().getTime()));
    this.sleeper = setTimeout(() => void this.exclusive(() => this.pass(this.env.clock.now().getTime(), false)), delay);
    this.sleeper.unref();
  }

  /** Moves the clock `ms` forward, firing every occurrence due on the way, in order. */
  advance(ms: number): Promise<PassResult> {
    return this.exclusive(async () => {
      const clock = this.env.clock;
      if (!clock.advance) throw new Error("this emulator's clock cannot be advanced");
      const target = clock.now().getTime() + ms;
      const result = await this.pass(target, true);
      const rest = target - clock.now().getTime();
      if (rest > 0) clock.advance(rest);
      return result;
    });
  }

  /** Fires one TIMER trigger now, whatever its status and schedule (the schedule is untouched). */
  fireNow(projectId: string, trigger: TriggerRecord): Promise<Firing> {
    return this.exclusive(() => this.fire({ projectId, trigger, at: this.env.clock.now().getTime() }));
  }

  /** Runs `work` after every earlier pass finished, then re-arms. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined).then(() => this.rearm());
    return run;
  }

  /** The earliest ACTIVE timer due at or before `until`. Ties go to the older trigger. */
  private earliest(until: number): ScheduledDue | undefined {
    let best: ScheduledDue | undefined;
    for (const projectId of this.env.store.projects(PLATFORM)) {
      for (const trigger of Object.values(triggersOf(this.env, projectId))) {
        const timer = trigger.trigger_status === "ACTIVE" ? trigger.timer : undefined;
        if (timer && timer.next_ms <= until && (best === undefined || timer.next_ms < best.at))
          best = { projectId, trigger, timer, at: timer.next_ms };
      }
    }
    return best;
  }

  /** Moves a timer to its next occurrence (claimed before running, so it never runs twice). */
  private claim(due: ScheduledDue): void {
    const { timer } = due;
    timer.next_ms = timerSchedule(due.trigger.event_data)(new Date(due.at), new Date(timer.anchor_ms)).getTime();
    this.env.store.commit();
  }

  /** Jumps a timer past `until` without running it; returns how many occurrences it skipped. */
  private skip(due: ScheduledDue, until: number): number {
    const { timer } = due;
    const next = timerSchedule(due.trigger.event_data);
    const anchor = new Date(timer.anchor_ms);
    let count = 0;
    let at = due.at;
    for (; at <= until && count < 100_000; count++) at = next(new Date(at), anchor).getTime();
    timer.next_ms = at <= until ? next(new Date(until), anchor).getTime() : at;
    this.env.store.commit();
    return count;
  }

  private async pass(until: number, moveClock: boolean): Promise<PassResult> {
    const result: PassResult = { fired: [], skipped: 0 };
    for (let due = this.earliest(until); due && !this.closed; due = this.earliest(until)) {
      if (result.fired.length >= this.maxFiresPerPass) {
        result.skipped += this.skip(due, until);
        continue;
      }
      this.claim(due);
      const clock = this.env.clock;
      const ahead = due.at - clock.now().getTime();
      if (moveClock && ahead > 0) clock.advance?.(ahead);
      result.fired.push(await this.fire(due));
    }
    return result;
  }

  private async fire(due: Due): Promise<Firing> {
    const { projectId, trigger } = due;
    const firing: Firing = {
      trigger: triggerKey(this.env, projectId, trigger),
      trigger_id: trigger.trigger_id,
      scheduled_at: rfc3339(new Date(due.at)),
    };
    const record = await runForTrigger(
      this.env,
      projectId,
      trigger,
      timerEvent(trigger, new Date(due.at)),
      new Date(due.at),
    );
    if (record) {
      const { request_id, outcome, result, started_at, duration_ms, version } = record;
      firing.invocation = { request_id, outcome, result, started_at, duration_ms, ...(version ? { version } : {}) };
    }
    return firing;
  }
}
