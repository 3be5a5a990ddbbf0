/** Response shapes of a function record (docs/reference/functiongraph-api.md §3.3–§3.7), computed like the platform. */
import type { FgEnv } from "../env";
import { functionUrn, latestUrn } from "../urn";
import type { FunctionRecord } from "./function";
import { configOutputs } from "./function-config";
import { findReserved } from "./reserved-instances";

/** Reserved instances of `latest`, as the function object reports them. */
function latestReserved(env: FgEnv, f: FunctionRecord) {
  const found = findReserved(env, env.creds.projectId, f, { qualifier_type: "version", qualifier_name: "latest" });
  return { count: found?.count ?? 0, idle_mode: found?.idle_mode ?? false };
}

/**
 * encrypted_user_data is write-only: responses keep the keys but blank every value, so a client
 * can see which variables exist without the emulator ever echoing a secret.
 */
export function maskEncrypted(value: string): string {
  if (!value) return "";
  try {
    return JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(value) as object).map((k) => [k, ""])));
  } catch {
    return "";
  }
}

/** cpu in millicores = memory/128 × 100 + 200 (§3.1). */
export const cpuFor = (memory: number) => (memory / 128) * 100 + 200;

function common(env: FgEnv, f: FunctionRecord) {
  const { projectId, region, domainId } = env.creds;
  return {
    ...configOutputs(f.extra, f.lts, latestReserved(env, f)),
    func_id: f.func_id,
    resource_id: `${f.func_id}:${f.func_name}`,
    func_urn: latestUrn(region, projectId, f.package, f.func_name),
    func_name: f.func_name,
    domain_id: domainId,
    namespace: projectId,
    project_name: region,
    package: f.package,
    runtime: f.runtime,
    timeout: f.timeout,
    handler: f.handler,
    memory_size: f.memory_size,
    cpu: cpuFor(f.memory_size),
    code_type: f.code_type,
    code_url: f.code_url,
    code_filename: f.code_filename,
    code_size: f.code_size,
    user_data: f.user_data,
    encrypted_user_data: maskEncrypted(f.encrypted_user_data),
    digest: f.digest,
    version: "latest",
    image_name: f.image_name,
    xrole: f.xrole,
    app_xrole: f.app_xrole,
    description: f.description,
    last_modified: f.last_modified,
    strategy_config: { ...f.strategy_config },
    enterprise_project_id: f.enterprise_project_id,
    type: f.type,
  };
}

/** F1 create / F3 get config response. */
export function configView(env: FgEnv, f: FunctionRecord) {
  return { ...common(env, f), depend_version_list: [...f.depend_version_list], depend_list: [], dependencies: [] };
}

/** F4 update config response: as F3 without the depend_* keys (§3.8). */
export function updatedConfigView(env: FgEnv, f: FunctionRecord) {
  return common(env, f);
}

/** F2 list item: URN without version (§2.1). */
export function listItemView(env: FgEnv, f: FunctionRecord) {
  const { func_id: _id, ...rest } = common(env, f);
  return { ...rest, func_urn: functionUrn(env.creds.region, env.creds.projectId, f.package, f.func_name) };
}

/** F5 get code / F6 update code response: code content is never returned. */
export function codeView(env: FgEnv, f: FunctionRecord) {
  return {
    func_urn: latestUrn(env.creds.region, env.creds.projectId, f.package, f.func_name),
    func_name: f.func_name,
    domain_id: env.creds.domainId,
    runtime: f.runtime,
    code_type: f.code_type,
    code_url: f.code_url,
    code_filename: f.code_filename,
    code_size: f.code_size,
    digest: f.digest,
    last_modified: f.last_modified,
    func_code: { file: "", link: "" },
    depend_list: [],
    depend_version_list: [...f.depend_version_list],
    strategy_config: { ...f.strategy_config },
    dependencies: [],
  };
}
