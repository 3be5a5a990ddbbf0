/**
 * FunctionGraph triggers in the emulator (T1–T7) through signed raw HTTP and the unmodified
 * official SDK, and TIMER triggers that really run their function: on clock advance, on
 * demand, and in real time. Emulator-only (not validated against the real platform).
 */
import {
  CreateFunctionTriggerRequest,
  CreateFunctionTriggerRequestBody,
  DeleteFunctionTriggerRequest,
  ListFunctionTriggersRequest,
  ShowFunctionTriggerRequest,
  UpdateTriggerRequest,
  UpdateTriggerRequestBody,
} from "@huaweicloud/huaweicloud-sdk-functiongraph";
import { ManualClock, seededIds, startEmulator, SystemClock, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction, officialFgClient } from "../helpers/fg-emulator";

let emu: RunningEmulator;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, { now: emu.clock.now(), ...c });
const FN = () => `/v2/${pid}/fgs/functions`;
const TRG = () => `/v2/${pid}/fgs/triggers`;
const wire = (response: object) => response as unknown as Record<string, unknown>;
/** A function that returns the event it got, so a test can read what the timer delivered. */
const ECHO = "exports.handler = async (event) => event;";

async function deploy(name: string, src = ECHO): Promise<string> {
  const res = await call({
    method: "POST",
    path: FN(),
    body: inlineFunction(name, src, 5),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}
const timer = (name: string, schedule: string, extra: Record<string, unknown> = {}) => ({
  trigger_type_code: "TIMER",
  ...extra,
  event_data: {
    name,
    schedule_type: schedule.includes(" ") || schedule.startsWith("@") ? "Cron" : "Rate",
    schedule,
    user_event: `hi from ${name}`,
  },
});
const createTrigger = (urn: string, body: unknown) => call({ method: "POST", path: `${TRG()}/${urn}`, body });
async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
}
const invocations = async (): Promise<any[]> =>
  (await control("GET", "/_emulator/state")).body.platforms.functiongraph?.[pid]?.invocations ?? [];

describe("with a manual clock", () => {
  beforeEach(async () => {
    emu = await startEmulator({ clock: new ManualClock("2024-01-02T03:04:05Z"), ids: seededIds(7) });
    pid = emu.credentials.projectId;
  });
  afterEach(() => emu.close());

  it("rejects bad input with the platform's codes and messages", async () => {
    const urn = await deploy("strict");
    const cases: [unknown, number, string, RegExp][] = [
      [{ trigger_type_code: "CRONJOB", event_data: {} }, 400, "FSS.1101", /invalid trigger_type_code "CRONJOB"/],
      [timer("t", "61m"), 400, "FSS.1109", /in minutes must be at most 60m; got "61m"/],
      [timer("t", "0 0 12 L * *"), 400, "FSS.1109", /day-of-month "L"/],
      [timer("1bad", "5m"), 400, "FSS.1109", /invalid timer name "1bad"/],
      [timer(`t${"x".repeat(64)}`, "5m"), 400, "FSS.1317", /too long/],
      [
        timer("t", "5m", { trigger_status: "PAUSED" }),
        400,
        "FSS.0400",
        /invalid trigger_status "PAUSED"; allowed: ACTIVE, DISABLED/,
      ],
      [
        { trigger_type_code: "SMN", event_data: {} },
        400,
        "FSS.1102",
        /event_data.topic_urn is required for SMN triggers/,
      ],
      [
        { trigger_type_code: "SMN", trigger_status: "DISABLED", event_data: { topic_urn: "urn:smn:x" } },
        400,
        "FSS.0400",
        /SMN triggers cannot be disabled/,
      ],
      [{ trigger_type_code: "TIMER" }, 400, "FSS.0400", /event_data must be an object/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await createTrigger(urn, body);
      expect([res.status, res.body.error_code]).toEqual([status, code]);
      expect(res.body.error_msg).toMatch(message);
    }
    expect((await createTrigger(urn, timer("dup", "5m"))).status).toBe(201);
    const dup = await createTrigger(urn, timer("dup", "10m"));
    expect([dup.status, dup.body.error_code]).toEqual([409, "FSS.1148"]);
    const missing = await createTrigger(urn.replace("strict", "absent"), timer("t", "5m"));
    expect([missing.status, missing.body.error_code]).toEqual([404, "FSS.1051"]);
  });

  it("keeps other types' event_data, never echoes passwords, and applies tuning-field updates", async () => {
    const urn = await deploy("queue");
    const res = await createTrigger(urn, {
      trigger_type_code: "RABBITMQ",
      event_data: { exchange_name: "ex", access_password: "pw-secret", instance_id: "i-1", polling_interval: 10 },
    });
    expect([res.status, res.body.trigger_status, res.body.event_data]).toEqual([
      201,
      "ACTIVE",
      { exchange_name: "ex", instance_id: "i-1", polling_interval: 10 },
    ]);
    const path = `${TRG()}/${urn}/RABBITMQ/${res.body.trigger_id}`;
    const tuned = await call({
      method: "PUT",
      path,
      body: { trigger_status: "DISABLED", event_data: [{ polling_interval: 30, ignored: true }] },
    });
    expect([tuned.status, tuned.body.trigger_status, tuned.body.event_data]).toEqual([
      200,
      "DISABLED",
      { exchange_name: "ex", instance_id: "i-1", polling_interval: 30 },
    ]);
    expect(JSON.stringify((await call({ method: "GET", path: `${TRG()}/${urn}` })).body)).not.toContain("pw-secret");
  });

  it("a firing is an async invocation: the function's async-invoke config retries it and delivers the failure", async () => {
    const urn = await deploy("flaky", 'exports.handler = async () => { throw new Error("boom"); };');
    const sink = await deploy("sink");
    const config = {
      max_async_retry_attempts: 2,
      destination_config: { on_failure: { destination: "FunctionGraph", param: JSON.stringify({ func_urn: sink }) } },
    };
    expect((await call({ method: "PUT", path: `${FN()}/${urn}/async-invoke-config`, body: config })).status).toBe(200);
    const id = (await createTrigger(urn, timer("hourly", "1h"))).body.trigger_id;
    const adv = await control("POST", "/_emulator/clock/advance", { seconds: 3600 });
    expect(adv.body.fired.map((f: any) => [f.trigger_id, f.invocation.outcome])).toEqual([[id, "error"]]);
    await control("POST", "/_emulator/functiongraph/async/drain");
    const records = await invocations();
    const fired = records.find((r) => r.trigger_id === id);
    expect(fired).toMatchObject({ kind: "async", source: "TIMER", status: "FAIL", attempts: 3 });
    expect(fired.deliveries.map((d: any) => [d.on, d.destination, d.payload.request_context.condition])).toEqual([
      ["on_failure", "FunctionGraph", "RetriesExhausted"],
    ]);
    const delivered = records.find((r) => r.request_id === fired.deliveries[0].destination_request_id);
    expect(delivered).toMatchObject({ outcome: "success", source: `destination:${fired.request_id}` });
  });

  it("clock advance fires every timer that became due, in order, with the platform's timer event", async () => {
    const urn = await deploy("ticker");
    const five = (await createTrigger(urn, timer("five", "5m"))).body.trigger_id;
    const seven = (await createTrigger(urn, timer("seven", "7m"))).body.trigger_id;
    await createTrigger(urn, timer("off", "1m", { trigger_status: "DISABLED" }));

    const adv = await control("POST", "/_emulator/clock/advance", { seconds: 15 * 60 });
    expect(adv.status).toBe(200);
    expect(adv.body.now).toBe("2024-01-02T03:19:05Z");
    expect(
      adv.body.fired.map((f: any) => [
        f.trigger_id === five ? "five" : f.trigger_id === seven ? "seven" : "?",
        f.scheduled_at,
      ]),
    ).toEqual([
      ["five", "2024-01-02T03:09:05Z"],
      ["seven", "2024-01-02T03:11:05Z"],
      ["five", "2024-01-02T03:14:05Z"],
      ["seven", "2024-01-02T03:18:05Z"],
      ["five", "2024-01-02T03:19:05Z"],
    ]);
    expect(adv.body.fired[0].trigger).toBe(`${urn}/TIMER/${five}`);
    expect(adv.body.skipped).toBe(0);

    const recorded = await invocations();
    expect(recorded.map((r) => [r.source, r.trigger_id === five ? "five" : "seven", r.started_at, r.outcome])).toEqual([
      ["TIMER", "five", "2024-01-02T03:09:05Z", "success"],
      ["TIMER", "seven", "2024-01-02T03:11:05Z", "success"],
      ["TIMER", "five", "2024-01-02T03:14:05Z", "success"],
      ["TIMER", "seven", "2024-01-02T03:18:05Z", "success"],
      ["TIMER", "five", "2024-01-02T03:19:05Z", "success"],
    ]);
    expect(JSON.parse(recorded[1].result)).toEqual({
      version: "v1.0",
      time: "2024-01-02T03:11:05Z",
      trigger_type: "TIMER",
      trigger_name: "seven",
      user_event: "hi from seven",
    });
  });

  it("a DISABLED timer stops firing and restarts its period when re-enabled", async () => {
    const urn = await deploy("pausable");
    const id = (await createTrigger(urn, timer("p", "10m"))).body.trigger_id;
    const path = `${TRG()}/${urn}/TIMER/${id}`;
    expect((await call({ method: "PUT", path, body: { trigger_status: "DISABLED" } })).body.trigger_status).toBe(
      "DISABLED",
    );
    expect((await control("POST", "/_emulator/clock/advance", { seconds: 3600 })).body.fired).toEqual([]);
    await call({ method: "PUT", path, body: { trigger_status: "ACTIVE" } }); // at 04:04:05
    const adv = await control("POST", "/_emulator/clock/advance", { seconds: 600 });
    expect(adv.body.fired.map((f: any) => f.scheduled_at)).toEqual(["2024-01-02T04:14:05Z"]);
  });

  it("fires a trigger on demand, leaving its schedule alone", async () => {
    const urn = await deploy("manual");
    const id = (await createTrigger(urn, timer("m", "1h"))).body.trigger_id;
    const fired = await control("POST", "/_emulator/functiongraph/triggers/fire", { key: `${urn}/TIMER/${id}` });
    expect(fired.status).toBe(200);
    expect(fired.body).toMatchObject({
      trigger_id: id,
      scheduled_at: "2024-01-02T03:04:05Z",
      invocation: { outcome: "success" },
    });
    expect(JSON.parse(fired.body.invocation.result)).toMatchObject({ trigger_name: "m", time: "2024-01-02T03:04:05Z" });
    expect(
      (await control("POST", "/_emulator/clock/advance", { seconds: 3600 })).body.fired.map((f: any) => f.scheduled_at),
    ).toEqual(["2024-01-02T04:04:05Z"]);
    expect((await control("POST", "/_emulator/functiongraph/triggers/fire", { key: `${urn}/TIMER/nope` })).status).toBe(
      404,
    );
    expect((await control("POST", "/_emulator/clock/advance", { seconds: -5 })).status).toBe(400);
  });

  it("deleting the function deletes its triggers", async () => {
    const urn = await deploy("doomed");
    const id = (await createTrigger(urn, timer("d", "1m"))).body.trigger_id;
    await createTrigger(urn, { trigger_type_code: "SMN", event_data: { topic_urn: "urn:smn:cn-north-4:x:topic" } });
    expect((await call({ method: "DELETE", path: `${FN()}/${urn.replace(/:latest$/, "")}` })).status).toBe(204);
    const show = await call({ method: "GET", path: `${TRG()}/${urn}/TIMER/${id}` });
    expect([show.status, show.body]).toEqual([
      500,
      { error_code: "FSS.0500", error_msg: "Error getting associated function" },
    ]);
    const list = await call({ method: "GET", path: `${TRG()}/${urn}` });
    expect([list.status, list.body.error_code]).toEqual([404, "FSS.1051"]);
    expect((await call({ method: "GET", path: TRG() })).body.triggers).toEqual([]);
    expect((await control("POST", "/_emulator/clock/advance", { seconds: 600 })).body.fired).toEqual([]);
  });

  it("BatchDeleteFunctionTriggers removes every trigger of the function; the project list pages by marker", async () => {
    const a = await deploy("a");
    const b = await deploy("b");
    for (const n of ["t1", "t2"]) await createTrigger(a, timer(n, "5m"));
    await createTrigger(b, timer("t3", "5m"));
    const first = await call({ method: "GET", path: `${TRG()}?maxitems=2` });
    expect([first.body.triggers.map((t: any) => t.event_data.name), first.body.next_marker, first.body.count]).toEqual([
      ["t1", "t2"],
      2,
      3,
    ]);
    expect(first.body.triggers[0].func_urn).toBe(a.replace(/:latest$/, ""));
    const second = await call({ method: "GET", path: `${TRG()}?maxitems=2&marker=2` });
    expect([second.body.triggers.map((t: any) => t.event_data.name), second.body.next_marker]).toEqual([["t3"], 3]);
    expect((await call({ method: "GET", path: `${TRG()}?maxitems=-1` })).body.error_code).toBe("FSS.1001");

    expect((await call({ method: "DELETE", path: `${TRG()}/${a}` })).status).toBe(204);
    expect((await call({ method: "GET", path: `${TRG()}/${a}` })).body).toEqual([]);
    expect((await call({ method: "GET", path: `${TRG()}/${b}` })).body.map((t: any) => t.event_data.name)).toEqual([
      "t3",
    ]);
  });
});

describe("with the system clock", () => {
  beforeEach(async () => {
    emu = await startEmulator({ clock: new SystemClock() });
    pid = emu.credentials.projectId;
  });
  afterEach(() => emu.close());

  // The SDK signs with the wall clock, so it needs an emulator on the system clock.
  it("the official SDK creates, shows, lists, updates and deletes a TIMER trigger", async () => {
    const urn = await deploy("sdk-timer");
    const client = officialFgClient(emu);
    const eventData = { name: "every-5m", schedule_type: "Rate", schedule: "5m", user_event: "ping" } as never;
    const created = await client.createFunctionTrigger(
      new CreateFunctionTriggerRequest()
        .withFunctionUrn(urn)
        .withBody(new CreateFunctionTriggerRequestBody("TIMER", eventData).withTriggerStatus("ACTIVE")),
    );
    const id = wire(created).trigger_id as string;
    expect(created.httpStatusCode).toBe(201);
    expect(wire(created)).toMatchObject({
      trigger_type_code: "TIMER",
      trigger_status: "ACTIVE",
      event_data: { name: "every-5m", schedule_type: "Rate", schedule: "5m", user_event: "ping" },
    });
    expect(wire(created).created_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const shown = await client.showFunctionTrigger(
      new ShowFunctionTriggerRequest().withFunctionUrn(urn).withTriggerTypeCode("TIMER").withTriggerId(id),
    );
    expect([wire(shown).trigger_id, wire(shown).trigger_status]).toEqual([id, "ACTIVE"]);
    const listed = await client.listFunctionTriggers(new ListFunctionTriggersRequest().withFunctionUrn(urn));
    // The SDK hands back the bare array itself (typed as `{body}`), with httpStatusCode stuck on.
    expect((listed as unknown as object[]).map((t) => wire(t).trigger_id)).toEqual([id]);

    const updated = await client.updateTrigger(
      new UpdateTriggerRequest()
        .withFunctionUrn(urn)
        .withTriggerTypeCode("TIMER")
        .withTriggerId(id)
        .withBody(new UpdateTriggerRequestBody().withTriggerStatus("DISABLED")),
    );
    expect([updated.httpStatusCode, wire(updated).trigger_status]).toEqual([200, "DISABLED"]);
    const deleted = await client.deleteFunctionTrigger(
      new DeleteFunctionTriggerRequest().withFunctionUrn(urn).withTriggerTypeCode("TIMER").withTriggerId(id),
    );
    expect(deleted.httpStatusCode).toBe(204);
    await expect(
      client.showFunctionTrigger(
        new ShowFunctionTriggerRequest().withFunctionUrn(urn).withTriggerTypeCode("TIMER").withTriggerId(id),
      ),
    ).rejects.toMatchObject({ httpStatusCode: 404, errorCode: "FSS.1140" });

    const ops = (await control("GET", "/_emulator/requests")).body.map((r: any) => `${r.operation} ${r.status}`);
    expect(ops.slice(1)).toEqual([
      "CreateFunctionTrigger 201",
      "ShowFunctionTrigger 200",
      "ListFunctionTriggers 200",
      "UpdateTrigger 200",
      "DeleteFunctionTrigger 204",
      "ShowFunctionTrigger 404",
    ]);
  });

  it("fires an ACTIVE timer in real time, without any advance", async () => {
    const urn = await deploy("realtime");
    const id = (await createTrigger(urn, timer("rt", "@every 1s"))).body.trigger_id;
    // A firing is an async invocation: its record is "pending" until the run ends.
    let seen: any[] = [];
    // Polls against a deadline, not a count of tries: a loaded machine runs the firing late.
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && !seen.some((r) => r.outcome !== "pending")) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await invocations();
    }
    expect(seen.find((r) => r.outcome !== "pending")).toMatchObject({
      source: "TIMER",
      trigger_id: id,
      outcome: "success",
      kind: "async",
    });
  });

  it("advancing moves the emulator's time by an offset over the wall clock", async () => {
    const before = Date.now();
    const adv = await control("POST", "/_emulator/clock/advance", { seconds: 86_400 });
    const now = Date.parse((await control("GET", "/_emulator/clock")).body.now);
    expect(adv.body.fired).toEqual([]);
    expect(now).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(now).toBeLessThan(Date.now() + 86_400_000 + 1);
    // Clients keep signing with their wall clock: the advanced emulator still accepts them.
    expect((await call({ method: "GET", path: FN(), now: new Date() })).status).toBe(200);
  });
});
