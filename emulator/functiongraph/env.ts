/** What FunctionGraph handlers and models share: state, time, ids and the emulated account. */
import type { Clock } from "../core/clock";
import type { IdGenerator } from "../core/ids";
import type { Store } from "../core/store";
import type { AkLockout } from "./ak-lockout";
import type { Executor } from "./runtime/executor";
import type { ApigApp } from "./apig/app-credentials";

export interface FgCredentials {
  region: string;
  projectId: string;
  domainId: string;
  domainName: string;
  accessKey: string;
  secretKey: string;
  userName: string;
  password: string;
}

export interface FgEnv {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  creds: FgCredentials;
  /** The app APP-authenticated APIG triggers accept. */
  apigApp: ApigApp;
  executor: Executor;
  /** Seconds of allowed X-Sdk-Date skew; 0 disables the check. */
  signatureSkewSeconds: number;
  /** Locks an AK after repeated signature failures (docs/reference/functiongraph-api.md §9.2). */
  akLockout: AkLockout;
  /** Wait between async-invoke retries (default 1000 ms); a ManualClock is advanced instead. */
  asyncRetryDelayMs?: number;
}

export const PLATFORM = "functiongraph";

/** RFC 3339 in UTC without milliseconds, e.g. 2024-01-02T03:04:05Z. */
export const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
