/**
 * Deploy event logs, polled by the lean CLI with `GET /1.1/engine/events/poll/<token>[?from=]`:
 * newest first, `moreEvent` false once the deploy finished; a failed deploy ends with an
 * `error` event. Event times strictly increase within a log so `from` works with a frozen clock.
 */
import { PLATFORM, type LcEnv, type Prod } from "../env";

export interface DeployEvent {
  content: string;
  level: "info" | "error";
  production: Prod;
  time: string;
}

interface EventLog {
  group: string;
  prod: Prod;
  done: boolean;
  events: DeployEvent[];
}

type Logs = Record<string, EventLog>;

const logsOf = (env: LcEnv): Logs => env.store.bucket<Logs>(PLATFORM, env.creds.appId, "events", () => ({}));

export function openEventLog(env: LcEnv, group: string, prod: Prod): string {
  const token = env.ids.uuid().replace(/-/g, "");
  logsOf(env)[token] = { group, prod, done: false, events: [] };
  env.store.commit();
  return token;
}

export function addEvent(env: LcEnv, token: string, level: DeployEvent["level"], content: string, done = false): void {
  const log = logsOf(env)[token];
  if (!log) return;
  const last = log.events[log.events.length - 1];
  let t = env.clock.now().getTime();
  if (last && t <= Date.parse(last.time)) t = Date.parse(last.time) + 1;
  log.events.push({ content, level, production: log.prod, time: new Date(t).toISOString() });
  if (done) log.done = true;
  env.store.commit();
}

/** Events after `from` (all when absent), newest first; undefined for an unknown token. */
export function pollEvents(
  env: LcEnv,
  token: string,
  from?: string,
): { moreEvent: boolean; events: DeployEvent[] } | undefined {
  const log = logsOf(env)[token];
  if (!log) return undefined;
  const after = from ? Date.parse(from) : NaN;
  const events = log.events.filter((e) => Number.isNaN(after) || Date.parse(e.time) > after).reverse();
  return { moreEvent: !log.done, events };
}
