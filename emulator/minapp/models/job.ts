/**
 * Job records (docs/reference/minapp-api.md §3.5): every invocation — job, debug, legacy v1 — is one, listed newest
 * first by GET …/:name/job/ with the documented filters.
 */
import type { Query } from "../../core/http";
import { queryValue } from "../../core/http";
import { randomString } from "../../core/ids";
import { unixFloat, type MinAppEnv } from "../env";
import { minappErrors } from "../errors";
import type { CloudFunction } from "./cloud-function";
import { namespaceOf, nextId, PRODUCTION } from "./state";

/** Union of the Open API and user-dash source lists (§3.5). */
export const JOB_SOURCES = [
  "sdk",
  "open_api",
  "cloud_function",
  "flex_schema",
  "wechat_pay_success",
  "timer",
  "file_operation",
  "alipay_pay_success",
  "qpay_success",
  "baidu_pay_success",
  "user_dash",
  "incoming_webhook",
  "wechat_message",
  "user_activity",
] as const;
/** `debug` accepts only these subjects (the Open API list). */
export const DEBUG_SUBJECTS = JOB_SOURCES.slice(0, 7);
export const JOB_STATUSES = [
  "waiting",
  "executing",
  "fulfilled",
  "schedule_failed",
  "execution_rejected",
  "deadline_exceeded",
  "execution_failed",
] as const;
/** time_sensitive = sync, batch = async ([inferred] in the digest). */
export const SERVICE_TYPES = ["time_sensitive", "batch"] as const;

/** Log kept per job (tail), enough for tests and the user_log_url endpoint. */
const LOG_KEEP_CHARS = 64 * 1024;

export interface JobRecord {
  id: number;
  /** 32 hex chars: the id `debug` answers with (a different format from `id`, §3.4). */
  job_id: string;
  function_id: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  mem_usage: number;
  service_type: string;
  source: string;
  status: string;
  log: string;
}

/** A new job in status "waiting", stored at once so it is listed while it runs. */
export function createJob(
  env: MinAppEnv,
  envKey: string,
  fn: CloudFunction,
  source: string,
  serviceType: string,
): JobRecord {
  const job: JobRecord = {
    id: nextId(env, "job"),
    job_id: randomString(env.ids, 32, "0123456789abcdef"),
    function_id: fn.id,
    created_at: unixFloat(env.clock.now()),
    started_at: null,
    finished_at: null,
    mem_usage: 0,
    service_type: serviceType,
    source,
    status: "waiting",
    log: "",
  };
  (namespaceOf(env, envKey).jobs[String(fn.id)] ??= []).push(job);
  env.store.commit();
  return job;
}

export function markStarted(env: MinAppEnv, job: JobRecord): void {
  job.status = "executing";
  job.started_at = unixFloat(env.clock.now());
  env.store.commit();
}

export function markFinished(env: MinAppEnv, job: JobRecord, status: string, log: string, memUsage: number): void {
  job.status = status;
  job.finished_at = unixFloat(env.clock.now());
  job.log = log.length > LOG_KEEP_CHARS ? log.slice(log.length - LOG_KEEP_CHARS) : log;
  job.mem_usage = memUsage;
  env.store.commit();
}

function oneOf(q: Query, name: string, allowed: readonly string[]): string | undefined {
  const v = queryValue(q, name);
  if (v === undefined) return undefined;
  if (!allowed.includes(v)) throw minappErrors.invalid(`${name} must be one of ${allowed.join(", ")}`);
  return v;
}

function unixBound(q: Query, name: string): number | undefined {
  const v = queryValue(q, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw minappErrors.invalid(`${name} must be an integer Unix timestamp`);
  return Number(v);
}

export interface JobFilter {
  /** The filters as given, repeated in pagination links. */
  given: Record<string, string>;
  matches: (job: JobRecord) => boolean;
}

/** Parses source / status / service_type / created_at__gte / created_at__lte (400 if invalid). */
export function jobFilter(q: Query): JobFilter {
  const source = oneOf(q, "source", JOB_SOURCES);
  const status = oneOf(q, "status", JOB_STATUSES);
  const serviceType = oneOf(q, "service_type", SERVICE_TYPES);
  const gte = unixBound(q, "created_at__gte");
  const lte = unixBound(q, "created_at__lte");
  const given: Record<string, string> = {};
  for (const k of ["source", "status", "service_type", "created_at__gte", "created_at__lte"]) {
    const v = queryValue(q, k);
    if (v !== undefined) given[k] = v;
  }
  return {
    given,
    matches: (j) =>
      (source === undefined || j.source === source) &&
      (status === undefined || j.status === status) &&
      (serviceType === undefined || j.service_type === serviceType) &&
      (gte === undefined || j.created_at >= gte) &&
      (lte === undefined || j.created_at <= lte),
  };
}

/** Jobs of one function, newest first. */
export function jobsOf(env: MinAppEnv, envKey: string, fn: CloudFunction): JobRecord[] {
  return [...(namespaceOf(env, envKey).jobs[String(fn.id)] ?? [])].reverse();
}

/** Finds a job by its integer id anywhere in the app (for the log URL). */
export function findJob(env: MinAppEnv, id: number): JobRecord | undefined {
  for (const envKey of [PRODUCTION, ...env.creds.environments]) {
    const ns = namespaceOf(env, envKey);
    for (const jobs of Object.values(ns.jobs)) {
      const hit = jobs.find((j) => j.id === id);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * The wire form (§3.5). The log is not part of it: `user_log_url` points at the emulator's own
 * log endpoint (the real platform hands out a pre-signed object-storage URL).
 */
export function jobView(job: JobRecord, baseUrl: string): Record<string, unknown> {
  return {
    created_at: job.created_at,
    finished_at: job.finished_at,
    id: job.id,
    mem_usage: job.mem_usage,
    service_type: job.service_type,
    source: job.source,
    started_at: job.started_at,
    status: job.status,
    user_log_url: `${baseUrl}/_emulator/minapp/job-logs/${job.id}.log`,
  };
}
