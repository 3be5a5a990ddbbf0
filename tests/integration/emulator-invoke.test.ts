/** Sync invoke really runs Node.js handlers in child processes. Emulator-only behaviour. */
import JSZip from "jszip";
import { ManualClock, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction } from "../helpers/fg-emulator";

let emu: RunningEmulator;
let clock: ManualClock;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;
const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");

async function deploy(name: string, src: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call({
    method: "POST",
    path: FN(),
    body: inlineFunction(name, src, 3, extra),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}
const invoke = (urn: string, event: unknown, headers: Record<string, string> = {}) =>
  call({ method: "POST", path: `${FN()}/${urn}/invocations`, body: event, headers });

beforeAll(async () => {
  clock = new ManualClock();
  emu = await startEmulator({ clock });
});
afterAll(() => emu.close());

describe("InvokeFunction", () => {
  it("returns the async handler's result, env vars, context and the tail log", async () => {
    const urn = await deploy(
      "ctx",
      `exports.handler = async (event, context) => {
        console.log("got", event.n);
        context.getLogger().info("via logger");
        return { n: event.n * 2, stage: process.env.STAGE, secret: process.env.TOKEN, ud: context.getUserData("STAGE"),
                 name: context.getFunctionName(), mem: context.getMemorySize(), rid: context.getRequestID(),
                 left: context.getRemainingTimeInMilliSeconds() > 0 };
      };`,
      { user_data: '{"STAGE":"dev"}', encrypted_user_data: '{"TOKEN":"t0k"}' },
    );
    const res = await invoke(urn, { n: 21 }, { "X-Cff-Log-Type": "tail" });
    expect(res.status).toBe(200);
    const rid = res.headers["x-cff-request-id"];
    expect(res.headers["x-func-err-code"]).toBe("0");
    expect(res.body.request_id).toBe(rid);
    expect(res.body.status).toBe(200);
    expect(JSON.parse(res.body.result)).toEqual({
      n: 42,
      stage: "dev",
      secret: "t0k",
      ud: "dev",
      name: "ctx",
      mem: 128,
      rid,
      left: true,
    });
    expect(res.body.log).toMatch(new RegExp(`^\\S+ ${String(rid)} INFO got 21\\n\\S+ ${String(rid)} INFO via logger$`));
    expect(Buffer.from(String(res.headers["x-cff-function-log"]), "base64").toString()).toBe(res.body.log);
    const invocations = emu.store.snapshot().platforms.functiongraph[emu.credentials.projectId].invocations as {
      request_id: string;
      outcome: string;
    }[];
    expect(invocations.map((i) => [i.request_id, i.outcome])).toEqual([[rid, "success"]]);
    const noLog = await invoke(urn, { n: 1 });
    expect(noLog.body.log).toBe("");
  });

  it("supports callback-style handlers and handler files inside a zip", async () => {
    const zip = new JSZip();
    zip.file("lib/util.js", "exports.twice = (x) => x + x;");
    zip.file(
      "main.js",
      "const u = require('./lib/util'); exports.run = (event, context, callback) => setTimeout(() => callback(null, u.twice(event.s)), 10);",
    );
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    const urn = await deploy("cb", "", {
      handler: "main.run",
      code_type: "zip",
      code_filename: "code.zip",
      func_code: { file: b64(bytes) },
    });
    const res = await invoke(urn, { s: "ab" });
    expect(res.body.result).toBe('"abab"');
  });

  it("reports a thrown error as a function error, not an HTTP failure", async () => {
    const urn = await deploy("boom", "exports.handler = async () => { throw new RangeError('too far'); };");
    const res = await invoke(urn, {});
    expect([res.status, res.body.status, res.headers["x-is-func-err"], res.headers["x-func-err-code"]]).toEqual([
      200,
      500,
      "true",
      "500",
    ]);
    const err = JSON.parse(res.body.result);
    expect([err.errorMessage, err.errorType]).toEqual(["too far", "RangeError"]);
    expect(Array.isArray(err.stackTrace) && err.stackTrace.length > 0).toBe(true);
  });

  it("kills a handler that exceeds its timeout and answers 408 FSS.0408", async () => {
    const urn = await deploy("slow", "exports.handler = () => new Promise(() => setInterval(() => {}, 1000));");
    const started = Date.now();
    const res = await invoke(urn, {});
    const elapsed = Date.now() - started;
    expect([res.status, res.body]).toEqual([
      408,
      { error_code: "FSS.0408", error_msg: "function invocation timed out after 3s" },
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(3000);
    // Killed, not left running forever; how soon after 3 s depends on the machine's load.
    expect(elapsed).toBeLessThan(30_000);
  }, 60_000);

  it("enforces memory_size as the V8 heap limit: a 128 MB function cannot hold 300 MB", async () => {
    const urn = await deploy(
      "hog",
      "exports.handler = async () => { const keep = []; for (let i = 0; i < 300; i++) keep.push(new Array(1024 * 1024 / 8).fill(i + 0.5)); return keep.length; };",
      { timeout: 20 },
    );
    const res = await invoke(urn, {});
    expect([res.status, res.body.status, res.headers["x-is-func-err"]]).toEqual([200, 500, "true"]);
    expect(JSON.parse(res.body.result).errorType).toBe("RuntimeExitError");
  }, 60_000);

  it("refuses non-Node runtimes and OBS code with a clear 400", async () => {
    const py = await call({
      method: "POST",
      path: FN(),
      body: {
        func_name: "py",
        package: "default",
        runtime: "Python3.9",
        handler: "index.handler",
        memory_size: 128,
        timeout: 3,
        code_type: "inline",
        func_code: { file: b64("def handler(e, c): return 1") },
      },
    });
    const pyRes = await invoke(py.body.func_urn, {});
    expect([pyRes.status, pyRes.body]).toEqual([
      400,
      {
        error_code: "FSS.0400",
        error_msg: "runtime Python3.9 is not supported by the emulator (only Node.js runtimes execute)",
      },
    ]);
    const obs = await call({
      method: "POST",
      path: FN(),
      body: {
        func_name: "obs",
        package: "default",
        runtime: "Node.js18.15",
        handler: "index.handler",
        memory_size: 128,
        timeout: 3,
        code_type: "obs",
        code_url: "https://bucket.example/code.zip",
      },
    });
    expect([obs.status, obs.body.code_url, obs.body.code_size]).toEqual([200, "https://bucket.example/code.zip", 0]);
    const obsRes = await invoke(obs.body.func_urn, {});
    expect([obsRes.status, obsRes.body.error_msg]).toEqual([
      400,
      "function code is of type obs (https://bucket.example/code.zip); the emulator does not fetch it, so this function cannot be invoked",
    ]);
  });
});
