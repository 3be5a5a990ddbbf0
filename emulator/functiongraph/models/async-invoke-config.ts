/**
 * Async-invoke configuration of a function (docs/reference/functiongraph-api.md §7): one record per
 * function qualifier, stored under functiongraph → project → "asyncInvokeConfigs" keyed
 * "package/name" for latest and "package/name:<version or !alias>" for the others. PUT is
 * create-or-replace; deleting the function deletes its configs (§12).
 */
import { FgError, fgErrors } from "../errors";
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import { functionUrn, latestUrn } from "../urn";
import type { FunctionRecord } from "./function";

export const DESTINATIONS = ["OBS", "SMN", "DIS", "FunctionGraph"] as const;
export type DestinationType = (typeof DESTINATIONS)[number];

export interface Destination {
  destination: DestinationType;
  /** JSON text, as the platform stores it (§7.1). */
  param: string;
}

export interface AsyncConfigRecord {
  max_async_event_age_in_seconds: number;
  max_async_retry_attempts: number;
  destination_config: { on_success?: Destination; on_failure?: Destination };
  enable_async_status_log: boolean;
  created_time: string;
  last_modified: string;
  /** Status-log fields of newer SDKs, echoed as given. */
  extra: Record<string, unknown>;
}

/**
 * Limits of the PUT body. The request documentation says age 1–86400 (default 3600) and
 * retries 0–3 (default 1); the response documentation says age 60–86400 and retries 0–8
 * (default 3) [conflict, §7.1]. We follow the request documentation — it is what the
 * service validates on input — and keep the bounds here so one edit changes them.
 */
export const ASYNC_LIMITS = {
  minAge: 1,
  maxAge: 86_400,
  defaultAge: 3600,
  minRetries: 0,
  maxRetries: 3,
  defaultRetries: 1,
};

type Configs = Record<string, AsyncConfigRecord>;
/** `qualifier`: "" for latest, a version name or `!alias` (models/qualifier.ts qualifierKey). */
const key = (f: Pick<FunctionRecord, "package" | "func_name">, qualifier = "") =>
  `${f.package}/${f.func_name}${qualifier ? `:${qualifier}` : ""}`;

export function asyncConfigsOf(env: FgEnv, projectId: string): Configs {
  return env.store.bucket<Configs>(PLATFORM, projectId, "asyncInvokeConfigs", () => ({}));
}

