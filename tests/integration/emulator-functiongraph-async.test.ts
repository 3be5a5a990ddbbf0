/**
 * Async invoke, async-invoke config, invocation records and the metrics report of the emulator
 * (emulator-only behaviour). A ManualClock makes retry waits virtual: each wait advances the
 * clock by asyncRetryDelayMs instead of sleeping, so event-age drops are deterministic.
 */
import { ManualClock, startEmulator, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction } from "../helpers/fg-emulator";

let emu: RunningEmulator;
let clock: ManualClock;
const RETRY_DELAY_MS = 61_000;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: clock.now(), ...c });
const FN = () => `/v2/${emu.credentials.projectId}/fgs/functions`;
const control = async (method: string, path: string): Promise<any> => {
  const res = await fetch(`${emu.url}${path}`, { method });
  return res.status === 204 ? undefined : res.json();
};
const drain = () => control("POST", "/_emulator/functiongraph/async/drain");

async function deploy(name: string, src: string): Promise<string> {
  const res = await call({
    method: "POST",
    path: FN(),
    body: inlineFunction(name, src, 3),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}
const putConfig = (urn: string, body: unknown) =>
  call({ method: "PUT", path: `${FN()}/${urn}/async-invoke-config`, body });
const invokeAsync = (urn: string, event: unknown) =>
  call({ method: "POST", path: `${FN()}/${urn}/invocations-async`, body: event });
const records = async (fn: string) =>
  (await control("GET", `/_emulator/functiongraph/invocations?function=${encodeURIComponent(fn)}`)).invocations;

beforeAll(async () => {
  clock = new ManualClock();
  emu = await startEmulator({ clock, seed: 7, asyncRetryDelayMs: RETRY_DELAY_MS });
});
afterAll(() => emu.close());
beforeEach(() => control("POST", "/_emulator/reset"));

describe("async-invoke config (A1–A4)", () => {
  it("puts, shows, lists with page_info, deletes, and then answers 404", async () => {
    const urn = await deploy("cfg", "exports.handler = async () => 1;");
    const target = await deploy("target", "exports.handler = async () => 2;");
    const dest = { on_failure: { destination: "FunctionGraph", param: JSON.stringify({ func_urn: target }) } };
    const put = await putConfig(urn, {
      max_async_event_age_in_seconds: 120,
      max_async_retry_attempts: 2,
      destination_config: dest,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      func_urn: urn,
      max_async_event_age_in_seconds: 120,
      max_async_retry_attempts: 2,
      destination_config: dest,
      enable_async_status_log: false,
    });
    expect(put.body.created_time).toBe(put.body.last_modified);

    clock.advance(5000);
    const replaced = await putConfig(urn, { max_async_retry_attempts: 0 });
    expect(replaced.body).toMatchObject({
      max_async_event_age_in_seconds: 3600,
      max_async_retry_attempts: 0,
      destination_config: {},
    });
    expect(replaced.body.created_time).toBe(put.body.created_time);
    expect(replaced.body.last_modified).not.toBe(put.body.created_time);

    expect((await call({ method: "GET", path: `${FN()}/${urn}/async-invoke-config` })).body).toEqual(replaced.body);
    const list = await call({ method: "GET", path: `${FN()}/${urn}/async-invoke-configs?limit=5` });
    expect(list.body).toEqual({
      async_invoke_configs: [replaced.body],
      count: 1,
      page_info: { next_marker: 1, previous_marker: 0, current_count: 1 },
    });
    const after = await call({ method: "GET", path: `${FN()}/${urn}/async-invoke-configs?marker=1` });
    expect(after.body).toMatchObject({
      async_invoke_configs: [],
      count: 1,
      page_info: { next_marker: 1, current_count: 0 },
    });

    expect((await call({ method: "DELETE", path: `${FN()}/${urn}/async-invoke-config` })).status).toBe(204);
    const gone = await call({ method: "GET", path: `${FN()}/${urn}/async-invoke-config` });
    expect([gone.status, gone.body.error_code]).toEqual([404, "FSS.0404"]);
    expect((await call({ method: "DELETE", path: `${FN()}/${urn}/async-invoke-config` })).status).toBe(404);
    // The function itself is untouched.
    expect((await call({ method: "GET", path: `${FN()}/${urn}/config` })).status).toBe(200);
  });

  it("rejects out-of-range values and malformed destinations with 400 naming the field", async () => {
    const urn = await deploy("bad", "exports.handler = async () => 1;");
    const retries = await putConfig(urn, { max_async_retry_attempts: 4 });
    expect([retries.status, retries.body.error_code]).toEqual([400, "FSS.0400"]);
    expect(retries.body.error_msg).toMatch(/max_async_retry_attempts.*0 to 3/);
    expect((await putConfig(urn, { max_async_event_age_in_seconds: 86401 })).body.error_msg).toMatch(
      /max_async_event_age_in_seconds/,
    );
    const dest = await putConfig(urn, {
      destination_config: { on_success: { destination: "OBS", param: '{"prefix":"x"}' } },
    });
    expect(dest.body.error_msg).toMatch(/on_success\.param: OBS needs bucket/);
    const kind = await putConfig(urn, { destination_config: { on_success: { destination: "S3", param: "{}" } } });
    expect(kind.body.error_msg).toMatch(/on_success\.destination: must be one of OBS, SMN, DIS, FunctionGraph/);
  });

  it("is deleted with its function", async () => {
    const urn = await deploy("cascade", "exports.handler = async () => 1;");
    expect((await putConfig(urn, {})).status).toBe(200);
    expect((await call({ method: "DELETE", path: `${FN()}/${urn.replace(/:latest$/, "")}` })).status).toBe(204);
    await deploy("cascade", "exports.handler = async () => 1;");
    expect((await call({ method: "GET", path: `${FN()}/${urn}/async-invoke-config` })).status).toBe(404);
  });
});

describe("AsyncInvokeFunction", () => {
  it("answers 202 with a request id and runs the function in the background", async () => {
    const urn = await deploy("bg", "exports.handler = async (e) => ({ doubled: e.n * 2 });");
    const res = await invokeAsync(urn, { n: 4 });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await drain();
    const [rec] = await records("bg");
    expect(rec).toMatchObject({
      request_id: res.body.request_id,
      kind: "async",
      status: "SUCCESS",
      attempts: 1,
      outcome: "success",
      source: "api",
    });
    expect(JSON.parse(rec.result)).toEqual({ doubled: 8 });
    const listed = await call({ method: "GET", path: `${FN()}/${urn}/async-invocations` });
    expect(listed.body).toEqual({
      invocations: [
        {
          request_id: res.body.request_id,
          status: "SUCCESS",
          error_message: "",
          error_code: 0,
          start_time: rec.started_at,
          end_time: rec.ended_at,
        },
      ],
      count: 1,
      next_marker: 1,
    });
  });

  it("answers 404 for a missing function and 413 for an event over 256 KB", async () => {
    const missing = await invokeAsync(
      `urn:fss:${emu.credentials.region}:${emu.credentials.projectId}:function:default:nope:latest`,
      {},
    );
    expect([missing.status, missing.body.error_code]).toEqual([404, "FSS.1051"]);
    const urn = await deploy("big", "exports.handler = async () => 1;");
    const big = await invokeAsync(urn, { blob: "x".repeat(256 * 1024) });
    expect([big.status, big.body.error_code]).toEqual([413, "FSS.1201"]);
  });

  it("retries a failing function max_async_retry_attempts times, then delivers on_failure to a FunctionGraph destination", async () => {
    const urn = await deploy(
      "flaky",
      'exports.handler = async () => { console.log("trying"); throw new Error("database unreachable"); };',
    );
    const sink = await deploy(
      "sink",
      "exports.handler = async (e) => ({ saw: e.request_context.condition, count: e.request_context.approximate_invoke_count, err: e.response_context.function_error, event: e.request_payload });",
    );
    await putConfig(urn, {
      max_async_event_age_in_seconds: 3600,
      max_async_retry_attempts: 2,
      destination_config: { on_failure: { destination: "FunctionGraph", param: JSON.stringify({ func_urn: sink }) } },
    });
    const started = clock.now().getTime();
    const { body } = await invokeAsync(urn, { order: 42 });
    await drain();
    const [rec] = await records("flaky");
    expect(rec).toMatchObject({
      request_id: body.request_id,
      status: "FAIL",
      attempts: 3,
      error_code: 500,
      error_message: "database unreachable",
    });
    expect(rec.log).toMatch(/trying/);
    // Two retry waits, each advancing the manual clock instead of sleeping.
    expect(clock.now().getTime() - started).toBe(2 * RETRY_DELAY_MS);
    expect(rec.deliveries).toHaveLength(1);
    const [delivery] = rec.deliveries;
    expect(delivery).toMatchObject({ on: "on_failure", destination: "FunctionGraph", param: { func_urn: sink } });
    expect(delivery.payload).toMatchObject({
      request_context: {
        request_id: body.request_id,
        function_urn: urn,
        condition: "RetriesExhausted",
        approximate_invoke_count: 3,
      },
      request_payload: { order: 42 },
    });
    const [sinkRec] = await records("sink");
    expect(sinkRec).toMatchObject({
      request_id: delivery.destination_request_id,
      status: "SUCCESS",
      source: `destination:${body.request_id}`,
    });
    expect(JSON.parse(sinkRec.result)).toEqual({
      saw: "RetriesExhausted",
      count: 3,
      err: "database unreachable",
      event: { order: 42 },
    });
    const failed = await call({ method: "GET", path: `${FN()}/${urn}/async-invocations?status=FAIL` });
    expect(failed.body.invocations.map((i: { request_id: string }) => i.request_id)).toEqual([body.request_id]);
  });

  it("does not retry without a config, and drops events older than max_async_event_age_in_seconds", async () => {
    const urn = await deploy("old", 'exports.handler = async () => { throw new Error("no"); };');
    const first = await invokeAsync(urn, {});
    await drain();
    expect((await records("old"))[0]).toMatchObject({ request_id: first.body.request_id, status: "FAIL", attempts: 1 });

    await putConfig(urn, {
      max_async_event_age_in_seconds: 60,
      max_async_retry_attempts: 3,
      destination_config: { on_failure: { destination: "SMN", param: '{"topic_urn":"urn:smn:cn-north-4:p:alerts"}' } },
    });
    const second = await invokeAsync(urn, { x: 1 });
    await drain();
    const rec = (await records("old")).find((r: { request_id: string }) => r.request_id === second.body.request_id);
    // Attempt 1 fails, the wait moves the clock 61 s, the event is now too old for attempt 2.
    expect(rec).toMatchObject({ status: "DISCARD", attempts: 1, outcome: "discarded" });
    expect(rec.deliveries[0]).toMatchObject({
      on: "on_failure",
      destination: "SMN",
      param: { topic_urn: "urn:smn:cn-north-4:p:alerts" },
      payload: { request_context: { condition: "EventAgeExceeded" } },
    });
  });

  it("delivers on_success, lists records newest first with marker/limit pages, and filters by time window", async () => {
    const urn = await deploy("ok", "exports.handler = async (e) => e.i;");
    await putConfig(urn, {
      destination_config: { on_success: { destination: "OBS", param: '{"bucket":"b","prefix":"ok/","expires":0}' } },
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await invokeAsync(urn, { i })).body.request_id);
      clock.advance(1000);
    }
    await drain();
    expect((await records("ok")).map((r: { deliveries: { on: string }[] }) => r.deliveries.map((d) => d.on))).toEqual([
      ["on_success"],
      ["on_success"],
      ["on_success"],
    ]);
    const p1 = await call({ method: "GET", path: `${FN()}/${urn}/async-invocations?limit=2` });
    expect([
      p1.body.invocations.map((i: { request_id: string }) => i.request_id),
      p1.body.count,
      p1.body.next_marker,
    ]).toEqual([[ids[2], ids[1]], 3, 2]);
    const p2 = await call({ method: "GET", path: `${FN()}/${urn}/async-invocations?limit=2&marker=2` });
    expect(p2.body.invocations.map((i: { request_id: string }) => i.request_id)).toEqual([ids[0]]);
    clock.advance(2 * 3600_000);
    expect((await call({ method: "GET", path: `${FN()}/${urn}/async-invocations` })).body.count).toBe(0);
    const begin = new Date(clock.now().getTime() - 3 * 3600_000).toISOString().slice(0, 19);
    expect(
      (await call({ method: "GET", path: `${FN()}/${urn}/async-invocations?query_begin_time=${begin}` })).body.count,
    ).toBe(3);
    expect((await call({ method: "GET", path: `${FN()}/${urn}/async-invocations?status=DONE` })).status).toBe(400);
  });
});

describe("ListFunctionAsMetric (function report)", () => {
  it("ranks functions by failures (default), by count, and honours limit and the window", async () => {
    const good = await deploy("good", "exports.handler = async () => 1;");
    const bad = await deploy("badfn", 'exports.handler = async () => { throw new Error("x"); };');
    for (let i = 0; i < 3; i++) await call({ method: "POST", path: `${FN()}/${good}/invocations`, body: {} });
    for (let i = 0; i < 2; i++) await call({ method: "POST", path: `${FN()}/${bad}/invocations`, body: {} });
    const report = (q = "") =>
      call({ method: "GET", path: `/v2/${emu.credentials.projectId}/fgs/function/report${q}` });
    expect((await report()).body).toEqual({
      values: [
        { key: bad, value: 2 },
        { key: good, value: 0 },
      ],
      next_marker: 2,
      count: 2,
    });
    expect((await report("?type=count&limit=1")).body.values).toEqual([{ key: good, value: 3 }]);
    expect((await report("?type=latency")).status).toBe(400);
    clock.advance(2 * 86_400_000);
    expect((await report()).body.values).toEqual([]);
    expect((await report(`?start_time=0&end_time=${clock.now().getTime()}`)).body.values).toHaveLength(2);
  });
});
