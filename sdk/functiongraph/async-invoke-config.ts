/**
 * `cloudfn:functiongraph:AsyncInvokeConfig` — how FunctionGraph handles async invocations of one
 * function: event age, retries and on_success / on_failure destinations. User docs:
 * docs/functiongraph/async-invoke-config.md. CRUD lives in
 * provider/functiongraph/async-invoke-config/index.ts, loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { asyncInvokeConfigProviderShim } from "./provider-shim";

/** Where an async invocation's outcome is sent; `type` selects the service and its fields. */
export type AsyncInvokeDestination =
  | { type: "OBS"; bucket: string; prefix?: string; /** Days before objects expire, 0-365 (0 = never). */ expires?: number }
  | { type: "SMN"; topicUrn: string }
  | { type: "DIS"; streamName: string }
  | { type: "FunctionGraph"; /** URN of the function to invoke with the outcome. */ funcUrn: string };

export interface AsyncInvokeConfigArgs {
  /** URN of the function (usually a Function's `funcUrn`). Replaces on change. */
  functionUrn: pulumi.Input<string>;
  /** Events older than this are dropped: 1-86400 seconds. Default 3600. */
  maxAsyncEventAgeInSeconds?: pulumi.Input<number>;
  /** Retries after a failed execution: 0-3. Default 1. */
  maxAsyncRetryAttempts?: pulumi.Input<number>;
  /** Destination notified after a successful execution. */
  onSuccess?: pulumi.Input<AsyncInvokeDestination>;
  /** Destination notified when retries are exhausted or the event is too old. */
  onFailure?: pulumi.Input<AsyncInvokeDestination>;
  /** Persist async status logs. Default false. */
  enableAsyncStatusLog?: pulumi.Input<boolean>;
  /**
   * Take over the function's existing configuration on the first `up`: it is read and PUT only
   * if it differs from this program. Never causes a diff. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
}

export class AsyncInvokeConfig extends pulumi.dynamic.Resource {
  public readonly functionUrn!: pulumi.Output<string>;
  public readonly maxAsyncEventAgeInSeconds!: pulumi.Output<number>;
  public readonly maxAsyncRetryAttempts!: pulumi.Output<number>;
  public readonly onSuccess!: pulumi.Output<AsyncInvokeDestination | undefined>;
  public readonly onFailure!: pulumi.Output<AsyncInvokeDestination | undefined>;
  public readonly enableAsyncStatusLog!: pulumi.Output<boolean>;
  /** When the platform first stored the config. */
  public readonly createdTime!: pulumi.Output<string>;
  public readonly lastModified!: pulumi.Output<string>;

  constructor(name: string, args: AsyncInvokeConfigArgs, opts?: pulumi.CustomResourceOptions) {
    super(asyncInvokeConfigProviderShim, name, { createdTime: undefined, lastModified: undefined, ...args }, opts, "cloudfn/functiongraph", "AsyncInvokeConfig");
  }
}

/** Output property names declared by the class (checked against schema.json). */
export const ASYNC_INVOKE_CONFIG_OUTPUTS = [
  "functionUrn", "maxAsyncEventAgeInSeconds", "maxAsyncRetryAttempts", "onSuccess", "onFailure", "enableAsyncStatusLog", "createdTime", "lastModified",
] as const;
