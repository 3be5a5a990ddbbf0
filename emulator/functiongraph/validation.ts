/**
 * Field rules of create/update (docs/reference/functiongraph-api.md §3.1) with the FSS codes the platform returns. Pure:
 * each check throws an FgError, so the unit tests pin codes and messages exactly.
 */
import { fgErrors } from "./errors";
import * as L from "./limits";
import { unsafeZipReason } from "../core/zip-entries";
import { handlerProblem } from "../../platform/functiongraph/handler";

const NAME_RE = new RegExp(
  `^[A-Za-z](?:[A-Za-z0-9_-]{${Math.max(0, L.FUNC_NAME_MIN_LENGTH - 2)},${L.FUNC_NAME_MAX_LENGTH - 2}}[A-Za-z0-9])?$`,
);

export function checkFuncName(name: string): void {
  if (name.length < L.FUNC_NAME_MIN_LENGTH || name.length > L.FUNC_NAME_MAX_LENGTH || !NAME_RE.test(name)) {
    throw fgErrors.validation(
      "FSS.1002",
      `invalid func_name ${JSON.stringify(name)}: ${L.FUNC_NAME_MIN_LENGTH}-${L.FUNC_NAME_MAX_LENGTH} letters, digits, '-' or '_', starting with a letter and ending with a letter or digit`,
    );
  }
}

/** Package (app) names end up inside URNs, so ':' and '/' cannot be allowed. */
export function checkPackage(pkg: string): void {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(pkg))
    throw fgErrors.validation("FSS.1004", `invalid package ${JSON.stringify(pkg)}`);
}

export function checkRuntime(runtime: string): void {
  if (!(L.RUNTIMES as readonly string[]).includes(runtime)) {
    throw fgErrors.validation(
      "FSS.1005",
      `invalid runtime ${JSON.stringify(runtime)}; allowed: ${L.RUNTIMES.join(", ")}`,
    );
  }
}

/** The shared rule (platform/functiongraph/handler.ts), answered with the platform's code. */
export function checkHandler(handler: string, runtime: string): void {
  const problem = handlerProblem(handler, runtime);
  if (problem !== undefined) throw fgErrors.validation("FSS.1003", `invalid handler: ${problem}`);
}

export function checkMemory(memory: number): void {
  if (!(L.MEMORY_SIZES as readonly number[]).includes(memory)) {
    throw fgErrors.validation("FSS.1007", `invalid memory_size ${memory}; allowed: ${L.MEMORY_SIZES.join(", ")}`);
  }
}

export function checkTimeout(timeout: number): void {
  if (!Number.isInteger(timeout) || timeout < L.TIMEOUT_MIN_S || timeout > L.TIMEOUT_MAX_S) {
    throw fgErrors.validation(
      "FSS.1008",
      `invalid timeout ${timeout}; must be an integer from ${L.TIMEOUT_MIN_S} to ${L.TIMEOUT_MAX_S}`,
    );
  }
}

export function checkCodeType(codeType: string): void {
  if (!(L.CODE_TYPES as readonly string[]).includes(codeType)) {
    throw fgErrors.validation(
      "FSS.1006",
      `invalid code_type ${JSON.stringify(codeType)}; allowed: ${L.CODE_TYPES.join(", ")}`,
    );
  }
}

export function checkDescription(description: string): void {
  if (description.length > L.DESCRIPTION_MAX_LENGTH) {
    throw fgErrors.validation("FSS.1019", `description exceeds ${L.DESCRIPTION_MAX_LENGTH} characters`);
  }
}

/** user_data / encrypted_user_data: a JSON object of string values; returns the parsed map. */
export function parseUserData(field: string, value: string): Record<string, string> {
  if (value.length > L.USER_DATA_MAX_CHARS)
    throw fgErrors.validation("FSS.1018", `${field} exceeds ${L.USER_DATA_MAX_CHARS} characters`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw fgErrors.validation("FSS.1009", `${field} must be a JSON object string`);
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.values(parsed).some((v) => typeof v !== "string")
  ) {
    throw fgErrors.validation("FSS.1009", `${field} must be a JSON object with string values`);
  }
  if (Object.keys(parsed).length > L.USER_DATA_MAX_ENTRIES) {
    throw fgErrors.validation("FSS.1017", `${field} has more than ${L.USER_DATA_MAX_ENTRIES} entries`);
  }
  return parsed as Record<string, string>;
}

