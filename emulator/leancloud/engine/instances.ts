/**
 * The running LeanEngine instances: one child process per group × environment (production and
 * staging are separate deployments, as on the platform). A deploy starts the new instance and
 * only then stops the old one, so calls keep working during a redeploy. Requests are forwarded
 * over HTTP to the instance, which runs the real engine SDK (host.ts).
 */
import { fork, type ChildProcess } from "child_process";
import { request } from "http";
import * as path from "path";
import { fsSandboxFlags } from "../../core/child-runtime/fs-sandbox";
import { childScriptPath } from "../../core/child-runtime/script-path";

/** The engine host script, run by every instance (built host.js, or host.ts transpiled). */
const HOST = { dir: __dirname, name: "host", tempFolder: "leancloud-host", prefix: "host" };

export interface InstanceSpec {
  /** "<group>/<prod>": one instance per key. */
  key: string;
  /** Unpacked project folder. */
  dir: string;
  entry?: string;
  /** The complete environment of the process (runtime LEANCLOUD_* vars and the group's). */
  env: Record<string, string>;
  timeoutMs: number;
  rpcPrimitiveQuirk: boolean;
  /** The deployed version this instance runs (to know when a restart is due). */
  versionTag: string;
}

export interface Instance {
  spec: InstanceSpec;
  port: number;
  child: ChildProcess;
  /** Recent output lines of the process (stdout and stderr). */
  output: string[];
}

export interface ForwardedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const OUTPUT_LINES_KEPT = 500;

const fingerprint = (spec: InstanceSpec | undefined) =>
  spec ? JSON.stringify([spec.versionTag, spec.dir, spec.entry, spec.env, spec.timeoutMs, spec.rpcPrimitiveQuirk]) : "";
const STARTUP_TIMEOUT_MS = 30_000;

/** The folder that holds leanengine and leancloud-storage as installed beside the emulator. */
function emulatorNodeModules(): string | undefined {
  try {
    return path.dirname(path.dirname(require.resolve("leanengine/package.json")));
  } catch {
    return undefined;
  }
}

/**
 * What an instance may read: its project folder, the node_modules folder the shared leanengine
 * and leancloud-storage (and their dependencies) resolve from, and the group's own NODE_PATH.
 */
function readableBy(spec: InstanceSpec, shared: string | undefined): string[] {
  const own = (spec.env.NODE_PATH ?? "").split(path.delimiter).filter(Boolean);
  return [spec.dir, ...own, ...(shared ? [shared] : [])];
}

export class EngineStartError extends Error {
  constructor(
    message: string,
    readonly output: string[],
  ) {
    super(message);
  }
}

export class EngineInstances {
  private readonly running = new Map<string, Instance>();
  private readonly starting = new Map<string, Promise<Instance>>();
  /** Every process launched and not yet exited, promoted or not (closed on shutdown). */
  private readonly children = new Set<ChildProcess>();

  get(key: string): Instance | undefined {
    return this.running.get(key);
  }

  /** Starts a process for the spec without serving it yet (a deploy checks it first). */
  launch(spec: InstanceSpec): Promise<Instance> {
    return this.spawn(spec);
  }

  /** Makes a launched instance the one that serves its key; the previous one is stopped. */
  promote(instance: Instance): void {
    const old = this.running.get(instance.spec.key);
    this.running.set(instance.spec.key, instance);
    if (old && old !== instance) old.child.kill("SIGKILL");
  }

  discard(instance: Instance): void {
    instance.child.kill("SIGKILL");
  }

  /**
   * The running instance for the spec (same version and same environment), starting it once if
   * needed: after an emulator restart with a state file, or after the group's variables changed.
   */
  async ensure(spec: InstanceSpec): Promise<Instance> {
    const current = this.running.get(spec.key);
    if (
      current &&
      fingerprint(current.spec) === fingerprint(spec) &&
      current.child.exitCode === null &&
      current.child.signalCode === null
    )
      return current;
    let pending = this.starting.get(spec.key);
    if (!pending || fingerprint((await pending.catch(() => undefined))?.spec) !== fingerprint(spec)) {
      pending = this.launch(spec).then((instance) => (this.promote(instance), instance));
      this.starting.set(spec.key, pending);
      const clear = () => this.starting.get(spec.key) === pending && this.starting.delete(spec.key);
      pending.then(clear, clear);
    }
    return pending;
  }

  stop(key: string): void {
    this.running.get(key)?.child.kill("SIGKILL");
    this.running.delete(key);
  }

  close(): void {
    for (const child of this.children) child.kill("SIGKILL");
    this.running.clear();
  }

  private spawn(spec: InstanceSpec): Promise<Instance> {
    const shared = emulatorNodeModules();
    const script = childScriptPath(HOST);
    const child = fork(script, [], {
      execArgv: fsSandboxFlags(script, readableBy(spec, shared)),
      cwd: spec.dir,
      env: {
        PATH: process.env.PATH ?? "",
        ...spec.env,
        NODE_PATH: [spec.env.NODE_PATH, shared].filter(Boolean).join(path.delimiter),
        CLOUDFN_LC_PROJECT_DIR: spec.dir,
        CLOUDFN_LC_ENTRY: spec.entry ?? "",
        CLOUDFN_LC_TIMEOUT_MS: String(spec.timeoutMs),
        CLOUDFN_LC_RPC_QUIRK: spec.rpcPrimitiveQuirk ? "1" : "0",
      },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    this.children.add(child);
    child.on("exit", () => this.children.delete(child));
    const output: string[] = [];
    const collect = (d: Buffer) => {
      output.push(...d.toString("utf8").trimEnd().split("\n"));
      if (output.length > OUTPUT_LINES_KEPT) output.splice(0, output.length - OUTPUT_LINES_KEPT);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    return new Promise<Instance>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(new EngineStartError(why, output));
      };
      const timer = setTimeout(
        () => fail(`the instance did not start within ${STARTUP_TIMEOUT_MS / 1000}s`),
        STARTUP_TIMEOUT_MS,
      );
      child.on("message", (m: { type: string; port?: number; error?: string }) => {
        if (m.type === "ready") {
          clearTimeout(timer);
          resolve({ spec, port: m.port ?? 0, child, output });
        } else if (m.type === "failed") fail(`the project failed to start: ${m.error}`);
      });
      child.on("exit", (code, signal) => fail(`the instance exited during startup (code ${code}, signal ${signal})`));
    });
  }
}

/** Sends one request to an instance and collects its answer. */
export function forward(
  instance: Instance,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  timeoutMs: number,
): Promise<ForwardedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: instance.port,
        method,
        path: url,
        headers: { ...headers, "content-length": String(body.length) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const out: Record<string, string> = {};
          for (const name of ["content-type", "access-control-allow-origin"])
            if (typeof res.headers[name] === "string") out[name] = res.headers[name];
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(Object.assign(new Error("gateway timeout"), { code: "GATEWAY_TIMEOUT" })),
    );
    req.on("error", reject);
    req.end(body);
  });
}
