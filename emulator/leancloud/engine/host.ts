/**
 * Child-process side of one LeanEngine instance (one group × environment). Started by
 * instances.ts with child_process.fork; everything it needs comes from the environment.
 *
 * Why the REAL `leanengine` package and not a shim: the engine SDK is what answers
 * `/1.1/functions` and `/1.1/call` on the platform (the load balancer only forwards), so
 * running it gives the exact header checks, status codes, error bodies, RPC decoding/encoding,
 * `fetchUser`/`internal` options, the 2-argument `(request, response)` style and the 503/124
 * timeout for free, and cannot drift from them. The project's `require('leanengine')` and
 * `require('leancloud-storage')` resolve first from the project's own node_modules (if it ships
 * them) and then through NODE_PATH to the copies installed next to the emulator; this host
 * resolves leanengine the same way (createRequire from the project folder), so the project and
 * the host share one `AV.Cloud.functions` registry.
 *
 * Which file is loaded: CLOUDFN_LC_ENTRY if the deploy named one, else `cloud.js`, the
 * package.json `main`, `index.js`, `server.js`, `app.js` — the first that exists. A full
 * LeanEngine server file may call `AV.init` and `app.listen(LEANCLOUD_APP_PORT)`; the port is
 * set to 0, so its own listener is harmless, and this host serves `AV.express()` itself.
 *
 * Self-contained on purpose (node built-ins only): under ts-jest it is transpiled on the fly
 * and run from a temporary folder.
 */
import { existsSync, readFileSync } from "fs";
import { createServer } from "http";
import { createRequire } from "module";
import * as path from "path";

type AnyFn = (...args: unknown[]) => unknown;
interface Request {
  expressReq?: Record<string, unknown>;
}

const dir = process.env.CLOUDFN_LC_PROJECT_DIR as string;

function send(message: unknown): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

function entryFile(): string {
  const named = process.env.CLOUDFN_LC_ENTRY;
  if (named) return path.resolve(dir, named);
  const candidates = ["cloud.js"];
  const pkgFile = path.join(dir, "package.json");
  if (existsSync(pkgFile)) {
    const main = (JSON.parse(readFileSync(pkgFile, "utf8")) as { main?: string }).main;
    if (main) candidates.push(main);
  }
  candidates.push("index.js", "server.js", "app.js");
  const found = candidates.map((c) => path.resolve(dir, c)).find((f) => existsSync(f) || existsSync(`${f}.js`));
  if (!found) throw new Error(`no entry file in the project: looked for ${candidates.join(", ")}`);
  return found;
}

const isPrimitive = (v: unknown) => v === null || v === undefined || (typeof v !== "object" && typeof v !== "function");

/**
 * With the quirk switched off, remember the raw result of RPC calls so the response can carry
 * primitives (as other runtimes do) instead of the Node engine's `{}`.
 */
function rememberRpcResult(request: Request, value: unknown): void {
  const req = request.expressReq;
  if (req?.rpcCall && (isPrimitive(value) || (Array.isArray(value) && value.some(isPrimitive))))
    req.cloudfnRawResult = { value };
}

function wrapForRpc(fn: AnyFn): AnyFn {
  if (fn.length === 2) {
    return function (request: Request, response: { success: (v: unknown) => void; error: (e: unknown) => void }) {
      return fn(request, {
        ...response,
        success: (v: unknown) => {
          rememberRpcResult(request, v);
          response.success(v);
        },
      });
    } as AnyFn;
  }
  return function (request: Request) {
    return Promise.resolve(fn(request)).then((v) => (rememberRpcResult(request, v), v));
  } as AnyFn;
}

/** Replaces `{}` placeholders of the quirk with the remembered primitives. */
function restorePrimitives(req: Record<string, unknown>, body: string): string {
  const raw = req.cloudfnRawResult as { value: unknown } | undefined;
  if (!raw) return body;
  const parsed = JSON.parse(body) as { result?: unknown };
  if (isPrimitive(raw.value)) parsed.result = raw.value === undefined ? null : raw.value;
  else parsed.result = (raw.value as unknown[]).map((v, i) => (isPrimitive(v) ? v : (parsed.result as unknown[])[i]));
  return JSON.stringify(parsed);
}

/** The engine SDK's modules: the project's own copies, or the ones installed beside the emulator. */
const ENGINE_MODULES = ["leanengine", "leancloud-storage"];
const ENGINE_INSTALL_HINT =
  "LeanCloud engines need leanengine and leancloud-storage beside pulumi-cloudfn: npm install leanengine@3 leancloud-storage@4";

/** Turns "Cannot find module" for an engine module into the command that installs it. */
function withInstallHint(err: unknown): unknown {
  const e = err as { code?: string; message?: string };
  const missing = e?.code === "MODULE_NOT_FOUND" && /Cannot find module '([^']+)'/.exec(e.message ?? "")?.[1];
  if (!missing || !ENGINE_MODULES.includes(missing.split("/")[0])) return err;
  return Object.assign(new Error(`${ENGINE_INSTALL_HINT} (cannot find module '${missing}')`), { hint: true });
}

function main(): void {
  const projectRequire = createRequire(path.join(dir, "package.json"));
  const AV = projectRequire("leanengine") as { Cloud: { define: AnyFn }; express: (o: unknown) => AnyFn };
  if (process.env.CLOUDFN_LC_RPC_QUIRK === "0") {
    const define = AV.Cloud.define;
    AV.Cloud.define = (name: unknown, options: unknown, fn?: unknown) =>
      fn === undefined ? define(name, wrapForRpc(options as AnyFn)) : define(name, options, wrapForRpc(fn as AnyFn));
  }
  process.chdir(dir);
  projectRequire(entryFile());
  const engine = AV.express({ timeout: Number(process.env.CLOUDFN_LC_TIMEOUT_MS) });
  const server = createServer((req, res) => {
    if (process.env.CLOUDFN_LC_RPC_QUIRK === "0") {
      const end = res.end.bind(res) as (...a: unknown[]) => unknown;
      (res as unknown as { end: AnyFn }).end = (chunk?: unknown, ...rest: unknown[]) =>
        typeof chunk === "string" && res.statusCode === 200
          ? end(restorePrimitives(req as unknown as Record<string, unknown>, chunk), ...rest)
          : end(chunk, ...rest);
    }
    engine(req, res, () => {
      res.statusCode = 404;
      res.end("This is a LeanEngine application.");
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    void send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
  });
}

try {
  main();
} catch (caught) {
  const err = withInstallHint(caught) as Error & { hint?: boolean };
  // The hint is the whole story; a stack would only add the emulator's install paths.
  const error = err?.hint ? err.message : (err?.stack ?? String(err));
  void send({ type: "failed", error }).then(() => process.exit(1));
}
