/**
 * Waits for an asynchronous LeanEngine deploy, the way lean-cli does (docs/reference/leancloud-api.md §8): poll
 * `events/poll/<token>` with `from` = the time of the newest event seen, until `moreEvent` is
 * false; the deploy failed when the newest event has level `error`.
 */
import { setTimeout as sleep } from "timers/promises";
import { LeanCloudClient } from "../client";

export interface DeployOutcome {
  ok: boolean;
  /** Every event, oldest first. */
  log: { level: string; content: string }[];
}

export async function waitForDeploy(
  lc: LeanCloudClient,
  token: string,
  intervalMs: number,
  timeoutMs: number,
): Promise<DeployOutcome> {
  const deadline = Date.now() + timeoutMs;
  const log: DeployOutcome["log"] = [];
  let from: string | undefined;
  let ok = true;
  for (;;) {
    await sleep(intervalMs);
    const page = await lc.pollEvents(token, from);
    for (const e of [...page.events].reverse()) {
      const level = (e.level ?? "info").toLowerCase();
      ok = level !== "error";
      from = e.time ?? from;
      log.push({ level, content: e.content ?? "" });
    }
    if (!page.moreEvent) return { ok, log };
    if (Date.now() > deadline)
      throw new Error(
        `the deploy did not finish within ${Math.round(timeoutMs / 1000)} s (event token ${token}); last events: ${tail(log)}`,
      );
  }
}

/** The last few events as one line, for error messages. */
export function tail(log: DeployOutcome["log"], n = 5): string {
  return (
    log
      .slice(-n)
      .map((e) => `[${e.level}] ${e.content}`)
      .join(" | ") || "(none)"
  );
}
