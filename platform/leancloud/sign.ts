/**
 * LeanCloud request signing facts (docs/reference/leancloud-api.md §3): the `X-LC-Sign` digest and
 * value format, and the `X-LC-Prod` / console environment numbering. The provider signs with
 * these (like the official JS SDK, so a key never travels in a header) and the emulator
 * verifies with the same digest.
 */
import { md5Hex } from "../common/hash";

/** The digest part of `X-LC-Sign`: lowercase hex MD5 of the timestamp (ms, as sent) followed by the key. */
export const signDigest = (timestamp: string, key: string): string => md5Hex(timestamp + key);

/** `X-LC-Sign` value: the digest, then `,ts` and `,master` for the master key. */
export function signature(key: string, timestampMs: number, master: boolean): string {
  const ts = String(timestampMs);
  const sign = signDigest(ts, key);
  return master ? `${sign},${ts},master` : `${sign},${ts}`;
}

export type Environment = "production" | "staging";

/** `X-LC-Prod`: 1 production, 0 staging (the header is always sent, never left to the default). */
export function prodHeader(environment: Environment): "1" | "0" {
  return environment === "staging" ? "0" : "1";
}

/** Console deploy paths use 0 (staging) and 1 (production) too. */
export const envIndex = prodHeader;
