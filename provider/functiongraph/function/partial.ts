/**
 * Partial results for a failure part-way through create or update. @pulumi/pulumi's dynamic
 * provider turns an error that carries `id` and `properties` into the engine's
 * ErrorResourceInitFailed (cmd/dynamic-provider/index.js, grpcResponseFromError): the engine then
 * records those properties as the resource's outputs, so the next `up` diffs against what was
 * really applied and makes only the remaining calls. The properties must repeat `__provider`
 * (the engine does not add it on this path) or later reads and deletes could not load us.
 */
const PROVIDER_KEY = "__provider";

export class PartialApplyError extends Error {
  readonly reasons: string[];
  constructor(
    readonly id: string,
    readonly properties: Record<string, unknown>,
    cause: Error,
  ) {
    super(`${cause.message} (what was applied before the failure is recorded; the next \`up\` completes the rest)`);
    this.reasons = [cause.message];
  }
}

/** Wraps a failure of a later step with the outputs applied so far. */
export function partial(
  id: string,
  applied: Record<string, unknown>,
  inputs: Record<string, unknown>,
  cause: unknown,
): PartialApplyError {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  const props = inputs[PROVIDER_KEY] === undefined ? applied : { ...applied, [PROVIDER_KEY]: inputs[PROVIDER_KEY] };
  return new PartialApplyError(id, props, error);
}
