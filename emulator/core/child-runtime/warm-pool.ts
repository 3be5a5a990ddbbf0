/**
 * Warm workers (warm-worker.ts) kept per key, at most `maxWorkers` processes in all, at most
 * `maxConcurrency` invocations at a time (further ones wait their turn). A worker runs one
 * invocation at a time; concurrent invocations of one key get workers of their own.
 *
 * The key names everything the process is made of (code, environment, heap cap, flags), so a
 * worker is only ever reused for the same function version and configuration. A family (one
 * function) holds workers of one key: an invocation under a new key retires the old ones. Idle
 * workers go after `idleMs`, the least recently used first when the process limit is reached,
 * and all of them on close. With `reuse` off every invocation gets a fresh process (the old,
 * cold path).
 */
import type { ChildRun } from "./child-pool";
import type { ProcessSpec } from "./fork-child";
import { Slots } from "./slots";
import { WarmWorker } from "./warm-worker";

export interface WarmTask {
  /** The function the worker serves (all its versions and configurations). */
  family: string;
  /** This exact version and configuration: workers are reused only under the same key. */
  key: string;
  process: ProcessSpec;
  timeoutMs: number;
  /** The invocation's start message. */
  start: unknown;
}

export interface WarmPoolOptions {
  maxConcurrency: number;
  /** Processes in all, idle ones included (default maxConcurrency). */
  maxWorkers?: number;
  /** How long a worker may sit idle before it is stopped. */
  idleMs: number;
  /** False: a fresh process per invocation. */
  reuse: boolean;
}

interface Idle {
  key: string;
  worker: WarmWorker;
  timer: NodeJS.Timeout;
}

export class WarmPool {
  private readonly slots: Slots;
  private readonly maxWorkers: number;
  /** Every worker whose process has not closed yet. */
  private readonly workers = new Set<WarmWorker>();
  /** Idle workers, least recently used first. */
  private idle: Idle[] = [];
  private readonly familyKeys = new Map<string, string>();
  /** Workers busy when retireAll ran: stopped once they answer, never kept warm. */
  private readonly retired = new WeakSet<WarmWorker>();
  private isClosed = false;

  constructor(private readonly opts: WarmPoolOptions) {
    this.slots = new Slots(opts.maxConcurrency);
    this.maxWorkers = opts.maxWorkers ?? opts.maxConcurrency;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  withSlot<T>(task: () => Promise<T>): Promise<T> {
    return this.slots.withSlot(task);
  }

  /** Runs one invocation on an idle worker of its key, or a new one. Call it inside a slot. */
  async run<Final extends { type: string }>(task: WarmTask): Promise<ChildRun<Final>> {
    // Two families never share a worker, even with identical processes.
    const key = JSON.stringify([task.family, task.key]);
    this.retireOtherKeys(task.family, key);
    const worker = this.takeIdle(key) ?? this.spawn(task.process);
    const run = await worker.run<Final>(task.start, task.timeoutMs);
    this.release(worker, task.family, key, run.end.how === "done");
    return run;
  }

  /** Stops every worker; resolves once their processes are gone. Later invocations run cold. */
  close(): Promise<void> {
    this.isClosed = true;
    for (const { timer } of this.idle) clearTimeout(timer);
    this.idle = [];
    const all = [...this.workers];
    for (const worker of all) worker.kill();
    return Promise.all(all.map((w) => w.exited)).then(() => undefined);
  }

  /**
   * Stops the idle workers now and the busy ones once they answer; unlike close, later
   * invocations still get warm workers (new ones).
   */
  retireAll(): void {
    for (const worker of this.workers) this.retired.add(worker);
    this.familyKeys.clear();
    this.dropIdle(() => true);
  }

  private retireOtherKeys(family: string, key: string): void {
    const previous = this.familyKeys.get(family);
    this.familyKeys.set(family, key);
    if (previous !== undefined && previous !== key) this.dropIdle((i) => i.key === previous);
  }

  private takeIdle(key: string): WarmWorker | undefined {
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const entry = this.idle[i];
      if (entry.key !== key || !entry.worker.usable) continue;
      this.idle.splice(i, 1);
      clearTimeout(entry.timer);
      return entry.worker;
    }
    return undefined;
  }

  private spawn(spec: ProcessSpec): WarmWorker {
    // Busy workers never exceed the slots, so at the limit an idle one can always make room.
    const live = [...this.workers].filter((w) => w.usable).length;
    if (live >= this.maxWorkers && this.idle.length > 0) this.dropIdle((i) => i === this.idle[0]);
    const worker = new WarmWorker(spec);
    this.workers.add(worker);
    void worker.exited.then(() => {
      this.workers.delete(worker);
      // A worker that died idle (a stray timer threw) must not be handed out again.
      this.dropIdle((i) => i.worker === worker);
    });
    return worker;
  }

  private release(worker: WarmWorker, family: string, key: string, answered: boolean): void {
    const current = this.familyKeys.get(family) === key;
    if (!answered || !worker.usable || !this.opts.reuse || this.isClosed || !current || this.retired.has(worker)) {
      worker.kill();
      return;
    }
    const entry: Idle = {
      key,
      worker,
      timer: setTimeout(() => this.dropIdle((i) => i === entry), this.opts.idleMs),
    };
    this.idle.push(entry);
  }

  private dropIdle(which: (entry: Idle) => boolean): void {
    const dropped = this.idle.filter(which);
    if (dropped.length === 0) return;
    this.idle = this.idle.filter((i) => !which(i));
    for (const entry of dropped) {
      clearTimeout(entry.timer);
      entry.worker.kill();
    }
  }
}
