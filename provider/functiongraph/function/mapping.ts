/**
 * Pure mappings between our camelCase properties and the FunctionGraph wire format, and the
 * normalisers that keep defaults from ever showing up as diffs. No I/O except building zips.
 */
import { dropUndefined } from "../../core/check";
import { archiveToZip, zipBase64, zipSha256 } from "../../core/archive";
import { MANIFEST_INPUT } from "../../core/code-manifest";
import { slowHash } from "../../core/slow-hash";
import { Normalizers, UNKNOWN, containsUnknown } from "../../core/diff";
import { CodeInfo, CreateFunctionBody, FunctionInfo, UpdateCodeBody, UpdateConfigBody } from "../api";
import { CONFIG_NORMALIZERS, configWire, liveConfig } from "./mapping-config";
import type { Upload } from "./code-upload";
import {
  ComputedOutputs,
  DEFAULTS,
  FunctionInputs,
  FunctionOutputs,
  HIDDEN_INPUTS,
  INPUT_PROPERTIES,
  canonicalEnv,
} from "./schema";

/** The name FunctionGraph stores for an uploaded zip. */
const CODE_FILENAME = "index.zip";

/**
 * Hash of the encrypted environment: lets diff see changes without storing the values. It is
 * a deliberately slow scrypt hash because it lands in the state's inputs, which the engine does
 * not mark secret (only outputs get `additionalSecretOutputs`): guessing short values is costly.
 * Computed off the event loop, once per process per value (core/slow-hash.ts).
 */
export async function envHash(env: Record<string, string> | undefined): Promise<string | undefined> {
  if (env === undefined || containsUnknown(env)) return env === undefined ? undefined : UNKNOWN;
  const text = canonicalEnv(env);
  return text === "" ? undefined : slowHash(text, "cloudfn:functiongraph:encryptedEnvironment");
}

/**
 * Deterministic zip of `code` and its hash; undefined for codeUrl functions. `checkedHash` (the
 * codeHash check recorded; create and update pass it) reuses the zip check built (archive.ts).
 */
export async function buildCode(
  inputs: Pick<FunctionInputs, "code">,
  checkedHash?: string,
): Promise<{ zip: Buffer; hash: string } | undefined> {
  if (inputs.code === undefined) return undefined;
  const zip = await archiveToZip(inputs.code, checkedHash);
  return { zip, hash: zipSha256(zip) };
}

function parseUserData(text: string | null | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const entries = Object.entries(parsed).map(([k, v]): [string, string] => [
      k,
      typeof v === "string" ? v : JSON.stringify(v),
    ]);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  } catch {
    return { USER_DATA: text };
  }
}

/** The code fields of F1 and F6: an image, inline source, a zip, or an OBS URL. */
function codeFields(inputs: FunctionInputs, code: Upload | undefined) {
  const filename = inputs.codeFilename;
  if (inputs.customImage) return { code_type: "Custom-Image-Swr" as const, func_code: {} };
  if (code?.inline) {
    const file = code.inline.data.toString("base64");
    return { code_type: "inline" as const, code_filename: filename ?? code.inline.name, func_code: { file } };
  }
  if (code?.zip)
    return {
      code_type: "zip" as const,
      code_filename: filename ?? CODE_FILENAME,
      func_code: { file: zipBase64(code.zip) },
    };
  return { code_type: "obs" as const, code_url: inputs.codeUrl, func_code: {} };
}

function userData(inputs: FunctionInputs): { user_data?: string; encrypted_user_data?: string } {
  const plain = canonicalEnv(inputs.environment);
  const secret = canonicalEnv(inputs.encryptedEnvironment);
  return { ...(plain ? { user_data: plain } : {}), ...(secret ? { encrypted_user_data: secret } : {}) };
}

export function createBody(inputs: FunctionInputs, upload: Upload | undefined): CreateFunctionBody {
  const { func_code, ...code } = codeFields(inputs, upload);
  return {
    func_name: inputs.name,
    package: inputs.package,
    runtime: inputs.runtime,
    handler: inputs.handler,
    memory_size: inputs.memorySize,
    timeout: inputs.timeout,
    description: inputs.description,
    ...code,
    ...(func_code.file ? { func_code } : {}),
    ...userData(inputs),
    ...configWire(inputs),
  };
}

/** Full-replacement config: description is always sent so it can be cleared, env too. */
export function configBody(inputs: FunctionInputs): UpdateConfigBody {
  return {
    func_name: inputs.name,
    runtime: inputs.runtime,
    handler: inputs.handler,
    memory_size: inputs.memorySize,
    timeout: inputs.timeout,
    description: inputs.description,
    ...userData(inputs),
  };
}

