import { parseGoDuration, parseSchedule, scheduleProblem } from "./schedule";

const ANCHOR = new Date("2024-01-02T03:04:05Z");
const next = (type: string, schedule: string, after = ANCHOR) => {
  const p = parseSchedule(type, schedule);
  if (!p.ok) throw new Error(p.reason);
  return p.next(after, ANCHOR).toISOString();
};

describe("TIMER schedules the platform accepts", () => {
  it.each([
    ["Rate", "1m", "2024-01-02T03:05:05.000Z"],
    ["Rate", "60m", "2024-01-02T04:04:05.000Z"],
    ["Rate", "24h", "2024-01-03T03:04:05.000Z"],
    ["Rate", "30d", "2024-02-01T03:04:05.000Z"],
    // 02:15 in the default zone (UTC+8) is 18:15 UTC the day before.
    ["Cron", "0 15 2 * * ?", "2024-01-02T18:15:00.000Z"],
    ["Cron", "0 30 8 ? * Mon-Fri", "2024-01-03T00:30:00.000Z"],
    ["Cron", "0 0/30 * * * ?", "2024-01-02T03:30:00.000Z"],
    // Five fields: day-of-week omitted (not seconds omitted, as in Unix cron).
    ["Cron", "30 10 * * *", "2024-01-02T03:10:30.000Z"],
    ["Cron", "CRON_TZ=UTC 0 0 12 * *", "2024-01-02T12:00:00.000Z"],
    ["Cron", "0 0 0 1 JAN-mar *", "2024-01-31T16:00:00.000Z"],
    ["Cron", "@every 1h30m", "2024-01-02T04:34:05.000Z"],
    ["Cron", "@every 1.5h", "2024-01-02T04:34:05.000Z"],
    ["Cron", "CRON_TZ=Europe/Paris @every 90s", "2024-01-02T03:05:35.000Z"],
  ])("%s %s fires next at %s", (type, schedule, expected) => {
    expect(scheduleProblem(type, schedule)).toBeUndefined();
    expect(next(type, schedule)).toBe(expected);
  });

  it("counts Rate periods from the anchor, so a late check does not shift the grid", () => {
    expect(next("Rate", "5m", new Date("2024-01-02T03:20:00Z"))).toBe("2024-01-02T03:24:05.000Z");
  });
});

describe("TIMER schedules the platform rejects, with the rule in the message", () => {
  it.each([
    ["Rate", "0m", /positive whole number followed by m, h or d/],
    ["Rate", "5", /positive whole number followed by m, h or d/],
    ["Rate", "5s", /positive whole number followed by m, h or d/],
    ["Rate", "1.5h", /positive whole number/],
    ["Rate", "61m", /in minutes must be at most 60m; got "61m"/],
    ["Rate", "25h", /in hours must be at most 24h/],
    ["Rate", "31d", /in days must be at most 30d/],
    ["Cron", "* * *", /5 or 6 fields .* got 3 field\(s\)/],
    ["Cron", "0 0 0 * * * 2024", /5 or 6 fields/],
    ["Cron", "0 60 * * * *", /invalid Cron schedule "0 60 \* \* \* \*": .*0-59/],
    ["Cron", "0 0 12 L * *", /day-of-month "L": "L" is not allowed/],
    ["Cron", "0 0 12 * * 1#1", /day-of-week "1#1" may only use/],
    ["Cron", "0 0 12 * * 7", /day-of-week values are 0-6/],
    ["Cron", "? 0 12 * * *", /"\?" is allowed only alone, in day-of-month and day-of-week/],
    ["Cron", "0 0 0 1 Foo *", /month "Foo": "Foo" is not a month name/],
    ["Cron", "@daily", /the only "@" form is "@every <duration>"/],
    ["Cron", "@every soon", /positive Go duration/],
    ["Cron", "@every 0s", /positive Go duration/],
    ["Cron", "CRON_TZ=Nowhere/Land 0 0 12 * *", /CRON_TZ "Nowhere\/Land" is not a known IANA time zone/],
    ["Daily", "1d", /schedule type must be one of Rate, Cron; got "Daily"/],
  ])("%s %s", (type, schedule, message) => {
    expect(scheduleProblem(type, schedule)).toMatch(message);
  });
});

describe("Go durations", () => {
  it.each([
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["250ms", 250],
    ["2h45m10s", 9_910_000],
  ])("%s = %d ms", (text, ms) => expect(parseGoDuration(text)).toBe(ms));

  it.each(["", "h", "1d", "1 h", "-1h"])("%j is not a duration", (text) =>
    expect(parseGoDuration(text)).toBeUndefined(),
  );
});
