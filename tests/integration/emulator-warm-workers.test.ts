/**
 * Warm workers: a function version's process serves invocation after invocation (module state
 * persists, as in a warm FunctionGraph instance), and is replaced on a code or configuration
 * change, a timeout or a crash. Closing the emulator leaves no process behind.
 * Emulator-only behaviour.
 */
import { createServer, type ServerResponse } from "http";
import type { AddressInfo } from "net";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction } from "../helpers/fg-emulator";

const b64 = (s: string) => Buffer.from(s).toString("base64");

/** A handler that counts its invocations in module state and reports its process. */
const COUNTER = `let n = 0;
exports.handler = async (event) => {
  n++;
  if (event.hang) await new Promise(() => setInterval(() => {}, 1000));
  if (event.exit) process.exit(3);
  if (event.throwLater) setTimeout(() => { throw new Error("thrown in a timer"); }, 0);
  if (event.throwLater) await new Promise(() => setInterval(() => {}, 1000));
  if (event.log) console.log("line of", event.log);
  return { n, pid: process.pid, stage: process.env.STAGE ?? null, version: 1 };
};`;

interface Answer {
  n: number;
  pid: number;
  stage: string | null;
  version: number;
}

function client(emu: RunningEmulator) {
  const call = (c: FgCall) => fgCall(emu.url, emu.credentials, c);
  const fns = `/v2/${emu.credentials.projectId}/fgs/functions`;
  return {
    async deploy(name: string, src = COUNTER): Promise<string> {
      const res = await call({
        method: "POST",
        path: fns,
        body: inlineFunction(name, src, 3),
      });
      expect(res.status).toBe(200);
      return res.body.func_urn as string;
    },
    invoke: (urn: string, event: unknown = {}) =>
      call({ method: "POST", path: `${fns}/${urn}/invocations`, body: event, headers: { "X-Cff-Log-Type": "tail" } }),
    async answer(urn: string, event: unknown = {}): Promise<Answer> {
      const res = await call({ method: "POST", path: `${fns}/${urn}/invocations`, body: event });
      expect([res.status, res.body.status]).toEqual([200, 200]);
      return JSON.parse(res.body.result as string) as Answer;
    },
    remove: (urn: string) => call({ method: "DELETE", path: `${fns}/${urn.replace(/:latest$/, "")}` }),
    updateCode: (urn: string, src: string) =>
      call({ method: "PUT", path: `${fns}/${urn}/code`, body: { code_type: "inline", func_code: { file: b64(src) } } }),
    updateConfig: (urn: string, extra: Record<string, unknown>) =>
      call({
        method: "PUT",
        path: `${fns}/${urn}/config`,
        body: { runtime: "Node.js18.15", handler: "index.handler", memory_size: 128, timeout: 3, ...extra },
      }),
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let emu: RunningEmulator;
let fg: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  fg = client(emu);
});
afterAll(() => emu.close());

