/** What MinApp handlers and models share: state, time, ids, the emulated app and its limits. */
import type { Clock } from "../core/clock";
import type { IdGenerator } from "../core/ids";
import type { Store } from "../core/store";
import type { MinAppExecutor } from "./runtime/executor";

export interface MinAppCredentials {
  clientId: string;
  clientSecret: string;
  /** Numeric id of the app (event.miniappId). */
  appId: number;
  /** Test-environment ids accepted in X-Hydrogen-Env-ID besides production (absent header). */
  environments: readonly string[];
}

/** Options of startEmulator's `minapp` key. */
export interface MinAppOptions {
  /** Overrides of EMULATOR_DEFAULTS.minapp. */
  credentials?: Partial<MinAppCredentials>;
  /** Time limit of synchronous jobs and debug runs (default 5000 ms, docs/reference/minapp-api.md §7). */
  syncTimeoutMs?: number;
  /** Time limit of asynchronous jobs (default 300000 ms, §7). */
  asyncTimeoutMs?: number;
  /**
   * Answer the authorize step through two cookie-carrying 302s, as the real server and its
   * documented clients do (default true); false answers `{code, expires_in}` at once, which the
   * digest allows for clients that cannot keep cookies across redirects.
   */
  authorizeRedirects?: boolean;
}

export interface MinAppLimits {
  syncTimeoutMs: number;
  asyncTimeoutMs: number;
}

export interface MinAppEnv {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  creds: MinAppCredentials;
  executor: MinAppExecutor;
  limits: MinAppLimits;
  authorizeRedirects: boolean;
}

export const PLATFORM = "minapp";

/** Documented limits (§7): sync 5 s, async 300 s. */
export const DEFAULT_LIMITS: MinAppLimits = { syncTimeoutMs: 5_000, asyncTimeoutMs: 300_000 };

/** Unix seconds, integer (function created_at / updated_at). */
export const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Unix seconds with a fraction (job timestamps). */
export const unixFloat = (d: Date) => d.getTime() / 1000;

/**
 * Largest request body. The platform documents none; function code is one source file, so
 * 64 MiB is far above anything real and only stops runaway uploads.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
