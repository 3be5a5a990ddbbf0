/**
 * Function state and rules (create, read, update config/code, delete). Records are plain JSON in
 * the store under functiongraph → project → "functions", keyed "package/name" in creation order.
 */
import { sha512Hex as sha512 } from "../../../platform/common/hash";
import { randomString } from "../../core/ids";
import { fgErrors } from "../errors";
import { PLATFORM, rfc3339, type FgEnv } from "../env";
import type { CreateFunctionBody, UpdateCodeBody, UpdateConfigBody } from "../schemas";
import type { FunctionRef } from "../urn";
import * as V from "../validation";
import { deleteAsyncConfig } from "./async-invoke-config";
import { checkConfigFields } from "../config-validation";
import { ltsBindingOf, mergedStrategy, type LtsBinding } from "./function-config";

/** Optional config fields the emulator stores and echoes without modelling them. */
type Extra = Record<string, unknown>;

export interface FunctionRecord {
  func_id: string;
  func_name: string;
  package: string;
  runtime: string;
  timeout: number;
  handler: string;
  memory_size: number;
  code_type: string;
  code_url: string;
  code_filename: string;
  code_size: number;
  digest: string;
  /** Base64 of the code bytes (inline/zip/jar); kept so invoke works after a restart. */
  code_base64: string;
  user_data: string;
  /** Stored verbatim (the emulator's stand-in for KMS); never returned. */
  encrypted_user_data: string;
  description: string;
  xrole: string;
  app_xrole: string;
  type: string;
  enterprise_project_id: string;
  strategy_config: Record<string, unknown>;
  depend_version_list: string[];
  image_name: string;
  last_modified: string;
  extra: Extra;
  /** LTS group and stream (from log_config or auto-created); absent when logging is off. */
  lts?: LtsBinding;
}

type Functions = Record<string, FunctionRecord>;

const MODELLED = new Set([
  "func_name",
  "package",
  "runtime",
  "timeout",
  "handler",
  "memory_size",
  "code_type",
  "code_url",
  "code_filename",
  "func_code",
  "user_data",
  "encrypted_user_data",
  "description",
  "xrole",
  "app_xrole",
  "type",
  "enterprise_project_id",
  "strategy_config",
  "depend_version_list",
  "log_config",
]);

const extraOf = (body: Record<string, unknown>): Extra =>
  Object.fromEntries(Object.entries(body).filter(([k]) => !MODELLED.has(k)));
const key = (pkg: string, name: string) => `${pkg}/${name}`;

export function functionsOf(env: FgEnv, projectId: string): Functions {
  return env.store.bucket<Functions>(PLATFORM, projectId, "functions", () => ({}));
}

/** `latest-yyMMddHHmmss@xxxxx` (docs/reference/functiongraph-api.md §2.1). */
function imageName(env: FgEnv, now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return `latest-${stamp}@${randomString(env.ids, 5)}`;
}

interface CodeFields {
  code_type: string;
  code_url: string;
  code_filename: string;
  code_base64: string;
  code_size: number;
  digest: string;
}

/**
 * Validates and digests code. digest = SHA-512 hex of the decoded bytes (§2.1). For obs code
 * the emulator has no bytes (it never fetches OBS), so it digests the URL: changing the URL still
 * changes the digest, which is what drift detection relies on.
 */
function codeFields(
  body: { code_type?: string; code_url?: string; code_filename?: string; func_code?: { file?: string } },
  runtime: string,
): CodeFields {
  const codeType = body.code_type ?? (runtime === "Custom Image" ? "Custom-Image-Swr" : undefined);
  if (codeType === undefined) throw fgErrors.validation("FSS.1006", "code_type is required");
  V.checkCodeType(codeType);
  if (codeType === "obs") {
    if (!body.code_url) throw fgErrors.validation("FSS.1010", "code_url is required for code_type obs");
    return {
      code_type: codeType,
      code_url: body.code_url,
      code_filename: body.code_filename ?? "",
      code_base64: "",
      code_size: 0,
      digest: sha512(body.code_url),
    };
  }
  if (codeType === "Custom-Image-Swr") {
    return { code_type: codeType, code_url: "", code_filename: "", code_base64: "", code_size: 0, digest: sha512("") };
  }
  const bytes = V.decodeCode(codeType as "inline" | "zip" | "jar", body.func_code?.file);
  if (body.code_filename !== undefined) V.checkCodeFilename(body.code_filename);
  const filename = body.code_filename ?? (codeType === "inline" ? "" : codeType === "jar" ? "app.jar" : "index.zip");
  return {
    code_type: codeType,
    code_url: "",
    code_filename: filename,
    code_base64: bytes.toString("base64"),
    code_size: bytes.length,
    digest: sha512(bytes),
  };
}

function checkConfig(
  body: {
    handler: string;
    memory_size: number;
    timeout: number;
    user_data?: string;
    encrypted_user_data?: string;
    description?: string;
  } & Parameters<typeof checkConfigFields>[0],
  runtime: string,
): void {
  V.checkHandler(body.handler, runtime);
  V.checkMemory(body.memory_size);
  V.checkTimeout(body.timeout);
  if (body.user_data) V.parseUserData("user_data", body.user_data);
  if (body.encrypted_user_data) V.parseUserData("encrypted_user_data", body.encrypted_user_data);
  if (body.description !== undefined) V.checkDescription(body.description);
  checkConfigFields(body, runtime);
}

