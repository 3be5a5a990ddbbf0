/**
 * LeanCloud request authentication (docs/reference/leancloud-api.md §3). We sign (`X-LC-Sign`) like the
 * official JS SDK instead of sending the key itself, so a key never travels in a header.
 */
import { createHash } from "crypto";

/** `X-LC-Sign` value: lowercase hex MD5 of (timestamp in ms + key), then `,ts` and `,master` for the master key. */
export function signature(key: string, timestampMs: number, master: boolean): string {
  const ts = String(timestampMs);
  const sign = createHash("md5").update(ts + key).digest("hex");
  return master ? `${sign},${ts},master` : `${sign},${ts}`;
}

export type Environment = "production" | "staging";

/** `X-LC-Prod`: 1 production, 0 staging (the header is always sent, never left to the default). */
export function prodHeader(environment: Environment): "1" | "0" {
  return environment === "staging" ? "0" : "1";
}

/** Console deploy paths use 0 (staging) and 1 (production) too. */
export const envIndex = prodHeader;
