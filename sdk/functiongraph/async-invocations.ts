/**
 * `listAsyncInvocations`: a function's async invocations with their status and error
 * (ListAsyncInvocations). A plain async function, not a resource; it reads the same
 * `cloudfn:functiongraph*` stack config (or HW_* environment variables) as the resources, and
 * `args.profile` picks a named profile's settings first (docs/providers.md). The implementation is loaded on first call, so importing the SDK stays light.
 */
import * as pulumi from "@pulumi/pulumi";
import type { AsyncInvocation, ListAsyncInvocationsArgs } from "../../provider/functiongraph/async-invocations";

export type { AsyncInvocation, ListAsyncInvocationsArgs } from "../../provider/functiongraph/async-invocations";

export async function listAsyncInvocations(args: ListAsyncInvocationsArgs): Promise<AsyncInvocation[]> {
  const impl = await import("../../provider/functiongraph/async-invocations");
  // Outside a Pulumi program getConfig finds nothing and the environment variables apply.
  return impl.listAsyncInvocations(args, { get: (key) => pulumi.runtime.getConfig(key) });
}
