/**
 * Follows the engine event log a running `pulumi` writes (`--event-log FILE`): one JSON event
 * per line, appended as the engine works. Why the event log and not stderr: with `--json`,
 * `pulumi preview` prints nothing until it ends, and its human display is not a format to parse;
 * the event log is the engine's structured stream (the one the Automation API reads), so it
 * carries each resource's step as soon as it is planned.
 */
import { promises as fs } from "fs";

export interface EngineEvent {
  resourcePreEvent?: { metadata?: { op?: string; urn?: string; type?: string } };
  [kind: string]: unknown;
}

const POLL_MS = 200;

/** Complete lines of `buffer` as events; the unfinished tail is returned for the next read. */
export function splitEvents(buffer: string): { events: EngineEvent[]; rest: string } {
  const lines = buffer.split("\n");
  const rest = lines.pop() ?? "";
  const events: EngineEvent[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line) as EngineEvent);
    } catch {
      // A line that is not an event (never written by the engine) is skipped, not fatal.
    }
  }
  return { events, rest };
}

/**
 * Reads `file` from the start every POLL_MS until `stop()` resolves, handing each new event to
 * `onEvent`; `stop()` reads what is left first. A file that does not exist yet is waited for.
 */
export function followEventLog(file: string, onEvent: (e: EngineEvent) => void): { stop(): Promise<void> } {
  let offset = 0;
  let rest = "";
  let reading: Promise<void> = Promise.resolve();
  const decoder = new TextDecoder("utf-8");
  const readMore = async () => {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, "r");
    } catch {
      return;
    }
    try {
      const buf = Buffer.alloc(64 * 1024);
      for (;;) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        const split = splitEvents(rest + decoder.decode(buf.subarray(0, bytesRead), { stream: true }));
        rest = split.rest;
        split.events.forEach(onEvent);
      }
    } finally {
      await handle.close();
    }
  };
  const timer = setInterval(() => {
    reading = reading.then(readMore);
  }, POLL_MS);
  return {
    async stop() {
      clearInterval(timer);
      reading = reading.then(readMore);
      await reading;
      if (rest.trim()) splitEvents(rest + "\n").events.forEach(onEvent);
    },
  };
}
