/**
 * startEmulator: a plain node:http server around the app (app.ts). Reads the raw body (kept as
 * bytes for signature verification), hands the request to the chain and writes the Reply, or
 * destroys the socket when a fault says so.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "http";
import type { AddressInfo } from "net";
import { createApp } from "./app";
import { SystemClock, type Clock } from "./core/clock";
import { BodyTooLarge, parseQuery, type Reply } from "./core/http";
import { randomIds, seededIds, type IdGenerator } from "./core/ids";
import { holdScratchFolder } from "./core/scratch-folder";
import { Store } from "./core/store";
import { EMULATOR_DEFAULTS } from "../platform/common/emulator-defaults";
import type { FgCredentials, FgEnv } from "./functiongraph/env";
import { functionGraphPlatform } from "./functiongraph/routes";
import { AkLockout } from "./functiongraph/ak-lockout";
import { Executor } from "./functiongraph/runtime/executor";
import { EMULATOR_APIG_APP, type ApigApp } from "./functiongraph/apig/app-credentials";
import type { EmulatedPlatform } from "./core/platform";
import { EngineInstances } from "./leancloud/engine/instances";
import type { LcCredentials, LcEnv } from "./leancloud/env";
import { leanCloudPlatform } from "./leancloud/routes";
import { DEFAULT_LIMITS, type MinAppEnv, type MinAppOptions } from "./minapp/env";
import { minappPlatform } from "./minapp/routes";
import { MinAppExecutor } from "./minapp/runtime/executor";
import { FG_STATE_SCHEMAS } from "./functiongraph/models/state-schema";
import { MINAPP_STATE_SCHEMAS } from "./minapp/models/state-schema";
import { LC_STATE_SCHEMAS } from "./leancloud/models/state-schema";
import { PLATFORM as FG } from "./functiongraph/env";
import { PLATFORM as MINAPP } from "./minapp/env";
import { PLATFORM as LC } from "./leancloud/env";

/** The interface bound when none is given: local only. */
export const DEFAULT_HOST = "127.0.0.1";
/** LeanCloud engine function timeout, as the engine SDK's. */
export const DEFAULT_LEANCLOUD_FUNCTION_TIMEOUT_MS = 15_000;

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Persist the whole state as JSON here after each mutation; loaded on start if present. */
  stateFile?: string;
  /** Time source (default: system clock). Use ManualClock for deterministic tests. */
  clock?: Clock;
  /** Id/random source; overrides `seed`. */
  ids?: IdGenerator;
  /** Shortcut for `ids: seededIds(seed)`. */
  seed?: number;
  /** Overrides of EMULATOR_DEFAULTS.functiongraph (keys, project, region, user...). */
  credentials?: Partial<FgCredentials>;
  /** Overrides of the APIG app (key, secret, AppCode) that APP-authenticated triggers accept. */
  apigApp?: Partial<ApigApp>;
  /** Allowed X-Sdk-Date skew in seconds (default 900, as the gateway); 0 disables the check. */
  signatureSkewSeconds?: number;
  /** Consecutive signature failures tolerated per AK before a 5-minute lock (default 5; 0 disables). */
  akLockoutThreshold?: number;
  /** Simultaneous function processes (default 8); further invocations queue. */
  invokeMaxConcurrency?: number;
  /** Wait between async-invoke retries in ms (default 1000); with a ManualClock time is advanced instead. */
  asyncRetryDelayMs?: number;
  /** Overrides of EMULATOR_DEFAULTS.leancloud (app id and keys, console token, default group). */
  leancloud?: Partial<LcCredentials>;
  /** LeanCloud engine function timeout in ms (default 15 000, as the engine SDK). */
  leancloudFunctionTimeoutMs?: number;
  /** LeanCloud: primitive RPC results come back as `{}` like the Node engine (default true). */
  leancloudRpcPrimitiveQuirk?: boolean;
  /** MinApp: app credentials (defaults EMULATOR_DEFAULTS.minapp) and job time limits. */
  minapp?: MinAppOptions;
  /** Receives one line per platform request (the CLI prints them); default: silent. */
  logger?: (line: string) => void;
}

export interface RunningEmulator {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  close(): Promise<void>;
  store: Store;
  clock: Clock;
  /** The FunctionGraph account the emulator accepts (defaults merged with overrides). */
  credentials: FgCredentials;
  /** The LeanCloud app the emulator accepts (defaults merged with overrides). */
  leancloud: LcCredentials;
}

