/**
 * LeanCloud typed JSON (docs/reference/leancloud-api.md §6) → plain JSON for Pulumi outputs, and the JSON
 * checks of invocation params. Decoding is deliberately lossless where it can be: a Date
 * becomes its ISO string; an Object or (fat) Pointer becomes a map with `className` and
 * `objectId` next to its decoded fields; GeoPoint, File, Relation and Bytes keep their data
 * without `__type`. `createdAt`/`updatedAt` may arrive as Date objects (docs) or ISO strings
 * (Node engine); both decode to the ISO string.
 */

import { asText } from "../core/response";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Typed = Record<string, unknown> & { __type: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function decodeTyped(v: Typed): Json {
  const { __type, ...rest } = v;
  switch (__type) {
    case "Date":
      return typeof rest.iso === "string" ? rest.iso : decodeMap(rest);
    case "Bytes":
      return { base64: asText(rest.base64 ?? "") };
    case "Object":
    case "Pointer":
    case "GeoPoint":
    case "File":
    case "Relation":
      return decodeMap(rest);
    default:
      // Unknown types are kept as they came, so nothing is silently lost.
      return decodeMap(v);
  }
}

function decodeMap(o: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(o)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, decodeResult(x)]),
  );
}

/** Plain JSON from a typed RPC result (also harmless on `/functions` results). */
export function decodeResult(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(decodeResult);
  if (isPlainObject(value)) return typeof value.__type === "string" ? decodeTyped(value as Typed) : decodeMap(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // Left: bigint, symbol, function — never in JSON, but shown rather than dropped.
  return asText(value);
}

/** Signature keys Pulumi uses to tag assets, archives, secrets and resource references. */
const PULUMI_SIG = "4dabf18193072939515e22adb298388d";

/** The first reason `value` is not plain JSON (path-qualified), or undefined when it is. */
export function notJsonReason(value: unknown, path: string): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number")
    return Number.isFinite(value) ? undefined : `${path} is ${value}, which JSON cannot represent`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = notJsonReason(value[i], `${path}[${i}]`);
      if (r) return r;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    if (PULUMI_SIG in value) return `${path} is a Pulumi asset, archive or resource reference, not JSON`;
    for (const [k, v] of Object.entries(value)) {
      const r = notJsonReason(v, `${path}.${k}`);
      if (r) return r;
    }
    return undefined;
  }
  return `${path} is a ${typeof value}, not JSON`;
}

/** RPC values the engine decodes (§6.2): the reason a `__type` value is malformed, or undefined. */
export function badTypedValue(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) return value.map((v, i) => badTypedValue(v, `${path}[${i}]`)).find(Boolean);
  if (!isPlainObject(value)) return undefined;
  const t = value.__type;
  if (t === "Date" && (typeof value.iso !== "string" || Number.isNaN(Date.parse(value.iso))))
    return `${path} is a Date without a valid "iso" timestamp`;
  if ((t === "Pointer" || t === "Object") && typeof value.className !== "string")
    return `${path} is a ${t} without a "className"`;
  if (t === "Pointer" && typeof value.objectId !== "string") return `${path} is a Pointer without an "objectId"`;
  if (t === "GeoPoint" && (typeof value.latitude !== "number" || typeof value.longitude !== "number"))
    return `${path} is a GeoPoint without numeric "latitude" and "longitude"`;
  return Object.entries(value)
    .map(([k, v]) => badTypedValue(v, `${path}.${k}`))
    .find(Boolean);
}
