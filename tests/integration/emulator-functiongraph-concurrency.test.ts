/**
 * Instance limits on invoke (emulator/functiongraph/runtime/concurrency.ts): max instances ×
 * per-instance concurrency bounds the invocations in flight. The function under test calls a
 * gate server owned by the test and hangs until the test opens the gate, so "in flight" is an
 * observed fact (the gate counts arrivals), never a timing guess.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import type { AddressInfo } from "net";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall, type FgResult } from "../../emulator/testing/fg-client";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(120_000);

/** Holds every request until `open()`; `arrived(n)` resolves once n requests are held. */
class Gate {
  private held: ServerResponse[] = [];
  private watchers: { n: number; resolve: () => void }[] = [];
  private isOpen = false;
  readonly server: Server = createServer((_req: IncomingMessage, res: ServerResponse) => this.onRequest(res));
  private onRequest(res: ServerResponse): void {
    if (this.isOpen) return void res.end("open");
    this.held.push(res);
    this.watchers.filter((w) => this.held.length >= w.n).forEach((w) => w.resolve());
  }
  arrived(n: number): Promise<void> {
    if (this.held.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ n, resolve }));
  }
  get count(): number {
    return this.held.length;
  }
  open(): void {
    this.isOpen = true;
    this.held.splice(0).forEach((res) => res.end("open"));
  }
  url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }
}

/** Resolves `reached` once `n` results satisfying `match` have come back. */
function settledCount(match: (r: FgResult) => boolean, n: number) {
  let seen = 0;
  let resolve: () => void = () => undefined;
  const reached = new Promise<void>((r) => (resolve = r));
  const track = (r: FgResult) => {
    if (match(r) && ++seen === n) resolve();
    return r;
  };
  return { reached, track };
}

let emu: RunningEmulator;
let gate: Gate;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, c);
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;

async function deployGated(name: string, strategy: { concurrency: number; concurrent_num: number }): Promise<string> {
  const src = `exports.handler = async () => { await fetch(${JSON.stringify(gate.url())}); return "done"; };`;
  const res = await call({
    method: "POST",
    path: FN(),
    body: inlineFunction(name, src, 60, { strategy_config: strategy }),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}
const invoke = (urn: string) => call({ method: "POST", path: `${FN()}/${urn}/invocations`, body: {} });

beforeEach(async () => {
  gate = new Gate();
  await new Promise<void>((resolve) => gate.server.listen(0, "127.0.0.1", resolve));
  emu = await startEmulator();
});
afterEach(async () => {
  gate.open();
  await emu.close();
  await new Promise((resolve) => gate.server.close(resolve));
});

describe("instance limits on invoke", () => {
  it("answers 429 FSS.0429 beyond max instances × concurrent_num and counts them in reject_count", async () => {
    const maxInstances = 3;
    const urn = await deployGated("gated", { concurrency: maxInstances, concurrent_num: 1 });
    const rejections = settledCount((r) => r.status === 429, 21 - maxInstances);
    const all = Array.from({ length: 21 }, () => invoke(urn).then(rejections.track));
    await Promise.all([gate.arrived(maxInstances), rejections.reached]);
    expect(gate.count).toBe(maxInstances);
    gate.open();
    const results = (await Promise.all(all)).map((r) =>
      r.status === 200 ? [200, JSON.parse(r.body.result)] : [r.status, r.body.error_code],
    );
    expect(results.filter(([status]) => status === 200)).toEqual(
      Array.from({ length: maxInstances }, () => [200, "done"]),
    );
    expect(results.filter(([status]) => status !== 200)).toEqual(
      Array.from({ length: 21 - maxInstances }, () => [429, "FSS.0429"]),
    );

    const stats = await call({ method: "GET", path: `${FN()}/${urn}/statistics/60` });
    expect([stats.status, stats.body.reject_count[0].value, stats.body.count[0].value]).toEqual([200, 18, 3]);
    const report = await call({
      method: "GET",
      path: `/v2/${emu.credentials.projectId}/fgs/function/report?type=rejectcount`,
    });
    expect(report.body.values).toEqual([{ key: urn, value: 18 }]);
    // Slots are given back: the next invocation is admitted again.
    expect((await invoke(urn)).status).toBe(200);
  });

  it("admits concurrent_num invocations per instance", async () => {
    const urn = await deployGated("per-instance", { concurrency: 1, concurrent_num: 2 });
    const first = [invoke(urn), invoke(urn)];
    await gate.arrived(2);
    const third = await invoke(urn);
    expect([third.status, third.body.error_code]).toEqual([429, "FSS.0429"]);
    gate.open();
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
  });

  it("queues async events at the limit instead of rejecting them", async () => {
    const urn = await deployGated("queued", { concurrency: 1, concurrent_num: 1 });
    const sync = invoke(urn);
    await gate.arrived(1);
    const queued = await call({ method: "POST", path: `${FN()}/${urn}/invocations-async`, body: {} });
    expect(queued.status).toBe(202);
    gate.open();
    expect((await sync).status).toBe(200);
    await call({ method: "POST", path: "/_emulator/functiongraph/async/drain", auth: "none" });
    const records = (await (await fetch(`${emu.url}/_emulator/functiongraph/invocations?kind=async`)).json()) as {
      invocations: { status: string }[];
    };
    expect(records.invocations.map((r) => r.status)).toEqual(["SUCCESS"]);
    const stats = await call({ method: "GET", path: `${FN()}/${urn}/statistics/60` });
    expect(stats.body.reject_count[0].value).toBe(0);
  });

  it("refuses every invocation of a function whose max instances is 0 with 403 FSS.0403", async () => {
    const urn = await deployGated("disabled", { concurrency: 1, concurrent_num: 1 });
    const off = await call({
      method: "PUT",
      path: `${FN()}/${urn}/config-max-instance`,
      body: { max_instance_num: 0 },
    });
    expect([off.status, off.body.strategy_config.concurrency]).toEqual([200, 0]);
    const sync = await invoke(urn);
    expect([sync.status, sync.body.error_code]).toEqual([403, "FSS.0403"]);
    const async = await call({ method: "POST", path: `${FN()}/${urn}/invocations-async`, body: {} });
    expect([async.status, async.body.error_code]).toEqual([403, "FSS.0403"]);
  });
});