/** Reads the whole body, or rejects as soon as it (or its announced length) passes `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new BodyTooLarge());
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function write(res: ServerResponse, reply: Reply, requestId: string): void {
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { "X-Request-Id": requestId, ...reply.headers };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(reply.body)) payload = reply.body;
  else if (typeof reply.body === "string") payload = Buffer.from(reply.body);
  else if (reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers["Content-Type"] = "application/json;charset=UTF-8";
  }
  if (payload) headers["Content-Length"] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * Each platform's own schemas of its part of a state file. Gathered here, not from the plug-ins,
 * because the file is loaded before any platform is built (FunctionGraph's timers read it at start).
 */
const STATE_SCHEMAS = { [FG]: FG_STATE_SCHEMAS, [MINAPP]: MINAPP_STATE_SCHEMAS, [LC]: LC_STATE_SCHEMAS };

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const releaseScratch = holdScratchFolder();
  const clock = opts.clock ?? new SystemClock();
  const ids = opts.ids ?? (opts.seed !== undefined ? seededIds(opts.seed) : randomIds());
  let store: Store;
  try {
    store = new Store(opts.stateFile, STATE_SCHEMAS);
  } catch (err) {
    releaseScratch();
    throw err;
  }
  const credentials: FgCredentials = { ...EMULATOR_DEFAULTS.functiongraph, ...opts.credentials };
  const executor = new Executor(opts.invokeMaxConcurrency);
  const fg: FgEnv = {
    store,
    clock,
    ids,
    creds: credentials,
    apigApp: { ...EMULATOR_APIG_APP, ...opts.apigApp },
    executor,
    signatureSkewSeconds: opts.signatureSkewSeconds ?? 900,
    akLockout: new AkLockout(opts.akLockoutThreshold),
    asyncRetryDelayMs: opts.asyncRetryDelayMs,
  };
  // Each platform is one plug-in (core/platform.ts); the app knows none of them by name.
  const leancloud: LcCredentials = { ...EMULATOR_DEFAULTS.leancloud, ...opts.leancloud };
  let baseUrl = "";
  const lc: LcEnv = {
    store,
    clock,
    ids,
    creds: leancloud,
    engines: new EngineInstances(),
    baseUrl: () => baseUrl,
    options: {
      functionTimeoutMs: opts.leancloudFunctionTimeoutMs ?? DEFAULT_LEANCLOUD_FUNCTION_TIMEOUT_MS,
      rpcPrimitiveQuirk: opts.leancloudRpcPrimitiveQuirk ?? true,
    },
  };
  const minapp: MinAppEnv = {
    store,
    clock,
    ids,
    creds: { ...EMULATOR_DEFAULTS.minapp, ...opts.minapp?.credentials },
    executor: new MinAppExecutor(opts.invokeMaxConcurrency),
    limits: {
      syncTimeoutMs: opts.minapp?.syncTimeoutMs ?? DEFAULT_LIMITS.syncTimeoutMs,
      asyncTimeoutMs: opts.minapp?.asyncTimeoutMs ?? DEFAULT_LIMITS.asyncTimeoutMs,
    },
    authorizeRedirects: opts.minapp?.authorizeRedirects ?? true,
  };
  const platforms: EmulatedPlatform[] = [functionGraphPlatform(fg), minappPlatform(minapp), leanCloudPlatform(lc)];
  // The client gets only the platform's generic 500; the operator's log gets what broke.
  const app = createApp(store, ids, platforms, (err) =>
    opts.logger?.(`emulator error: ${(err as Error)?.stack ?? String(err)}`),
  );

  const server = createServer((req, res) => {
    const requestId = ids.uuid();
    const [rawPath, search = ""] = (req.url ?? "/").split(/\?(.*)/s, 2);
    // Not awaited: node's request listener ignores promises. handle() turns every failure into a reply.
    void app
      .handle({
        req,
        method: req.method ?? "GET",
        rawPath,
        query: parseQuery(search),
        headers: req.headers,
        readBody: (limit) => readBody(req, limit),
        requestId,
      })
      .then((reply: Reply) => {
        opts.logger?.(`${req.method} ${rawPath} → ${reply.drop ? "dropped" : reply.status}`);
        write(res, reply, requestId);
      })
      // A reply that cannot be written (say, an invalid header value) must not stop the process.
      .catch((err: unknown) => {
        opts.logger?.(
          `${req.method} ${rawPath} → reply not written: ${err instanceof Error ? err.message : String(err)}`,
        );
        res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? DEFAULT_HOST, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  baseUrl = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    clock,
    credentials,
    leancloud,
    close: async () => {
      try {
        for (const p of platforms) await p.close?.();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      } finally {
        releaseScratch();
      }
    },
  };
}