export function codeBody(inputs: FunctionInputs, upload: Upload | undefined): UpdateCodeBody {
  return { ...codeFields(inputs, upload), depend_version_list: inputs.dependencyVersionIds ?? [] };
}

/** What FunctionGraph computed, from a function object and (optionally) a newer code object. */
export function computedFrom(info: FunctionInfo, code?: CodeInfo): ComputedOutputs {
  return {
    funcUrn: info.func_urn,
    funcId: info.func_id ?? "",
    digest: code?.digest ?? info.digest ?? "",
    codeSize: code?.code_size ?? info.code_size ?? 0,
    lastModified: String(code?.last_modified ?? info.last_modified ?? ""),
    cpu: info.cpu ?? 0,
    version: info.version ?? "latest",
    codeType: code?.code_type ?? info.code_type ?? "",
  };
}

/**
 * Outputs after create/update: the desired inputs (just applied) plus computed fields. The
 * encrypted environment's hash is the one check put in the inputs; the code manifest stays in
 * the inputs only (the engine keeps those, and the review reads them there).
 */
export function outputsFrom(
  inputs: FunctionInputs,
  codeHash: string | undefined,
  computed: ReturnType<typeof computedFrom>,
): FunctionOutputs {
  const {
    encryptedEnvironment: _env,
    adopt: _adopt,
    // codeType is an input and a computed output: the platform's answer wins.
    codeType: _declared,
    [MANIFEST_INPUT]: _manifest,
    ...rest
  } = inputs as FunctionInputs & Record<string, unknown>;
  return dropUndefined({ ...rest, codeHash, ...computed });
}

/**
 * Outputs from the live config (read). Code content is never returned by the platform, so the
 * archive and its hash are carried over — unless the live digest moved, in which case the code
 * was changed out of band and `codeHash` is set to a value no archive hashes to, so the next
 * preview shows a code update that restores the declared code.
 */
export function liveOutputs(info: FunctionInfo, old: Partial<FunctionOutputs>): FunctionOutputs {
  const computed = computedFrom(info);
  const drifted = old.digest !== undefined && old.digest !== "" && computed.digest !== old.digest;
  const obs = info.code_type === "obs";
  return dropUndefined({
    name: info.func_name,
    package: info.package,
    runtime: info.runtime,
    handler: info.handler,
    memorySize: info.memory_size,
    timeout: info.timeout,
    description: info.description ?? "",
    environment: parseUserData(info.user_data),
    dependencyVersionIds: info.depend_version_list?.length ? [...info.depend_version_list] : undefined,
    code: obs ? undefined : old.code,
    codeUrl: obs ? (info.code_url ?? old.codeUrl) : undefined,
    codeHash: drifted ? `drift:${computed.digest.slice(0, 32)}` : obs ? undefined : old.codeHash,
    encryptedEnvironmentHash: old.encryptedEnvironmentHash,
    codeFilename: old.codeFilename === undefined ? undefined : (info as { code_filename?: string }).code_filename,
    ...liveConfig(info, old),
    ...computed,
  });
}

/**
 * The inputs `read` reports, so that refresh followed by preview is clean: the declared ones,
 * the hidden hashes, and the funcUrn that `check` predicts (it is always predictable, since the
 * settings it needs are required anyway).
 */
export function inputsFrom(outs: FunctionOutputs): FunctionInputs {
  const keys = [...INPUT_PROPERTIES, ...HIDDEN_INPUTS, "funcUrn"] as string[];
  // codeType is always an output; as an input only `inline` says more than the code itself does.
  const declared = (k: string, v: unknown) => keys.includes(k) && (k !== "codeType" || v === "inline");
  return dropUndefined(
    Object.fromEntries(Object.entries(outs).filter(([k, v]) => declared(k, v))),
  ) as unknown as FunctionInputs;
}

/** Maps each compared field to its canonical form: absent ≡ default, order-free lists. */
export const NORMALIZERS: Normalizers = {
  ...CONFIG_NORMALIZERS,
  package: (v) => v ?? DEFAULTS.package,
  memorySize: (v) => v ?? DEFAULTS.memorySize,
  timeout: (v) => v ?? DEFAULTS.timeout,
  description: (v) => v ?? DEFAULTS.description,
  environment: (v) => canonicalEnv(v as Record<string, string> | undefined),
  dependencyVersionIds: (v) => [...((v as string[] | undefined) ?? [])].sort(),
};
