/**
 * Huawei Cloud `SDK-HMAC-SHA256` request signing (the AK/SK scheme of the API gateway in front
 * of FunctionGraph). One implementation serves both sides: the provider signs with it and the
 * emulator verifies with it. Correctness is pinned by the official worked examples in the unit
 * tests and by the official Node SDK's requests in the emulator's integration tests.
 */
import { createHash, createHmac } from "crypto";

export const ALGORITHM = "SDK-HMAC-SHA256";
const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

/** What signing needs to know about a request. Header names are matched case-insensitively. */
export interface SignableRequest {
  method: string;
  /** Path as sent on the wire, without query (URN colons may be raw or percent-encoded). */
  path: string;
  /** Query parameters; repeated keys are arrays. */
  query?: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body?: string | Buffer;
}

/** RFC 3986 unreserved characters stay; everything else becomes %XX with uppercase hex. */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Each segment is decoded then re-encoded, so raw and pre-escaped paths canonicalize alike. */
export function canonicalUri(path: string): string {
  const encoded = path
    .split("/")
    .map((s) => encodeRfc3986(safeDecode(s)))
    .join("/");
  return encoded.endsWith("/") ? encoded : encoded + "/";
}

export function canonicalQuery(query: Record<string, string | string[]> = {}): string {
  const keys = Object.keys(query).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const raw = query[key];
    const values = (Array.isArray(raw) ? [...raw] : [raw]).sort();
    for (const v of values) parts.push(`${encodeRfc3986(key)}=${encodeRfc3986(v)}`);
  }
  return parts.join("&");
}

function headerValue(headers: SignableRequest["headers"], name: string): string {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return (Array.isArray(value) ? value.join(",") : (value ?? "")).trim();
}

function payloadHash(req: SignableRequest): string {
  const declared = headerValue(req.headers, "x-sdk-content-sha256");
  if (declared) return declared;
  if (req.body === undefined || req.body.length === 0) return EMPTY_SHA256;
  return createHash("sha256").update(req.body).digest("hex");
}

/** The canonical request for the given lower-case signed header names. */
export function canonicalRequest(req: SignableRequest, signedHeaders: string[]): string {
  const names = [...signedHeaders].map((h) => h.toLowerCase()).sort();
  const headerBlock = names.map((n) => `${n}:${headerValue(req.headers, n)}\n`).join("");
  return [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.query),
    headerBlock,
    names.join(";"),
    payloadHash(req),
  ].join("\n");
}

export function stringToSign(canonical: string, sdkDate: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${createHash("sha256").update(canonical).digest("hex")}`;
}

export function signature(secretKey: string, toSign: string): string {
  return createHmac("sha256", Buffer.from(secretKey, "utf8")).update(toSign).digest("hex");
}

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Parses an `X-Sdk-Date` value; undefined if malformed. */
export function parseSdkDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

export interface SignOptions {
  accessKey: string;
  secretKey: string;
  now?: Date;
}

/**
 * Returns the headers to add (X-Sdk-Date, Authorization). Every header already present, plus
 * host, is signed, as the official Node SDK does. `req.headers` must already contain `host`.
 */
export function sign(req: SignableRequest, opts: SignOptions): Record<string, string> {
  const date = headerValue(req.headers, "x-sdk-date") || sdkDate(opts.now ?? new Date());
  const headers: SignableRequest["headers"] = { ...req.headers, "x-sdk-date": date };
  const names = Object.keys(headers)
    .filter((k) => headers[k] !== undefined)
    .map((k) => k.toLowerCase());
  const signed = [...new Set(names)].sort();
  const canonical = canonicalRequest({ ...req, headers }, signed);
  const sig = signature(opts.secretKey, stringToSign(canonical, date));
  return {
    "X-Sdk-Date": date,
    Authorization: `${ALGORITHM} Access=${opts.accessKey}, SignedHeaders=${signed.join(";")}, Signature=${sig}`,
  };
}

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(value.trim());
  if (!m) return undefined;
  return { accessKey: m[1], signedHeaders: m[2].split(";"), signature: m[3] };
}