/** code_filename names one file at the top of the code package: no folders, no "..". */
export function checkCodeFilename(name: string): void {
  if (name !== "" && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(name))
    throw fgErrors.invalid(
      `invalid code_filename ${JSON.stringify(name)}: a file name of letters, digits, '_', '.' or '-', without folders`,
    );
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes func_code.file and enforces the size limit of the code type. */
export function decodeCode(codeType: "inline" | "zip" | "jar", file: string | undefined): Buffer {
  if (file === undefined || file === "")
    throw fgErrors.validation("FSS.1012", `func_code.file is required for code_type ${codeType}`);
  const compact = file.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64_RE.test(compact))
    throw fgErrors.validation("FSS.1011", "func_code.file is not valid base64");
  const bytes = Buffer.from(compact, "base64");
  if (codeType === "inline" && bytes.length > L.INLINE_CODE_MAX_BYTES) throw fgErrors.inlineTooLarge();
  if (codeType !== "inline" && bytes.length > L.ZIP_CODE_MAX_BYTES) throw fgErrors.zipTooLarge();
  if (codeType !== "inline" && !isZip(bytes))
    throw fgErrors.validation("FSS.1011", `func_code.file is not a ${codeType} archive`);
  // Inline code may be a zip too (docs/reference/functiongraph-api.md §3.2), unpacked the same way.
  const unsafe = isZip(bytes) ? unsafeZipReason(bytes) : undefined;
  if (unsafe) throw fgErrors.validation("FSS.1011", `func_code.file is not a usable code package: ${unsafe}`);
  return bytes;
}

/** Local file header or (for an empty archive) end-of-central-directory signature. */
export function isZip(bytes: Buffer): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

const DEPENDENCY_NAME_RE = new RegExp(
  `^[A-Za-z](?:[A-Za-z0-9_.-]{0,${L.DEPENDENCY_NAME_MAX_LENGTH - 2}}[A-Za-z0-9])?$`,
);

/** Dependency name rule (§5.1). The platform's code for it is not documented; FSS.0400 is used. */
export function checkDependencyName(name: string): void {
  if (!DEPENDENCY_NAME_RE.test(name)) {
    throw fgErrors.invalid(
      `invalid dependency name ${JSON.stringify(name)}: 1-${L.DEPENDENCY_NAME_MAX_LENGTH} letters, digits, '_', '.' or '-', starting with a letter and ending with a letter or digit`,
    );
  }
}

/** depend_file of a zip dependency: base64 of a zip of at most 40 MB. */
export function decodeDependencyZip(file: string | undefined): Buffer {
  if (file === undefined || file === "") throw fgErrors.invalid("depend_file is required for depend_type zip");
  const compact = file.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64_RE.test(compact)) throw fgErrors.invalid("depend_file is not valid base64");
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length > L.DEPENDENCY_ZIP_MAX_BYTES)
    throw fgErrors.validation(
      "FSS.1071",
      `the dependency package exceeds ${L.DEPENDENCY_ZIP_MAX_BYTES / 1024 / 1024} MB`,
    );
  if (!isZip(bytes)) throw fgErrors.invalid("depend_file is not a zip archive");
  const unsafe = unsafeZipReason(bytes);
  if (unsafe) throw fgErrors.invalid(`depend_file is not a usable dependency package: ${unsafe}`);
  return bytes;
}

/** depend_link of an obs dependency: an https URL of a .zip object. */
export function checkDependencyLink(link: string | undefined): string {
  if (!link || !/^https:\/\/\S+\.zip$/i.test(link))
    throw fgErrors.invalid(`depend_link must be an https URL of a .zip object; got ${JSON.stringify(link ?? "")}`);
  return link;
}
