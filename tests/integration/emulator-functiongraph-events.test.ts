/**
 * Event sources through the control plane: POST /_emulator/functiongraph/events/<type> fires
 * every ACTIVE trigger of that type whose event_data matches, with the platform-shaped event,
 * as an async invocation. Per trigger type: a matching event fires, a non-matching one does
 * not, a DISABLED trigger never fires (OBS and SMN triggers cannot be disabled). Emulator-only.
 */
import { startEmulator, SystemClock, type RunningEmulator } from "../../emulator";
import { fgCall, type FgCall } from "../../emulator/testing/fg-client";
import { inlineFunction } from "../helpers/fg-emulator";

jest.setTimeout(120_000);

let emu: RunningEmulator;
let pid: string;
const call = (c: FgCall) => fgCall(emu.url, emu.credentials, c);
const ECHO = "exports.handler = async (event) => event;";
const FAIL = "exports.handler = async () => { throw new Error('nope'); };";

async function deploy(name: string, src = ECHO): Promise<string> {
  const res = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/functions`,
    body: inlineFunction(name, src, 10),
  });
  expect(res.status).toBe(200);
  return res.body.func_urn;
}

async function trigger(urn: string, type: string, eventData: object, status?: string): Promise<string> {
  const res = await call({
    method: "POST",
    path: `/v2/${pid}/fgs/triggers/${urn}`,
    body: { trigger_type_code: type, event_data: eventData, ...(status ? { trigger_status: status } : {}) },
  });
  expect(res.status).toBe(201);
  return res.body.trigger_id;
}

async function send(type: string, body: unknown, wait = true): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.url}/_emulator/functiongraph/events/${type}${wait ? "?wait=true" : ""}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return { status: res.status, body: await res.json() };
}

interface Case {
  type: string;
  /** event_data of the trigger the matching event reaches. */
  data: Record<string, unknown>;
  /** A second trigger of the same type the events never match. */
  other: Record<string, unknown>;
  hit: Record<string, unknown>;
  miss: Record<string, unknown>;
  /** A fact of the delivered event. */
  shape: (event: any) => unknown;
  expected: unknown;
  canDisable: boolean;
}

const CASES: Case[] = [
  {
    type: "OBS",
    data: { bucket: "photos", events: ["s3:ObjectCreated:*"], prefix: "in/", suffix: ".jpg" },
    other: { bucket: "photos", events: ["ObjectRemoved"] },
    hit: { bucket: "photos", key: "in/cat.jpg", size: 12 },
    miss: { bucket: "photos", key: "in/cat.png" },
    shape: (e) => [
      e.Records[0].eventName,
      e.Records[0].s3.bucket.name,
      e.Records[0].s3.object.key,
      e.Records[0].s3.object.size,
    ],
    expected: ["ObjectCreated:Put", "photos", "in/cat.jpg", 12],
    canDisable: false,
  },
  {
    type: "SMN",
    data: { topic_urn: "urn:smn:cn-north-4:p:alerts" },
    other: { topic_urn: "urn:smn:cn-north-4:p:other" },
    hit: { topic_urn: "urn:smn:cn-north-4:p:alerts", message: "disk full", subject: "ops" },
    miss: { topic_urn: "urn:smn:cn-north-4:p:nobody", message: "x" },
    shape: (e) => [e.record[0].event_source, e.record[0].smn.message, e.record[0].smn.subject],
    expected: ["smn", "disk full", "ops"],
    canDisable: false,
  },
  {
    type: "DIS",
    data: { stream_name: "clicks", polling_interval: 30 },
    other: { stream_name: "views", polling_interval: 30 },
    hit: { stream_name: "clicks", records: ["a", "b"] },
    miss: { stream_name: "nobody", records: ["a"] },
    shape: (e) => [e.StreamName, e.Message.records.map((r: any) => Buffer.from(r.data, "base64").toString())],
    expected: ["clicks", ["a", "b"]],
    canDisable: true,
  },
  {
    type: "KAFKA",
    data: { instance_id: "k1", topic_ids: ["orders"] },
    other: { instance_id: "k1", topic_ids: ["refunds"] },
    hit: { instance_id: "k1", topic_id: "orders", messages: ["m1"] },
    miss: { instance_id: "k2", topic_id: "orders", messages: ["m1"] },
    shape: (e) => [e.trigger_type, e.records[0].topic_id, e.records[0].messages],
    expected: ["KAFKA", "orders", ["m1"]],
    canDisable: true,
  },
  {
    type: "RABBITMQ",
    data: { exchange_name: "ex", access_password: "pw" },
    other: { exchange_name: "ex2", access_password: "pw" },
    hit: { exchange_name: "ex", messages: ["r1"] },
    miss: { exchange_name: "none", messages: ["r1"] },
    shape: (e) => [e.trigger_type, e.records[0].messages],
    expected: ["RABBITMQ", ["r1"]],
    canDisable: true,
  },
  {
    type: "LTS",
    data: { log_group_id: "g", log_topic_id: "t" },
    other: { log_group_id: "g", log_topic_id: "t2" },
    hit: { log_group_id: "g", log_topic_id: "t", logs: ["line 1"] },
    miss: { log_group_id: "g", log_topic_id: "t3", logs: ["line 1"] },
    shape: (e) => JSON.parse(Buffer.from(e.lts.data, "base64").toString()).logs.map((l: any) => l.message),
    expected: ["line 1"],
    canDisable: true,
  },
  {
    type: "CTS",
    data: { operations: ["FunctionGraph:Functions:createFunction"] },
    other: { operations: ["OBS:Buckets:*"] },
    hit: { service_type: "FunctionGraph", resource_type: "Functions", trace_name: "createFunction" },
    miss: { service_type: "FunctionGraph", resource_type: "Functions", trace_name: "deleteFunction" },
    shape: (e) => [e.cts.service_type, e.cts.trace_name],
    expected: ["FunctionGraph", "createFunction"],
    canDisable: true,
  },
  {
    type: "DDS",
    data: { instance_id: "d1", db_name: "shop", collection_name: "orders", db_password: "pw" },
    other: { instance_id: "d1", db_name: "shop", collection_name: "users", db_password: "pw" },
    hit: { db_name: "shop", collection_name: "orders", documents: [{ n: 1 }] },
    miss: { db_name: "shop", collection_name: "carts", documents: [{ n: 1 }] },
    shape: (e) => [e.records[0].event_source, JSON.parse(e.records[0].dds.full_document)],
    expected: ["dds", { n: 1 }],
    canDisable: true,
  },
  {
    type: "DMS",
    data: { queue_id: "q1", consumer_group_id: "cg", polling_interval: 30 },
    other: { queue_id: "q2", consumer_group_id: "cg", polling_interval: 30 },
    hit: { queue_id: "q1", messages: ["hello"] },
    miss: { queue_id: "q3", messages: ["hello"] },
    shape: (e) => e.messages.map((m: any) => m.body),
    expected: ["hello"],
    canDisable: true,
  },
];

beforeAll(async () => {
  emu = await startEmulator({ clock: new SystemClock() });
  pid = emu.credentials.projectId;
});
afterAll(() => emu.close());

describe.each(CASES)("$type", (c) => {
  it("a matching event fires the ACTIVE trigger with the platform's event; others do not fire", async () => {
    const on = await deploy(`on-${c.type.toLowerCase()}`);
    const id = await trigger(on, c.type, c.data, "ACTIVE");
    await trigger(on, c.type, c.other, "ACTIVE");
    if (c.canDisable) await trigger(await deploy(`off-${c.type.toLowerCase()}`), c.type, c.data, "DISABLED");

    const hit = await send(c.type, c.hit);
    expect(hit.status).toBe(200);
    expect(hit.body.fired.map((f: any) => [f.trigger_id, f.func_urn, f.status])).toEqual([
      [id, on.replace(/:latest$/, "") + ":latest", "SUCCESS"],
    ]);
    expect(c.shape(JSON.parse(hit.body.fired[0].result))).toEqual(c.expected);
    expect((await send(c.type, c.miss)).body.fired).toEqual([]);
  });
});

it("deliveries are async invocations: records carry the source, async config retries apply", async () => {
  const urn = await deploy("fails", FAIL);
  await call({
    method: "PUT",
    path: `/v2/${pid}/fgs/functions/${urn}/async-invoke-config`,
    body: { max_async_retry_attempts: 0 },
  });
  await trigger(urn, "SMN", { topic_urn: "urn:smn:cn-north-4:p:fails" });
  const sent = await send("SMN", { topic_urn: "urn:smn:cn-north-4:p:fails", message: "m" }, false);
  expect(sent.body.fired).toHaveLength(1);
  expect(sent.body.fired[0].status).toBeUndefined();
  await fetch(`${emu.url}/_emulator/functiongraph/async/drain`, { method: "POST" });
  const listed = (await (await fetch(`${emu.url}/_emulator/functiongraph/invocations?function=fails`)).json()) as any;
  expect(listed.invocations.map((r: any) => [r.request_id, r.kind, r.source, r.status])).toEqual([
    [sent.body.fired[0].request_id, "async", "SMN", "FAIL"],
  ]);
});

it("refuses unknown types and malformed descriptions", async () => {
  expect((await send("TIMER", {})).status).toBe(400);
  expect((await send("OBS", { bucket: "b" })).body.error).toMatch(/key/);
  expect((await send("OBS", { bucket: "b", key: "k", event_name: "ObjectCreated:Nope" })).status).toBe(400);
  expect((await send("KAFKA", { topic_id: "t", messages: "not-a-list" })).status).toBe(400);
});
