/**
 * `check` for functions: validation with zero HTTP calls. Properties that are unknown during
 * preview skip validation (and defaults) and pass through as the unknown sentinel; the hidden
 * `codeHash` is computed from the deterministic zip so diffs and previews never upload code, and
 * the hidden `funcUrn` is predicted so dependants stay known during preview.
 */
import type { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { archiveEntries, entriesToZip, zipSha256 } from "../../core/archive";
import { archiveManifest, storedInput, type CodeManifest } from "../../core/code-manifest";
import { UNKNOWN, containsUnknown } from "../../core/diff";
import { knownRegionAndProject } from "../config";
import { functionDefinition } from "./definition";
import { missingHandlerFile } from "./handler-file";
import { envHash } from "./mapping";
import { FunctionInputs, crossFieldIssues } from "./schema";
import { configCrossIssues, inlineProblem } from "./rules-config";

/** The code's hash and manifest, from one read of its files. */
async function builtCode(code: unknown): Promise<{ hash?: string; manifest?: CodeManifest; failure?: CheckFailure }> {
  if (code === undefined) return {};
  if (containsUnknown(code)) return { hash: UNKNOWN };
  try {
    const entries = await archiveEntries(code);
    return { hash: zipSha256(await entriesToZip(entries)), manifest: archiveManifest(entries) };
  } catch (e) {
    return { failure: { property: "code", reason: `code: cannot build the archive: ${(e as Error).message}` } };
  }
}

/**
 * The URN the platform will give the function (`urn:fss:{region}:{project}:function:{package}:
 * {name}:latest`, docs/reference/functiongraph-api.md §2.1), when everything it is made of is known. As a checked input it is what
 * the engine shows as the function's `funcUrn` during preview (dynamic providers get no
 * preview of create/update: the engine hands back the checked inputs as outputs), so triggers,
 * configs, workflows and invocations that reference `funcUrn` see a known value instead of a
 * spurious change whenever the function itself changes.
 */
function predictedUrn(value: Partial<FunctionInputs>): string | undefined {
  const where = knownRegionAndProject();
  if (!where || typeof value.name !== "string" || typeof value.package !== "string") return undefined;
  return `urn:fss:${where.region}:${where.projectId}:function:${value.package}:${value.name}:latest`;
}

function handlerFileFailure(value: Partial<FunctionInputs>, manifest: CodeManifest | undefined) {
  const { handler, runtime } = value;
  return typeof handler === "string" && typeof runtime === "string"
    ? missingHandlerFile(handler, runtime, manifest)
    : undefined;
}

export async function checkInputs(news: FunctionInputs): Promise<CheckResult<FunctionInputs>> {
  const { value, unknown, failures } = validateInputs<FunctionInputs>(functionDefinition, news);
  const unknownKeys = new Set(Object.keys(unknown));
  // One message per property: a cross-field rule adds nothing when the field itself is invalid.
  const failed = new Set(failures.map((f) => f.property));
  failures.push(...crossFieldIssues(value, unknownKeys).filter((f) => !failed.has(f.property)));
  failures.push(...configCrossIssues(value).filter((f) => !failed.has(f.property)));
  const code = await builtCode(value.code ?? unknown.code);
  if (code.failure) failures.push(code.failure);
  const manifest = code.manifest;
  const inline = value.codeType === "inline" && manifest ? inlineProblem(manifest.files) : undefined;
  if (inline) failures.push({ property: "codeType", reason: inline });
  const handlerFailed = failures.some((f) => f.property === "handler");
  const missing = handlerFailed ? undefined : handlerFileFailure(value, manifest);
  if (missing) failures.push(missing);
  const inputs = dropUndefined({
    ...value,
    ...unknown,
    ...(code.hash !== undefined ? { codeHash: code.hash } : {}),
    ...(failures.length === 0 && predictedUrn(value) ? { funcUrn: predictedUrn(value) } : {}),
    ...(news?.encryptedEnvironment !== undefined
      ? { encryptedEnvironmentHash: await envHash(news.encryptedEnvironment) }
      : {}),
    ...storedInput(manifest),
  }) as FunctionInputs;
  return checkResult(inputs, failures);
}
