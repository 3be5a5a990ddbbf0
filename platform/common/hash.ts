/**
 * Hex digests both sides compute on the same bytes, so they agree by construction:
 * - sha256Hex: our `codeHash`, and the LeanCloud emulator's deploy digest;
 * - sha512Hex: what FunctionGraph reports as a function's `digest`
 *   (docs/reference/functiongraph-api.md §3.1, §3.3);
 * - md5Hex: the hex MD5 FunctionGraph uses for dependency `etag`s (§5.1).
 */
import { createHash } from "crypto";

const hexDigest = (algorithm: string, data: Buffer | string) => createHash(algorithm).update(data).digest("hex");

/** Lower-case hex SHA-256 of the bytes. */
export const sha256Hex = (data: Buffer | string): string => hexDigest("sha256", data);

/** Lower-case hex SHA-512 of the bytes. */
export const sha512Hex = (data: Buffer | string): string => hexDigest("sha512", data);

/** Lower-case hex MD5 of the bytes. */
export const md5Hex = (data: Buffer | string): string => hexDigest("md5", data);
