/**
 * `check` for dependency versions: zod rules, "exactly one of code and codeUrl", the 40 MB zip
 * limit, and the hidden `codeHash` of the deterministic zip. Zero HTTP calls.
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { manifestInput } from "../../core/code-manifest";
import { UNKNOWN, containsUnknown } from "../../core/diff";
import { dependencyVersionDefinition } from "./definition";
import { buildPackage } from "./mapping";
import { DependencyVersionInputs, MAX_ZIP_BYTES } from "./schema";

async function codeHashOf(code: unknown): Promise<{ hash?: string; failure?: CheckFailure }> {
  if (code === undefined) return {};
  if (containsUnknown(code)) return { hash: UNKNOWN };
  try {
    const pkg = await buildPackage({ code });
    if (!pkg) return {}; // only without code, which returned above
    if (pkg.zip.length > MAX_ZIP_BYTES) {
      return {
        failure: {
          property: "code",
          reason: `code: the zipped package must be at most ${MAX_ZIP_BYTES / 1024 / 1024} MB; got ${(pkg.zip.length / 1024 / 1024).toFixed(1)} MB (use codeUrl for bigger packages)`,
        },
      };
    }
    return { hash: pkg.hash };
  } catch (e) {
    return { failure: { property: "code", reason: `code: cannot build the archive: ${(e as Error).message}` } };
  }
}

export async function checkDependencyVersion(
  news: DependencyVersionInputs,
): Promise<CheckResult<DependencyVersionInputs>> {
  const { value, unknown, failures } = validateInputs<DependencyVersionInputs>(dependencyVersionDefinition, news);
  const hasCode = value.code !== undefined || "code" in unknown;
  const hasUrl = value.codeUrl !== undefined || "codeUrl" in unknown;
  if (hasCode === hasUrl)
    failures.push({
      property: "code",
      reason: `exactly one of code and codeUrl must be set; got ${hasCode ? "both" : "neither"}`,
    });
  if (value.adoptVersion !== undefined && value.adopt !== true)
    failures.push({ property: "adoptVersion", reason: "adoptVersion is only used with adopt: true" });
  const code = await codeHashOf(value.code ?? unknown.code);
  if (code.failure) failures.push(code.failure);
  const manifest = code.failure ? {} : await manifestInput(value.code);
  const inputs = dropUndefined({
    ...value,
    ...unknown,
    ...(code.hash !== undefined ? { codeHash: code.hash } : {}),
    ...manifest,
  }) as DependencyVersionInputs;
  return checkResult(inputs, failures);
}
