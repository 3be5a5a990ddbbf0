/**
 * `check` for cloud functions: validation with zero HTTP calls. It also builds the deployed
 * source (bundling archives) into the `source` input, so diffs compare exact text and the
 * engine's own input diff shows a line diff of it. Properties unknown during preview skip
 * validation and pass through as the unknown sentinel (and so does `source`).
 */
import { CheckFailure, CheckResult } from "@pulumi/pulumi/dynamic";
import { checkResult, dropUndefined, validateInputs } from "../../core/check";
import { manifestInput } from "../../core/code-manifest";
import { UNKNOWN } from "../../core/diff";
import { CloudFunctionInputs } from "./schema";
import { defaultEnvironmentId } from "../config";
import { cloudFunctionDefinition } from "./definition";
import { buildSource, syntaxError } from "./source";

/** The source to deploy, or the failure that names `code` (or `entry`) and the rule. */
async function sourceOf(
  code: unknown,
  entry: string | undefined,
): Promise<{ source?: string; failure?: CheckFailure }> {
  let source: string;
  try {
    source = await buildSource(code, entry);
  } catch (e) {
    const message = (e as Error).message;
    const property = message.includes("entry file") ? "entry" : "code";
    return { failure: { property, reason: `${property}: ${message}` } };
  }
  if (source.trim() === "")
    return { failure: { property: "code", reason: "code must not be empty (MinApp rejects an empty function_code)" } };
  const syntax = syntaxError(source);
  if (syntax) return { failure: { property: "code", reason: `code does not parse as JavaScript: ${syntax}` } };
  return { source };
}

export async function checkInputs(news: CloudFunctionInputs): Promise<CheckResult<CloudFunctionInputs>> {
  // `source` is ours to compute (a check-computed output): whatever arrives under that name is discarded.
  const { value, unknown, failures } = validateInputs<CloudFunctionInputs>(cloudFunctionDefinition, news);
  const failed = new Set(failures.map((f) => f.property));
  let source: string | undefined;
  if ("code" in unknown || "entry" in unknown) source = UNKNOWN;
  else if (!failed.has("code") && !failed.has("entry") && value.code !== undefined) {
    const built = await sourceOf(value.code, value.entry);
    if (built.failure) failures.push(built.failure);
    source = built.source;
  }
  const environmentId =
    "environmentId" in unknown ? unknown.environmentId : (value.environmentId ?? defaultEnvironmentId());
  // The files the user wrote (before bundling): a string or an asset is the one entry file.
  const manifest = source !== undefined && source !== UNKNOWN ? await manifestInput(value.code, value.entry) : {};
  const inputs = dropUndefined({
    ...value,
    ...unknown,
    environmentId: environmentId || undefined,
    source,
    ...manifest,
  }) as CloudFunctionInputs;
  return checkResult(inputs, failures);
}
