/** The cloud-function object (docs/reference/minapp-api.md §3.1) and its create / update / delete rules (§3.2, §5). */
import { unixSeconds, type MinAppEnv } from "../env";
import { minappErrors } from "../errors";
import type { JsonObject } from "../body";
import { namespaceOf, nextId } from "./state";
import { AUDIT_STATUSES, DEFAULT_PLAN_CIRCLE, PLAN_CIRCLES } from "../../../platform/minapp/cloud-function";

export interface CloudFunction {
  id: number;
  name: string;
  function_code: string;
  remark: string;
  plan_circle: string;
  audit_status: string;
  created_at: number;
  updated_at: number;
  created_by: string;
  updated_by: string;
}

function requireNonEmpty(body: JsonObject, field: "name" | "function_code"): string {
  const v = body[field];
  if (typeof v !== "string" || v === "") throw minappErrors.invalid(`${field} must be a non-empty string`);
  // The name is the URL key (one path segment), so a slash could never be addressed again.
  if (field === "name" && v.includes("/")) throw minappErrors.invalid("name must not contain '/'");
  return v;
}

function optionalRemark(body: JsonObject): string | undefined {
  const v = body.remark;
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw minappErrors.invalid("remark must be a string");
  return v;
}

export function getFunction(env: MinAppEnv, envKey: string, name: string): CloudFunction {
  const fn = namespaceOf(env, envKey).functions[name];
  if (!fn) throw minappErrors.notFound();
  return fn;
}

/** Newest first: the documented list example shows the higher id first (§4). */
export function listFunctions(env: MinAppEnv, envKey: string): CloudFunction[] {
  return Object.values(namespaceOf(env, envKey).functions).sort((a, b) => b.id - a.id);
}

/**
 * `plan_circle` is not accepted on create (removed from the docs as unsupported, §3.2):
 * like any unknown field it is ignored and the function starts on P_FREE.
 */
export function createFunction(env: MinAppEnv, envKey: string, body: JsonObject): CloudFunction {
  const name = requireNonEmpty(body, "name");
  const code = requireNonEmpty(body, "function_code");
  const remark = optionalRemark(body) ?? "";
  const ns = namespaceOf(env, envKey);
  // The duplicate-name answer is undocumented ([unknown], §10); a 400 like other validation.
  if (ns.functions[name]) throw minappErrors.invalid(`cloud function ${name} already exists`);
  const now = unixSeconds(env.clock.now());
  const fn: CloudFunction = {
    id: nextId(env, "function"),
    name,
    function_code: code,
    remark,
    plan_circle: DEFAULT_PLAN_CIRCLE,
    audit_status: "approved",
    created_at: now,
    updated_at: now,
    created_by: "",
    updated_by: "",
  };
  ns.functions[name] = fn;
  env.store.commit();
  return fn;
}

/** PATCH: every field optional; a new `name` renames (the old URL is gone afterwards). */
export function updateFunction(env: MinAppEnv, envKey: string, name: string, body: JsonObject): CloudFunction {
  const ns = namespaceOf(env, envKey);
  const fn = getFunction(env, envKey, name);
  const newName = body.name === undefined ? undefined : requireNonEmpty(body, "name");
  const code = body.function_code === undefined ? undefined : requireNonEmpty(body, "function_code");
  const remark = optionalRemark(body);
  const plan = body.plan_circle;
  if (plan !== undefined && !PLAN_CIRCLES.includes(plan as never))
    throw minappErrors.invalid(`plan_circle must be one of ${PLAN_CIRCLES.join(", ")}`);
  if (newName !== undefined && newName !== name && ns.functions[newName])
    throw minappErrors.invalid(`cloud function ${newName} already exists`);
  if (code !== undefined) fn.function_code = code;
  if (remark !== undefined) fn.remark = remark;
  if (plan !== undefined) fn.plan_circle = plan as string;
  if (newName !== undefined && newName !== name) {
    delete ns.functions[name];
    fn.name = newName;
    ns.functions[newName] = fn;
  }
  fn.updated_at = unixSeconds(env.clock.now());
  env.store.commit();
  return fn;
}

export function deleteFunction(env: MinAppEnv, envKey: string, name: string): void {
  const ns = namespaceOf(env, envKey);
  const fn = getFunction(env, envKey, name);
  delete ns.functions[name];
  delete ns.jobs[String(fn.id)];
  env.store.commit();
}

/** Test control: force the review status (§10 asks for waiting/rejected on demand). */
export function setAuditStatus(env: MinAppEnv, envKey: string, name: string, status: unknown): CloudFunction {
  if (!AUDIT_STATUSES.includes(status as never))
    throw minappErrors.invalid(`audit_status must be one of ${AUDIT_STATUSES.join(", ")}`);
  const fn = getFunction(env, envKey, name);
  fn.audit_status = status as string;
  env.store.commit();
  return fn;
}
