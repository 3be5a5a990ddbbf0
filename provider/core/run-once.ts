/**
 * The lifecycle of resources that stand for a run of a function (an invocation) rather than an
 * object on the platform: there is nothing to read back or delete, so the outputs recorded by
 * the last run stand, and changed inputs are a new run.
 */
import type { ReadResult, ResourceProvider, UpdateResult } from "@pulumi/pulumi/dynamic";

export async function forgetRun(): Promise<void> {
  // A run cannot be undone; forgetting it is all there is to do.
}

/** read, update and delete of a run-once resource whose update runs `run` again. */
export function rerunOnChange<I, O>(
  run: (inputs: I) => Promise<O>,
): Required<Pick<ResourceProvider<I, O>, "read" | "update" | "delete">> {
  return {
    // Reading never runs the function again: the last run's outputs stand.
    async read(id: string, props?: O): Promise<ReadResult<O>> {
      return { id, props };
    },
    async update(_id: string, _olds: O, news: I): Promise<UpdateResult<O>> {
      return { outs: await run(news) };
    },
    delete: forgetRun,
  };
}
