/**
 * TIMER trigger schedules, by the platform's rules (docs/reference/functiongraph-api.md §4.3): validation with
 * messages that name the rule, and "when is the next firing" for the emulator. Shared by the
 * provider's `check` and the emulator, so both accept exactly the same schedules.
 *
 * - Rate: `<N><unit>`, unit m (N ≤ 60), h (N ≤ 24) or d (N ≤ 30), N ≥ 1.
 * - Cron: `@every <Go duration>`, or `sec min hour day-of-month month [day-of-week]` (5 or 6
 *   fields), optionally prefixed `CRON_TZ=<zone> `. `?` only in day-of-month and day-of-week;
 *   otherwise digits, `*`, `,`, `-`, `/`, and month/day names. cron-parser does the range checks
 *   and the arithmetic; the pre-checks here reject what it accepts but the platform does not
 *   (`L`, `#`, `H`, day-of-week 7, its `@daily`-style macros, which the platform does not list).
 */
import { CronExpressionParser } from "cron-parser";

export const SCHEDULE_TYPES = ["Rate", "Cron"] as const;
export type ScheduleType = (typeof SCHEDULE_TYPES)[number];

/** Largest N per Rate unit, and the unit's length in ms. */
export const RATE_UNITS = {
  m: { max: 60, ms: 60_000, name: "minutes" },
  h: { max: 24, ms: 3_600_000, name: "hours" },
  d: { max: 30, ms: 86_400_000, name: "days" },
} as const;

/**
 * Time zone of Cron schedules without CRON_TZ. The platform uses the region's zone; every
 * region the emulator defaults to (cn-*) is on China Standard Time. [inferred]
 */
export const DEFAULT_CRON_TZ = "Asia/Shanghai";

/** When the schedule fires next, strictly after `after`; `anchor` = when the timer was enabled. */
export type NextFire = (after: Date, anchor: Date) => Date;

type Parsed = { ok: true; next: NextFire } | { ok: false; reason: string };

const GO_DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

/** A Go duration (`1h30m`, `1.5h`, `90s`) in ms, or undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (!GO_DURATION.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g))
    ms += Number(n) * GO_DURATION_UNITS[unit];
  return ms;
}

/** A fixed period counted from the anchor (Rate and @every): anchor + k·period. */
function periodic(periodMs: number): NextFire {
  return (after, anchor) => {
    const k = Math.floor((after.getTime() - anchor.getTime()) / periodMs) + 1;
    return new Date(anchor.getTime() + Math.max(1, k) * periodMs);
  };
}

function parseRate(schedule: string): Parsed {
  const m = /^([1-9]\d*)([mhd])$/.exec(schedule);
  if (!m)
    return {
      ok: false,
      reason: `a Rate schedule must be a positive whole number followed by m, h or d (e.g. "5m", "2h", "1d"); got "${schedule}"`,
    };
  const unit = RATE_UNITS[m[2] as keyof typeof RATE_UNITS];
  const n = Number(m[1]);
  if (n > unit.max)
    return {
      ok: false,
      reason: `a Rate schedule in ${unit.name} must be at most ${unit.max}${m[2]}; got "${schedule}"`,
    };
  return { ok: true, next: periodic(n * unit.ms) };
}

/**
 * Go's cron (which `@every` and `CRON_TZ=` come from) rounds an @every period below one second
 * up to one second; we do the same rather than reject what the platform takes.
 */
function parseEvery(spec: string): Parsed {
  const ms = parseGoDuration(spec);
  if (ms === undefined || ms <= 0)
    return { ok: false, reason: `"@every" needs a positive Go duration such as 30m, 1h30m or 1.5h; got "${spec}"` };
  return { ok: true, next: periodic(Math.max(1000, Math.floor(ms / 1000) * 1000)) };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FIELD_NAMES = ["second", "minute", "hour", "day-of-month", "month", "day-of-week"];

/** The platform-only restrictions, field by field (ranges are left to cron-parser). */
function fieldProblem(index: number, field: string): string | undefined {
  const name = FIELD_NAMES[index];
  const question = index === 3 || index === 5;
  if (field.includes("?") && (!question || field !== "?"))
    return `"?" is allowed only alone, in day-of-month and day-of-week; ${name} is "${field}"`;
  if (!/^[A-Za-z0-9*,/?-]+$/.test(field))
    return `${name} "${field}" may only use digits, names, "*", ",", "-", "/"${question ? ' and "?"' : ""}`;
  const words = field.match(/[A-Za-z]+/g) ?? [];
  const allowed = index === 4 ? MONTHS : index === 5 ? DAYS : [];
  const bad = words.find((w) => !allowed.includes(w.toLowerCase()));
  if (bad !== undefined)
    return `${name} "${field}": "${bad}" is not ${allowed.length ? `a ${index === 4 ? "month" : "day"} name` : "allowed (numbers only)"}`;
  if (index === 5 && (field.match(/\d+/g) ?? []).some((d) => Number(d) > 6))
    return `day-of-week values are 0-6 (0 = Sunday); got "${field}"`;
  return undefined;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function parseCron(schedule: string, defaultTz: string): Parsed {
  let expr = schedule.trim();
  let tz = defaultTz;
  const prefix = /^CRON_TZ=(\S+)\s+(.*)$/.exec(expr);
  if (prefix) {
    if (!isTimeZone(prefix[1]))
      return { ok: false, reason: `CRON_TZ "${prefix[1]}" is not a known IANA time zone (e.g. Asia/Shanghai, UTC)` };
    [tz, expr] = [prefix[1], prefix[2].trim()];
  }
  if (expr.startsWith("@every ")) return parseEvery(expr.slice(7).trim());
  if (expr.startsWith("@")) return { ok: false, reason: `the only "@" form is "@every <duration>"; got "${expr}"` };
  const fields = expr.split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    return {
      ok: false,
      reason: `a Cron schedule has 5 or 6 fields (second minute hour day-of-month month [day-of-week]) or is "@every <duration>"; got ${fields.length} field(s) in "${schedule}"`,
    };
  }
  for (const [i, f] of fields.entries()) {
    const problem = fieldProblem(i, f);
    if (problem) return { ok: false, reason: `invalid Cron schedule "${schedule}": ${problem}` };
  }
  // The platform's 5-field form omits day-of-week; cron-parser's 5-field form omits seconds.
  const six = (fields.length === 5 ? [...fields, "*"] : fields).join(" ");
  try {
    CronExpressionParser.parse(six, { tz });
  } catch (e) {
    return { ok: false, reason: `invalid Cron schedule "${schedule}": ${(e as Error).message}` };
  }
  return { ok: true, next: (after) => CronExpressionParser.parse(six, { tz, currentDate: after }).next().toDate() };
}

/** Parses a schedule; `reason` names the rule that failed. */
export function parseSchedule(type: string, schedule: string, defaultTz = DEFAULT_CRON_TZ): Parsed {
  if (type === "Rate") return parseRate(schedule);
  if (type === "Cron") return parseCron(schedule, defaultTz);
  return { ok: false, reason: `schedule type must be one of ${SCHEDULE_TYPES.join(", ")}; got "${type}"` };
}

/** The failure reason of a schedule, or undefined when the platform accepts it. */
export function scheduleProblem(type: string, schedule: string): string | undefined {
  const parsed = parseSchedule(type, schedule);
  return parsed.ok ? undefined : parsed.reason;
}
