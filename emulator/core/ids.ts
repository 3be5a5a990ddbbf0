/**
 * Randomness of the emulator (uuids, token bytes, image-name suffixes, fault probabilities).
 * Injectable so a seeded generator makes every response reproducible.
 */
import { randomUUID } from "crypto";

export interface IdGenerator {
  /** An RFC 4122 version-4 UUID string. */
  uuid(): string;
  /** A float in [0, 1). */
  random(): number;
}

/** Crypto-quality ids; the default. */
export function randomIds(): IdGenerator {
  return { uuid: () => randomUUID(), random: () => Math.random() };
}

/** mulberry32: tiny, fast and good enough for test determinism (not for secrets). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Same seed, same sequence of ids and random numbers. */
export function seededIds(seed: number): IdGenerator {
  const next = mulberry32(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join("");
  return {
    random: next,
    uuid: () => {
      const h = hex(32).split("");
      h[12] = "4";
      h[16] = "89ab"[parseInt(h[16], 16) & 3];
      const s = h.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/** `n` random characters from `alphabet`, drawn from the injectable generator. */
export function randomString(ids: IdGenerator, n: number, alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"): string {
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(ids.random() * alphabet.length)];
  return out;
}
