/**
 * A deliberately slow hash (scrypt) of a secret that must be compared across runs without being
 * stored, e.g. encrypted environment values whose hash lands in the state's inputs. scrypt costs
 * tens of milliseconds of CPU, so it runs on libuv's thread pool (crypto.scrypt), never on the
 * provider's event loop, and each distinct value is hashed once per process: check and create
 * of the same resource, and resources sharing a value, ask for the same hash.
 */
import { createHash, scrypt } from "crypto";

const memo = new Map<string, Promise<string>>();

function scryptHex(text: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(text, salt, 32, (err, key) => (err ? reject(err) : resolve(key.toString("hex")))),
  );
}

/** scrypt(text, salt) as 64 hex digits, computed off the event loop and once per process. */
export function slowHash(text: string, salt: string): Promise<string> {
  // Keyed by a fast digest so the map holds no secret text.
  const key = createHash("sha256").update(salt).update("\0").update(text).digest("hex");
  let hash = memo.get(key);
  if (!hash) {
    hash = scryptHex(text, salt);
    memo.set(key, hash);
    hash.catch(() => memo.delete(key));
  }
  return hash;
}
