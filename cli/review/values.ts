/**
 * One property value as a short line for a review: secrets as `[secret]`, values not known
 * before the update as `(known after update)`, assets and archives by what they point at, long
 * or multi-line text summarised, everything else as compact JSON.
 */
import { ARCHIVE_SIG, ASSET_SIG, SIG_KEY } from "../../provider/core/archive";
import { UNKNOWN, containsUnknown } from "../../provider/core/diff";

/** The engine's marker object for a secret (when a value is not already printed as "[secret]"). */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const MAX_LENGTH = 100;

function isSecret(value: unknown): boolean {
  if (value === "[secret]") return true;
  return !!value && typeof value === "object" && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (value && typeof value === "object") return Object.values(value).some(containsSecret);
  return false;
}

function assetOrArchive(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as Record<string, unknown>;
  const kind = v[SIG_KEY] === ARCHIVE_SIG ? "archive" : v[SIG_KEY] === ASSET_SIG ? "asset" : undefined;
  if (!kind) return undefined;
  if (typeof v.path === "string") return `${kind}(${v.path})`;
  if (v.assets && typeof v.assets === "object") return `${kind}(${Object.keys(v.assets).sort().join(", ")})`;
  return typeof v.text === "string" ? `${kind}(text, ${Buffer.byteLength(v.text)} B)` : kind;
}

/** Long values keep both ends: names and ids differ at the end as often as at the start. */
function shorten(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const half = Math.floor((MAX_LENGTH - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - half)}`;
}

/** `secret` marks a property the resource declares secret, whatever its value looks like. */
export function renderValue(value: unknown, secret = false): string {
  if (secret || isSecret(value)) return "[secret]";
  if (value === UNKNOWN || containsUnknown(value)) return "(known after update)";
  const asset = assetOrArchive(value);
  if (asset) return asset;
  if (typeof value === "string" && value.includes("\n"))
    return `(${value.replace(/\n$/, "").split("\n").length} lines, ${Buffer.byteLength(value)} B)`;
  // A map holding a secret member is shown with that member masked.
  if (value && typeof value === "object" && containsSecret(value))
    return shorten(JSON.stringify(value, (_k, v: unknown) => (isSecret(v) ? "[secret]" : v)));
  return shorten(JSON.stringify(value));
}

export const SECRET_TEXT = "[secret]";
export const UNKNOWN_TEXT = "(known after update)";

function maskSecrets(value: unknown): unknown {
  if (isSecret(value)) return SECRET_TEXT;
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  return value;
}

/**
 * A value as the JSON report gives it: the value itself, typed (numbers stay numbers, maps stay
 * maps), with secrets as "[secret]", values not known before the update as "(known after
 * update)" and assets or archives by what they point at.
 */
export function shownValue(value: unknown, secret = false): unknown {
  if (secret || isSecret(value)) return SECRET_TEXT;
  if (value === UNKNOWN || containsUnknown(value)) return UNKNOWN_TEXT;
  return assetOrArchive(value) ?? maskSecrets(value);
}

/** How shownValue describes an asset or archive: `archive(./dir)`, `asset(text, 12 B)`. */
const ASSET_TEXT = /^(archive|asset)(\(.*\))?$/s;

/**
 * The table text of a value shownValue produced; its markers print bare. (A plain string that
 * reads exactly like a marker prints bare too: a rare, harmless ambiguity in a table cell.)
 */
export function renderShown(value: unknown): string {
  if (value === SECRET_TEXT || value === UNKNOWN_TEXT) return value;
  if (typeof value === "string" && ASSET_TEXT.test(value)) return value;
  return renderValue(value);
}
