import { provider } from "./";
import { declaredView, outputsFrom } from "./mapping";
import { TriggerInputs, TriggerOutputs } from "./schema";

const URN = "urn:fss:cn-north-4:p:function:default:hello:latest";
const computed = { triggerId: "t-1", createdTime: "2024-01-02T03:04:05Z", lastUpdatedTime: "2024-01-02T03:04:05Z" };
const timer = { name: "nightly", scheduleType: "Rate", schedule: "5m" };
const diff = (olds: Partial<TriggerOutputs>, news: Partial<TriggerInputs>) =>
  provider.diff!(
    "id",
    { functionUrn: URN, status: "ACTIVE", ...computed, ...olds } as TriggerOutputs,
    { functionUrn: URN, status: "ACTIVE", ...news } as TriggerInputs,
  );

describe("Trigger diff", () => {
  it("sees no change when nothing declared changed", async () => {
    expect(await diff({ type: "TIMER", timer }, { type: "TIMER", timer })).toEqual({ changes: false, replaces: [] });
  });

  it("updates status in place", async () => {
    expect(await diff({ type: "TIMER", timer }, { type: "TIMER", timer, status: "DISABLED" })).toEqual({
      changes: true,
      replaces: [],
    });
  });

  it("replaces a timer whose schedule changed, deleting first when the name stays", async () => {
    expect(await diff({ type: "TIMER", timer }, { type: "TIMER", timer: { ...timer, schedule: "10m" } })).toEqual({
      changes: true,
      replaces: ["timer"],
      deleteBeforeReplace: true,
    });
    expect(await diff({ type: "TIMER", timer }, { type: "TIMER", timer: { ...timer, name: "other" } })).toEqual({
      changes: true,
      replaces: ["timer"],
      deleteBeforeReplace: false,
    });
  });

  it("updates tuning fields of eventData in place and replaces on any other field", async () => {
    const ed = { queue_id: "q", consumer_group_id: "g", polling_interval: 30 };
    expect(
      await diff({ type: "DMS", eventData: ed }, { type: "DMS", eventData: { ...ed, polling_interval: 60 } }),
    ).toEqual({ changes: true, replaces: [] });
    expect(
      await diff({ type: "DMS", eventData: ed }, { type: "DMS", eventData: { ...ed, queue_id: "q2" } }),
    ).toMatchObject({ changes: true, replaces: ["eventData"] });
  });
});

describe("declared keys only", () => {
  const live = { topic_urn: "urn:smn:x", api_id: "added-by-service", invoke_url: "https://x" };

  it("drops keys the service added, so they never show as drift", async () => {
    const declared = { topic_urn: "urn:smn:x" };
    const outs = outputsFrom(
      URN,
      { trigger_id: "t-1", trigger_type_code: "SMN", event_data: live },
      { eventData: declared },
    );
    expect(outs.eventData).toEqual(declared);
    expect(await diff({ type: "SMN", eventData: outs.eventData }, { type: "SMN", eventData: declared })).toEqual({
      changes: false,
      replaces: [],
    });
  });

  it("reports a declared key the service changed", () => {
    expect(declaredView({ ...live, topic_urn: "urn:smn:other" }, { topic_urn: "urn:smn:x" })).toEqual({
      topic_urn: "urn:smn:other",
    });
  });

  it("keeps declared values the service does not echo (passwords), and everything on import", () => {
    expect(declaredView({ exchange_name: "ex" }, { exchange_name: "ex", access_password: "pw" })).toEqual({
      exchange_name: "ex",
      access_password: "pw",
    });
    expect(declaredView(live, undefined)).toEqual(live);
  });

  it("reads a TIMER back without inventing an empty userEvent", () => {
    const outs = outputsFrom(
      URN,
      {
        trigger_id: "t-1",
        trigger_type_code: "TIMER",
        trigger_status: "DISABLED",
        event_data: { name: "n", schedule_type: "Rate", schedule: "5m" },
      },
      {},
    );
    expect(outs).toEqual({
      functionUrn: URN,
      type: "TIMER",
      status: "DISABLED",
      timer: { name: "n", scheduleType: "Rate", schedule: "5m" },
      triggerId: "t-1",
      createdTime: "",
      lastUpdatedTime: "",
    });
  });
});

describe("Trigger outputs", () => {
  it("an APIG trigger outputs the invoke URL the service reports; other types have none", () => {
    const invokeUrl = "https://g.apig.example/hello";
    const apig = outputsFrom(
      URN,
      { trigger_id: "t-1", trigger_type_code: "APIG", event_data: { path: "/hello", invoke_url: invokeUrl } },
      { eventData: { path: "/hello" } },
    );
    expect([apig.invokeUrl, apig.eventData]).toEqual([invokeUrl, { path: "/hello" }]);
    const smn = outputsFrom(URN, { trigger_id: "t-2", trigger_type_code: "SMN", event_data: {} }, {});
    expect(smn.invokeUrl).toBeUndefined();
  });
});
