/**
 * Publishing a version safely (F11 has no idempotency key): after an answer that was lost the
 * versions are listed and the one this publish made is taken, never a second one; the platform's
 * refusals (nothing changed, name taken, quota, digest guard) become errors that say what to do.
 */
import { AuthError, ConflictError, PlatformApiError, ServerError, TransportError } from "../../core/errors";
import { MAX_PUBLISHED_VERSIONS, VERSION_ERRORS } from "../../../platform/functiongraph/versions";
import type { FunctionGraphClient } from "../client";
import { VersionInfo, versionApi } from "./api";
import { descriptionOf, matchesPublish, publishBody } from "./mapping";
import type { VersionInputs } from "./schema";

const lost = (e: unknown) => e instanceof TransportError || e instanceof ServerError;

/** The version a lost publish made: the named one, or a matching one that was not there before. */
async function findPublished(
  fg: FunctionGraphClient,
  inputs: VersionInputs,
  before: Set<string> | undefined,
): Promise<VersionInfo | undefined> {
  const all = await versionApi.list(fg, inputs.functionUrn);
  return all.find((v) => !before?.has(v.version) && matchesPublish(v, inputs));
}

/** The platform's quota refusal, with the versions that count against it. */
async function quotaError(fg: FunctionGraphClient, inputs: VersionInputs, cause: PlatformApiError): Promise<Error> {
  const names = (await versionApi.list(fg, inputs.functionUrn)).map((v) => v.version).filter((v) => v !== "latest");
  return new Error(
    `cannot publish a version of ${inputs.functionUrn}: it has ${names.length} published versions (${names.join(", ")}) and FunctionGraph allows ${MAX_PUBLISHED_VERSIONS} besides latest; delete Version resources (or versions) that are no longer used first (${cause.message})`,
  );
}

/** An existing version of our name is ours when it is what we publish (a re-run after a lost answer). */
async function takeExisting(fg: FunctionGraphClient, inputs: VersionInputs, cause: ConflictError) {
  const found = await findPublished(fg, inputs, undefined);
  if (found) return found;
  throw new Error(
    `version "${inputs.name}" of ${inputs.functionUrn} already exists with another description or code; choose another name, delete it, or set adopt: true to take it over (${cause.message})`,
  );
}

function refusal(inputs: VersionInputs, e: PlatformApiError): Error | undefined {
  if (e.code === VERSION_ERRORS.nothingToPublish.code)
    return new Error(
      `nothing to publish: ${inputs.functionUrn} has not changed since its newest version was published; change the function's code or configuration first, or adopt the newest version with adopt: true and its name (${e.message})`,
    );
  if (inputs.digest !== undefined && e.code === VERSION_ERRORS.digestMismatch.code && /digest/i.test(e.message))
    return new Error(
      `the function's code no longer has digest ${inputs.digest.slice(0, 12)}…, so this version would not hold the code the program meant; run up again (${e.message})`,
    );
  return undefined;
}

export async function publishOnce(fg: FunctionGraphClient, inputs: VersionInputs): Promise<VersionInfo> {
  // An unnamed version can only be recognised as "not there before".
  const before =
    inputs.name === undefined
      ? new Set((await versionApi.list(fg, inputs.functionUrn)).map((v) => v.version))
      : undefined;
  try {
    return await versionApi.publish(fg, inputs.functionUrn, publishBody(inputs));
  } catch (e) {
    if (lost(e)) {
      const made = await findPublished(fg, inputs, before);
      if (made) return made;
      return versionApi.publish(fg, inputs.functionUrn, publishBody(inputs));
    }
    if (e instanceof ConflictError && inputs.name !== undefined) return takeExisting(fg, inputs, e);
    if (
      e instanceof AuthError &&
      e.status === VERSION_ERRORS.tooManyVersions.status &&
      /quota|versions/i.test(e.message)
    )
      throw await quotaError(fg, inputs, e);
    throw (e instanceof PlatformApiError && refusal(inputs, e)) || e;
  }
}

export { descriptionOf };
