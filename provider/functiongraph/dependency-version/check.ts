/**
 * `check` for dependency versions: zod rules, "exactly one of code and codeUrl", the 40 MB zip
 * limit, and the hidden `codeHash` of the deterministic zip. Zero HTTP calls.
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { splitUnknowns, zodFailures } from "../../core/check";
import { manifestInput } from "../../core/code-manifest";
import { UNKNOWN, containsUnknown } from "../../core/diff";
import { buildPackage, dropUndefined } from "./mapping";
import { DependencyVersionInputs, HIDDEN_INPUTS, MAX_ZIP_BYTES, inputObject } from "./schema";

type Mask = { [K in keyof typeof inputObject.shape]?: true };

async function codeHashOf(code: unknown): Promise<{ hash?: string; failure?: CheckFailure }> {
  if (code === undefined) return {};
  if (containsUnknown(code)) return { hash: UNKNOWN };
  try {
    const pkg = (await buildPackage({ code }))!;
    if (pkg.zip.length > MAX_ZIP_BYTES) {
      return { failure: { property: "code", reason: `code: the zipped package must be at most ${MAX_ZIP_BYTES / 1024 / 1024} MB; got ${(pkg.zip.length / 1024 / 1024).toFixed(1)} MB (use codeUrl for bigger packages)` } };
    }
    return { hash: pkg.hash };
  } catch (e) {
    return { failure: { property: "code", reason: `code: cannot build the archive: ${(e as Error).message}` } };
  }
}

export async function checkDependencyVersion(news: DependencyVersionInputs): Promise<CheckResult<DependencyVersionInputs>> {
  const raw = Object.fromEntries(Object.entries(news ?? {}).filter(([k]) => !(HIDDEN_INPUTS as readonly string[]).includes(k)));
  const { known, unknown } = splitUnknowns(raw, containsUnknown);
  const mask = Object.fromEntries(Object.keys(unknown).filter((k) => k in inputObject.shape).map((k) => [k, true])) as Mask;
  const parsed = inputObject.partial(mask).safeParse(known);
  const failures: CheckFailure[] = parsed.success ? [] : zodFailures(parsed.error);
  const value = (parsed.success ? parsed.data : known) as Partial<DependencyVersionInputs>;
  const hasCode = value.code !== undefined || "code" in unknown;
  const hasUrl = value.codeUrl !== undefined || "codeUrl" in unknown;
  if (hasCode === hasUrl) failures.push({ property: "code", reason: `exactly one of code and codeUrl must be set; got ${hasCode ? "both" : "neither"}` });
  if (value.adoptVersion !== undefined && value.adopt !== true) failures.push({ property: "adoptVersion", reason: "adoptVersion is only used with adopt: true" });
  const code = await codeHashOf(value.code ?? unknown.code);
  if (code.failure) failures.push(code.failure);
  const manifest = code.failure ? {} : await manifestInput(value.code);
  const inputs = dropUndefined({ ...value, ...unknown, ...(code.hash !== undefined ? { codeHash: code.hash } : {}), ...manifest }) as DependencyVersionInputs;
  return failures.length > 0 ? { inputs, failures } : { inputs };
}