export function createFunction(env: FgEnv, projectId: string, body: CreateFunctionBody): FunctionRecord {
  V.checkFuncName(body.func_name);
  V.checkPackage(body.package);
  V.checkRuntime(body.runtime);
  // An image function may leave code_type out (§3.3); its image rules apply all the same.
  const imageDefault = body.runtime === "Custom Image" ? "Custom-Image-Swr" : undefined;
  checkConfig({ ...body, code_type: body.code_type ?? imageDefault }, body.runtime);
  if (body.type !== undefined && body.type !== "v1" && body.type !== "v2")
    throw fgErrors.invalid(`invalid type ${JSON.stringify(body.type)}; allowed: v1, v2`);
  const code = codeFields(body, body.runtime);
  const functions = functionsOf(env, projectId);
  if (functions[key(body.package, body.func_name)]) throw fgErrors.functionExists(body.func_name);
  const now = env.clock.now();
  const record: FunctionRecord = {
    func_id: env.ids.uuid(),
    func_name: body.func_name,
    package: body.package,
    runtime: body.runtime,
    timeout: body.timeout,
    handler: body.handler,
    memory_size: body.memory_size,
    ...code,
    user_data: body.user_data ?? "",
    encrypted_user_data: body.encrypted_user_data ?? "",
    description: body.description ?? "",
    xrole: body.xrole ?? "",
    app_xrole: body.app_xrole ?? "",
    type: body.type ?? "v2",
    enterprise_project_id: body.enterprise_project_id ?? "0",
    // Defaults per §12: concurrency 400 (v2), one request per instance.
    strategy_config: mergedStrategy(undefined, body.strategy_config),
    depend_version_list: body.depend_version_list ?? [],
    image_name: imageName(env, now),
    last_modified: rfc3339(now),
    extra: extraOf(body),
    lts: ltsBindingOf(env, projectId, body.func_name, body, undefined),
  };
  functions[key(record.package, record.func_name)] = record;
  env.store.commit();
  return record;
}

/** The function a URN designates; versions and aliases do not exist yet in the emulator. */
export function getFunction(env: FgEnv, projectId: string, ref: FunctionRef): FunctionRecord {
  const record = functionsOf(env, projectId)[key(ref.package, ref.name)];
  if (!record) throw fgErrors.functionNotFound();
  if (ref.qualifier.kind === "version") throw fgErrors.versionNotFound();
  if (ref.qualifier.kind === "alias") throw fgErrors.aliasNotFound();
  return record;
}

export function listFunctions(env: FgEnv, projectId: string, packageName?: string): FunctionRecord[] {
  return Object.values(functionsOf(env, projectId)).filter(
    (f) => packageName === undefined || f.package === packageName,
  );
}

/**
 * F4 is a full replacement: optional fields left out are cleared (TF relies on that, §3.8). Kept
 * when omitted: strategy_config (max instances belongs to F10) and enterprise_project_id; see
 * mergedStrategy in function-config.ts for why.
 */
export function updateConfig(env: FgEnv, projectId: string, ref: FunctionRef, body: UpdateConfigBody): FunctionRecord {
  const record = getFunction(env, projectId, ref);
  if (body.func_name !== undefined && body.func_name !== record.func_name)
    throw fgErrors.validation("FSS.1002", "func_name cannot be changed");
  if (body.runtime !== record.runtime)
    throw fgErrors.validation("FSS.1005", `runtime cannot be changed (function runtime is ${record.runtime})`);
  checkConfig(body, record.runtime);
  Object.assign(record, {
    timeout: body.timeout,
    handler: body.handler,
    memory_size: body.memory_size,
    user_data: body.user_data ?? "",
    encrypted_user_data: body.encrypted_user_data ?? "",
    description: body.description ?? "",
    xrole: body.xrole ?? "",
    app_xrole: body.app_xrole ?? "",
    enterprise_project_id: body.enterprise_project_id ?? record.enterprise_project_id,
    strategy_config: mergedStrategy(record.strategy_config, body.strategy_config),
    last_modified: rfc3339(env.clock.now()),
    extra: extraOf(body),
    lts: ltsBindingOf(env, projectId, record.func_name, body, record.lts),
  });
  if (record.lts === undefined) delete record.lts;
  env.store.commit();
  return record;
}

export function updateCode(env: FgEnv, projectId: string, ref: FunctionRef, body: UpdateCodeBody): FunctionRecord {
  const record = getFunction(env, projectId, ref);
  const now = env.clock.now();
  Object.assign(record, codeFields(body, record.runtime), {
    last_modified: rfc3339(now),
    image_name: imageName(env, now),
  });
  if (body.depend_version_list !== undefined) record.depend_version_list = body.depend_version_list;
  env.store.commit();
  return record;
}

/**
 * F7. An unqualified URN deletes the whole function. `:latest` is refused: the digest (§2.1)
 * says the latest version alone cannot be deleted, and TF strips the qualifier for that reason;
 * answering 400 with a pointed message catches clients that forget to (instead of silently
 * deleting everything, which a version-qualified delete must never do).
 */
export function deleteFunction(env: FgEnv, projectId: string, ref: FunctionRef): void {
  getFunction(env, projectId, ref);
  if (ref.qualified)
    throw fgErrors.invalid(
      "the latest version cannot be deleted; use the URN without a version to delete the function",
    );
  delete functionsOf(env, projectId)[key(ref.package, ref.name)];
  deleteAsyncConfig(env, projectId, { package: ref.package, func_name: ref.name }, false);
  env.store.commit();
}