describe("warm workers", () => {
  it("keep module state across invocations of the same version", async () => {
    const urn = await fg.deploy("warm-state");
    const first = await fg.answer(urn);
    const second = await fg.answer(urn);
    expect([first.n, second.n]).toEqual([1, 2]);
    expect(second.pid).toBe(first.pid);
  }, 60_000);

  it("are replaced when the code changes", async () => {
    const urn = await fg.deploy("warm-code");
    const before = await fg.answer(urn);
    expect((await fg.updateCode(urn, COUNTER.replace("version: 1", "version: 2"))).status).toBe(200);
    const after = await fg.answer(urn);
    expect([after.n, after.version]).toEqual([1, 2]);
    expect(after.pid).not.toBe(before.pid);
  }, 60_000);

  it("are replaced when the environment variables change", async () => {
    const urn = await fg.deploy("warm-env");
    const before = await fg.answer(urn);
    expect((await fg.updateConfig(urn, { user_data: '{"STAGE":"prod"}' })).status).toBe(200);
    const after = await fg.answer(urn);
    expect([before.stage, after.stage, after.n]).toEqual([null, "prod", 1]);
    expect(after.pid).not.toBe(before.pid);
  }, 60_000);

  it("are not shared with a function created again under the same name", async () => {
    const urn = await fg.deploy("warm-again");
    expect((await fg.answer(urn)).n).toBe(1);
    expect((await fg.remove(urn)).status).toBe(204);
    const again = await fg.deploy("warm-again");
    expect((await fg.answer(again)).n).toBe(1);
  }, 60_000);

  it("are killed on a timeout, and the next invocation gets a fresh one", async () => {
    const urn = await fg.deploy("warm-timeout");
    const before = await fg.answer(urn);
    const timedOut = await fg.invoke(urn, { hang: true });
    expect([timedOut.status, timedOut.body.error_code]).toEqual([408, "FSS.0408"]);
    expect(alive(before.pid)).toBe(false);
    const after = await fg.answer(urn);
    expect(after.n).toBe(1);
  }, 60_000);

  it("are replaced after process.exit or an uncaught exception, which the invocation reports", async () => {
    const urn = await fg.deploy("warm-crash");
    const before = await fg.answer(urn);
    for (const event of [{ exit: true }, { throwLater: true }]) {
      const crashed = await fg.invoke(urn, event);
      expect([crashed.status, crashed.body.status]).toEqual([200, 500]);
      expect(JSON.parse(crashed.body.result as string).errorType).toBe("RuntimeExitError");
    }
    const after = await fg.answer(urn);
    expect(after.n).toBe(1);
    expect(after.pid).not.toBe(before.pid);
  }, 60_000);

  it("keep each invocation's log to itself when several run at once", async () => {
    const urn = await fg.deploy("warm-logs");
    const results = await Promise.all(["a", "b", "c", "d"].map((log) => fg.invoke(urn, { log })));
    for (const [i, res] of results.entries()) {
      const rid = String(res.headers["x-cff-request-id"]);
      expect(res.body.log).toMatch(new RegExp(`^\\S+ ${rid} INFO line of ${"abcd"[i]}$`));
    }
  }, 60_000);

  it("are stopped by a reset: the same function deployed again starts with fresh module state", async () => {
    const before = await fg.answer(await fg.deploy("warm-reset"));
    expect((await fetch(`${emu.url}/_emulator/reset`, { method: "POST" })).status).toBe(200);
    await until(() => !alive(before.pid), 10_000);
    const after = await fg.answer(await fg.deploy("warm-reset"));
    expect(after.n).toBe(1);
    expect(after.pid).not.toBe(before.pid);
  }, 60_000);

  it("busy when a state is loaded are stopped once they answer, even if the function came back the same", async () => {
    // A loaded state keeps the functions' ids, so the same version gets the same worker key again.
    const gate = await openGate();
    try {
      const urn = await fg.deploy("warm-busy", GATED);
      const saved = await (await fetch(`${emu.url}/_emulator/state`)).json();
      const held = fg.answer(urn, { gate: gate.url });
      await gate.reached;
      const put = await fetch(`${emu.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(saved) });
      expect(put.status).toBe(200);
      const meanwhile = await fg.answer(urn);
      gate.release();
      const first = await held;
      expect(meanwhile.pid).not.toBe(first.pid);
      await until(() => !alive(first.pid), 10_000);
    } finally {
      gate.close();
    }
  }, 60_000);

  it("are stopped when a state is loaded over the current one", async () => {
    const urn = await fg.deploy("warm-load");
    const before = await fg.answer(urn);
    const saved = await (await fetch(`${emu.url}/_emulator/state`)).json();
    const put = await fetch(`${emu.url}/_emulator/state`, { method: "PUT", body: JSON.stringify(saved) });
    expect(put.status).toBe(200);
    const after = await fg.answer(urn);
    expect(after.n).toBe(1);
    expect(after.pid).not.toBe(before.pid);
  }, 60_000);
});

/** Counts invocations like COUNTER, but first waits for `event.gate` (an HTTP URL) to answer. */
const GATED = `let n = 0;
exports.handler = async (event) => {
  n++;
  if (event.gate) await fetch(event.gate);
  return { n, pid: process.pid };
};`;

/** An HTTP endpoint that holds its first request until released: tells when a handler is running. */
async function openGate() {
  let reached!: () => void;
  let held: ServerResponse | undefined;
  const server = createServer((_req, res) => {
    held = res;
    reached();
  });
  const promise = new Promise<void>((resolve) => (reached = resolve));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    reached: promise,
    release: () => held?.end("open"),
    close: () => {
      held?.destroy();
      server.close();
    },
  };
}

/** Waits for a condition the test cannot subscribe to (another process's end), checking often. */
async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("worker limits", () => {
  it("stop an idle worker after CLOUDFN_EMULATOR_WARM_IDLE_MS", async () => {
    process.env.CLOUDFN_EMULATOR_WARM_IDLE_MS = "100";
    const own = await startEmulator().finally(() => delete process.env.CLOUDFN_EMULATOR_WARM_IDLE_MS);
    try {
      const ownFg = client(own);
      const urn = await ownFg.deploy("idle");
      const { pid } = await ownFg.answer(urn);
      await until(() => !alive(pid), 30_000);
      expect((await ownFg.answer(urn)).n).toBe(1);
    } finally {
      await own.close();
    }
  }, 60_000);

  it("make room for another function by stopping the least recently used idle worker", async () => {
    const own = await startEmulator({ invokeMaxConcurrency: 1 });
    try {
      const ownFg = client(own);
      const [a, b] = [await ownFg.deploy("lru-a"), await ownFg.deploy("lru-b")];
      expect((await ownFg.answer(a)).n).toBe(1);
      expect((await ownFg.answer(a)).n).toBe(2);
      expect((await ownFg.answer(b)).n).toBe(1);
      expect((await ownFg.answer(a)).n).toBe(1);
    } finally {
      await own.close();
    }
  }, 60_000);
});

describe("closing the emulator", () => {
  it("stops every warm worker", async () => {
    const own = await startEmulator();
    let closed = false;
    try {
      const ownFg = client(own);
      const urns = [await ownFg.deploy("close-a"), await ownFg.deploy("close-b")];
      const answers = await Promise.all([...urns, ...urns].map((urn) => ownFg.answer(urn)));
      const pids = [...new Set(answers.map((a) => a.pid))];
      expect(pids.every(alive)).toBe(true);
      closed = true;
      await own.close();
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      if (!closed) await own.close();
    }
  }, 60_000);
});