function intIn(field: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw fgErrors.invalid(
      `invalid parameter ${field}: must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The param JSON each destination type needs (§7.1). */
const REQUIRED_PARAM: Record<DestinationType, string[]> = {
  OBS: ["bucket"],
  SMN: ["topic_urn"],
  DIS: ["stream_name"],
  FunctionGraph: ["func_urn"],
};

const isDestinationType = (v: unknown): v is DestinationType => DESTINATIONS.includes(v as DestinationType);

function destinationOf(field: string, raw: unknown): Destination | undefined {
  if (raw === undefined || raw === null) return undefined;
  const d = raw as { destination?: unknown; param?: unknown };
  if (typeof d !== "object" || !isDestinationType(d.destination)) {
    throw fgErrors.invalid(`invalid parameter ${field}.destination: must be one of ${DESTINATIONS.join(", ")}`);
  }
  let param: Record<string, unknown>;
  try {
    param = JSON.parse(String(d.param)) as Record<string, unknown>;
  } catch {
    throw fgErrors.invalid(`invalid parameter ${field}.param: must be a JSON object string`);
  }
  const missing = REQUIRED_PARAM[d.destination].filter((k) => typeof param?.[k] !== "string" || param[k] === "");
  if (missing.length > 0)
    throw fgErrors.invalid(`invalid parameter ${field}.param: ${d.destination} needs ${missing.join(", ")}`);
  return { destination: d.destination, param: String(d.param) };
}

const MODELLED = new Set([
  "max_async_event_age_in_seconds",
  "max_async_retry_attempts",
  "destination_config",
  "enable_async_status_log",
]);

/** A1: validates and stores (create-or-replace); created_time survives a replace. */
export function putAsyncConfig(
  env: FgEnv,
  projectId: string,
  fn: FunctionRecord,
  body: Record<string, unknown>,
  qualifier = "",
): AsyncConfigRecord {
  const dc = (body.destination_config ?? {}) as Record<string, unknown>;
  if (typeof dc !== "object") throw fgErrors.invalid("invalid parameter destination_config: must be an object");
  const onSuccess = destinationOf("destination_config.on_success", dc.on_success);
  const onFailure = destinationOf("destination_config.on_failure", dc.on_failure);
  const L = ASYNC_LIMITS;
  const now = rfc3339(env.clock.now());
  const configs = asyncConfigsOf(env, projectId);
  const record: AsyncConfigRecord = {
    max_async_event_age_in_seconds: intIn(
      "max_async_event_age_in_seconds",
      body.max_async_event_age_in_seconds,
      L.minAge,
      L.maxAge,
      L.defaultAge,
    ),
    max_async_retry_attempts: intIn(
      "max_async_retry_attempts",
      body.max_async_retry_attempts,
      L.minRetries,
      L.maxRetries,
      L.defaultRetries,
    ),
    destination_config: {
      ...(onSuccess ? { on_success: onSuccess } : {}),
      ...(onFailure ? { on_failure: onFailure } : {}),
    },
    enable_async_status_log: body.enable_async_status_log === true,
    created_time: configs[key(fn, qualifier)]?.created_time ?? now,
    last_modified: now,
    extra: Object.fromEntries(Object.entries(body).filter(([k]) => !MODELLED.has(k))),
  };
  configs[key(fn, qualifier)] = record;
  env.store.commit();
  return record;
}

export function findAsyncConfig(
  env: FgEnv,
  projectId: string,
  fn: FunctionRecord,
  qualifier = "",
): AsyncConfigRecord | undefined {
  return asyncConfigsOf(env, projectId)[key(fn, qualifier)];
}

/** Every config of the function (A4), latest first, with the qualifier each belongs to. */
export function asyncConfigsOfFunction(
  env: FgEnv,
  projectId: string,
  fn: FunctionRecord,
): { qualifier: string; config: AsyncConfigRecord }[] {
  const base = key(fn);
  return Object.entries(asyncConfigsOf(env, projectId))
    .filter(([k]) => k === base || k.startsWith(`${base}:`))
    .map(([k, config]) => ({ qualifier: k.slice(base.length + 1), config }))
    .sort((a, b) => (a.qualifier === "" ? -1 : b.qualifier === "" ? 1 : 0));
}

/** A2: 404 FSS.0404 when none is configured (the digest gives no specific code). */
export function getAsyncConfig(env: FgEnv, projectId: string, fn: FunctionRecord, qualifier = ""): AsyncConfigRecord {
  const record = findAsyncConfig(env, projectId, fn, qualifier);
  if (!record) throw new FgError(404, "FSS.0404", "not found the async invoke config of this function");
  return record;
}

/** A3 (and the cascade of a function delete). */
export function deleteAsyncConfig(
  env: FgEnv,
  projectId: string,
  fn: Pick<FunctionRecord, "package" | "func_name">,
  mustExist = true,
  qualifier = "",
): void {
  const configs = asyncConfigsOf(env, projectId);
  if (!mustExist && !qualifier) {
    // The cascade of a function delete: the configs of every qualifier go with it.
    for (const k of Object.keys(configs)) if (k === key(fn) || k.startsWith(`${key(fn)}:`)) delete configs[k];
    env.store.commit();
    return;
  }
  if (!configs[key(fn, qualifier)]) {
    if (mustExist) getAsyncConfig(env, projectId, fn as FunctionRecord, qualifier);
    return;
  }
  delete configs[key(fn, qualifier)];
  env.store.commit();
}

/** Response shape of A1/A2 and the items of A4. */
export function asyncConfigView(env: FgEnv, fn: FunctionRecord, c: AsyncConfigRecord, qualifier = "") {
  const { region, projectId } = env.creds;
  return {
    ...c.extra,
    func_urn: qualifier
      ? `${functionUrn(region, projectId, fn.package, fn.func_name)}:${qualifier}`
      : latestUrn(region, projectId, fn.package, fn.func_name),
    max_async_event_age_in_seconds: c.max_async_event_age_in_seconds,
    max_async_retry_attempts: c.max_async_retry_attempts,
    destination_config: JSON.parse(JSON.stringify(c.destination_config)) as AsyncConfigRecord["destination_config"],
    created_time: c.created_time,
    last_modified: c.last_modified,
    enable_async_status_log: c.enable_async_status_log,
  };
}
