import { UNKNOWN } from "../../core/diff";
import { provider } from "./";
import { TriggerInputs } from "./schema";

const URN = "urn:fss:cn-north-4:c0ffee0000000000000000000000c0de:function:default:hello:latest";
const timer = { name: "nightly", scheduleType: "Cron", schedule: "0 0 2 * * ?" };
const check = (news: Record<string, unknown>) => provider.check!({} as TriggerInputs, news as unknown as TriggerInputs);

describe("Trigger check", () => {
  it("accepts a TIMER and defaults status to ACTIVE", async () => {
    expect(await check({ functionUrn: URN, type: "TIMER", timer })).toEqual({
      inputs: { functionUrn: URN, type: "TIMER", status: "ACTIVE", timer },
    });
  });

  it.each([
    [
      { type: "TIMER", timer: { ...timer, scheduleType: "Rate", schedule: "90m" } },
      "timer",
      /^timer.schedule: a Rate schedule in minutes must be at most 60m; got "90m"$/,
    ],
    [
      { type: "TIMER", timer: { ...timer, schedule: "0 0 2 * * 8" } },
      "timer",
      /^timer.schedule: .*day-of-week values are 0-6/,
    ],
    [
      { type: "TIMER", timer: { ...timer, scheduleType: "Hourly" } },
      "timer",
      /^timer.scheduleType must be one of Rate, Cron; got "Hourly"$/,
    ],
    [{ type: "TIMER", timer: { ...timer, name: "9lives" } }, "timer", /^timer.name must be 1-64 letters/],
    [{ type: "TIMER" }, "timer", /^timer is required when type is TIMER/],
    [{ type: "TIMER", timer, qualifier: "!9x" }, "qualifier", /^qualifier must be "latest", a version name or "!"/],
    [
      { type: "TIMER", timer, functionUrn: URN.replace(/latest$/, "v1"), qualifier: "!live" },
      "qualifier",
      /contradicts functionUrn, which already ends with ":v1"/,
    ],
    [{ type: "TIMER", timer, eventData: { name: "x" } }, "eventData", /^eventData is not used by TIMER triggers/],
    [{ type: "CRONJOB", eventData: {} }, "type", /^type must be one of TIMER, APIG, .*; got "CRONJOB"$/],
    [{ type: "SMN", eventData: {} }, "eventData", /^eventData must set topic_urn for SMN triggers$/],
    [
      { type: "RABBITMQ", eventData: { exchange_name: "x" } },
      "eventData",
      /^eventData must set access_password for RABBITMQ triggers$/,
    ],
    [{ type: "SMN" }, "eventData", /^eventData is required for SMN triggers$/],
    [
      { type: "SMN", eventData: { topic_urn: "t" }, timer },
      "timer",
      /^timer applies to TIMER triggers only; type is SMN$/,
    ],
    [{ type: "TIMER", timer, status: "PAUSED" }, "status", /^status must be one of ACTIVE, DISABLED; got "PAUSED"$/],
    [
      { type: "OBS", eventData: { bucket: "b", events: ["ObjectCreated"] }, status: "DISABLED" },
      "status",
      /^status DISABLED is not supported for OBS triggers$/,
    ],
    [{ type: "TIMER", timer, functionUrn: "hello" }, "functionUrn", /^functionUrn must be a function URN/],
    [{ type: "TIMER", timer, adoptId: "t-1" }, "adoptId", /^adoptId is only used with adopt: true$/],
    [
      { type: "SMN", eventData: { topic_urn: "t" }, adopt: true },
      "adoptId",
      /^adoptId \(the trigger_id\) is required to adopt a SMN trigger; only TIMER triggers are found by timer.name$/,
    ],
    [{ type: "TIMER", timer, adopt: "yes" }, "adopt", /^adopt must be a boolean$/],
  ])("%j fails on %s", async (over, property, reason) => {
    const res = await check({ functionUrn: URN, ...over });
    expect(res.failures).toHaveLength(1);
    expect(res.failures![0].property).toBe(property);
    expect(res.failures![0].reason).toMatch(reason);
  });

  it("adoption: a TIMER needs no adoptId; an adoptId unknown during preview is not required yet", async () => {
    expect((await check({ functionUrn: URN, type: "TIMER", timer, adopt: true })).failures).toBeUndefined();
    expect(
      (await check({ functionUrn: URN, type: "SMN", eventData: { topic_urn: "t" }, adopt: true, adoptId: UNKNOWN }))
        .failures,
    ).toBeUndefined();
  });

  it("skips rules that depend on values unknown during preview", async () => {
    const res = await check({ functionUrn: UNKNOWN, type: "TIMER", timer: UNKNOWN });
    expect(res).toEqual({ inputs: { functionUrn: UNKNOWN, type: "TIMER", status: "ACTIVE", timer: UNKNOWN } });
  });
});

describe("Trigger check: mistyped names", () => {
  it("rejects a misspelled timer field and names the one meant", async () => {
    const res = await check({ functionUrn: URN, type: "TIMER", timer: { ...timer, scheduel: "1m" } });
    expect(res.failures).toEqual([
      { property: "timer", reason: 'timer: unknown property "scheduel"; did you mean "schedule"?' },
    ]);
  });

  it("suggests the trigger type and status meant", async () => {
    const res = await check({ functionUrn: URN, type: "timer", status: "disabled", timer });
    expect(res.failures?.map((f) => f.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^type must be one of TIMER, .*; got "timer"; did you mean "TIMER"\?$/),
        'status must be one of ACTIVE, DISABLED; got "disabled"; did you mean "DISABLED"?',
      ]),
    );
  });
});
