/**
 * Struct values ↔ the plain values the resource implementations expect. The implementations
 * were written for the dynamic-provider host, which hands them `toJavaScript()` of the gRPC
 * struct with secrets already unwrapped and unknowns as the sentinel string; this plugin accepts
 * secrets (so the engine keeps them encrypted end to end), so it unwraps them on the way in,
 * remembers which top-level properties were secret, and wraps them again on the way out.
 */
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

export type Props = Record<string, unknown>;

/** Plain properties plus the names of the top-level properties that held a secret anywhere. */
export interface Unwrapped {
  props: Props;
  secrets: Set<string>;
}

function isSecret(value: unknown): value is { value: unknown } {
  return !!value && typeof value === "object" && (value as Props)[specialSigKey] === specialSecretSig;
}

/** The value with every secret envelope removed; `found` is set when there was one. */
export function unwrapDeep(value: unknown, found: { secret: boolean } = { secret: false }): unknown {
  if (isSecret(value)) {
    found.secret = true;
    return unwrapDeep(value.value, found);
  }
  if (Array.isArray(value)) return value.map((v) => unwrapDeep(v, found));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapDeep(v, found)]));
  }
  return value;
}

export function unwrap(props: Props): Unwrapped {
  const secrets = new Set<string>();
  const plain: Props = {};
  for (const [key, value] of Object.entries(props)) {
    const found = { secret: false };
    plain[key] = unwrapDeep(value, found);
    if (found.secret) secrets.add(key);
  }
  return { props: plain, secrets };
}

export function fromStruct(struct: structproto.Struct | undefined): Unwrapped {
  return unwrap(struct?.toJavaScript() ?? {});
}

export function secretValue(value: unknown): Props {
  return { [specialSigKey]: specialSecretSig, value };
}

/** The properties with `secret` ones wrapped; undefined values are dropped (a struct cannot hold them). */
export function wrap(props: Props, secret: ReadonlySet<string>): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    out[key] = secret.has(key) && value !== unknownValue && !isSecret(value) ? secretValue(value) : value;
  }
  return out;
}

export function toStruct(props: Props, secret: ReadonlySet<string> = new Set()): structproto.Struct {
  return structproto.Struct.fromJavaScript(wrap(props, secret) as Record<string, structproto.JavaScriptValue>);
}

export { unknownValue };
