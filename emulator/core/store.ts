/**
 * The single store of emulator state: plain JSON keyed platform → project → resource kind, so
 * reset, snapshot, load and persistence are generic and a platform adds no code here (practice
 * 12 of the style anchors). Models mutate the buckets in place and then call `commit()`.
 */
import { mkdirSync, renameSync, writeFileSync, existsSync } from "fs";
import { dirname } from "path";
import { readStateFile, type StateSchemas } from "./state-file";

export type ProjectState = Record<string, unknown>;
export type PlatformState = Record<string, ProjectState>;

export interface StoreSnapshot {
  version: 1;
  platforms: Record<string, PlatformState>;
}

const emptyState = (): StoreSnapshot => ({ version: 1, platforms: {} });

/** The outer shape only: what is inside a platform's state is that platform's business. */
function isSnapshot(value: unknown): value is StoreSnapshot {
  const v = value as Partial<Record<keyof StoreSnapshot, unknown>> | null | undefined;
  return v?.version === 1 && typeof v.platforms === "object" && v.platforms !== null;
}

export class Store {
  private state: StoreSnapshot = emptyState();

  /**
   * @param stateFile when set, state is loaded from it now and rewritten after every commit. A file
   *   that fails `schemas` throws StateFileError before anything is written, so it is never overwritten.
   * @param schemas what is known of each platform's resource kinds (checked on load).
   */
  constructor(
    private readonly stateFile?: string,
    schemas: StateSchemas = {},
  ) {
    if (stateFile && existsSync(stateFile)) this.load(readStateFile(stateFile, schemas));
  }

  /**
   * The mutable bucket for one resource kind of one project, created on first use with `init`.
   * Returned by reference: callers mutate it and then `commit()`.
   */
  bucket<T>(platform: string, project: string, kind: string, init: () => T): T {
    const byProject = (this.state.platforms[platform] ??= {});
    const resources = (byProject[project] ??= {});
    if (!(kind in resources)) resources[kind] = init();
    return resources[kind] as T;
  }

  /** Every project id that has state for a platform. */
  projects(platform: string): string[] {
    return Object.keys(this.state.platforms[platform] ?? {});
  }

  /** Persists the state (if a state file is configured). Call after each mutation. */
  commit(): void {
    if (!this.stateFile) return;
    mkdirSync(dirname(this.stateFile), { recursive: true });
    // Write-then-rename so a crash mid-write never leaves a truncated state file.
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.stateFile);
  }

  /** A deep copy of the whole state. */
  snapshot(): StoreSnapshot {
    return JSON.parse(JSON.stringify(this.state)) as StoreSnapshot;
  }

  /** Replaces the whole state with a (deep-copied) snapshot; takes unknown because it checks the shape. */
  load(snapshot: unknown): void {
    if (!isSnapshot(snapshot)) {
      throw new Error("unsupported emulator state: expected {version: 1, platforms: {...}}");
    }
    this.state = JSON.parse(JSON.stringify(snapshot)) as StoreSnapshot;
  }

  reset(): void {
    this.state = emptyState();
    this.commit();
  }
}
