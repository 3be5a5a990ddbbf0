/** What LeanCloud handlers, models and the engine runtime share: state, time, ids, keys. */
import type { Clock } from "../core/clock";
import type { IdGenerator } from "../core/ids";
import type { Store } from "../core/store";
import type { EngineInstances } from "./engine/instances";

export interface LcCredentials {
  appId: string;
  appKey: string;
  masterKey: string;
  hookKey: string;
  /** `Authorization: Token …` of the console API subset. */
  consoleToken: string;
  /** The group that exists from the start (deploys without a group go there). */
  group: string;
}

export interface LcOptions {
  /** The engine's function timeout (the SDK's `AV.express({timeout})`), default 15 000 ms. */
  functionTimeoutMs: number;
  /**
   * Mimic the Node engine's RPC quirk: primitive `/1.1/call` results (and primitive elements of
   * a top-level array) come back as `{}` (§6.3). On by default, as the real Node engine.
   */
  rpcPrimitiveQuirk: boolean;
}

export interface LcEnv {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  creds: LcCredentials;
  options: LcOptions;
  /** The emulator's own base URL: the engines' API server (users/me, AV.Cloud.run remote). */
  baseUrl(): string;
  engines: EngineInstances;
}

export const PLATFORM = "leancloud";

/** Production is 1, staging 0: the X-LC-Prod values and the console's `envs/<0|1>`. */
export type Prod = 0 | 1;

export const envName = (prod: Prod) => (prod === 1 ? "production" : "staging");

/** Largest request body: the platform's load balancer caps requests at 100 MB (reference docs/reference/leancloud-api.md §4). */
export const MAX_BODY_BYTES = 100 * 1024 * 1024;
