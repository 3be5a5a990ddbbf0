/**
 * `cloudfn:minapp:Invocation` — runs a MinApp cloud function on `up`, and again whenever its
 * data, mode or the function's code changes. User docs: docs/minapp/invocation.md.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CloudFunction } from "./cloud-function";
import { invocationProviderShim } from "./provider-shim";

export interface InvocationArgs {
  /** The function to run: its name, environment and codeHash are used (a new code runs it again). */
  function?: CloudFunction;
  /** Or the name of a function not managed here. One of `function` and `functionName` is required. */
  functionName?: pulumi.Input<string>;
  /** Test environment id (default: the function's, else `cloudfn:minappEnvironmentId`, else production). */
  environmentId?: pulumi.Input<string>;
  /** Passed to the function as `event.data`. Default `{}`. */
  data?: pulumi.Input<Record<string, unknown>>;
  /** `sync` (default; waits up to the platform's 5 s), `async` (fire and forget) or `debug` (test run, with log). */
  mode?: pulumi.Input<"sync" | "async" | "debug" | string>;
  /** Any value whose change runs the function again. Default: the function's codeHash. */
  codeHash?: pulumi.Input<string>;
}

export class Invocation extends pulumi.dynamic.Resource {
  public readonly functionName!: pulumi.Output<string>;
  public readonly environmentId!: pulumi.Output<string | undefined>;
  public readonly data!: pulumi.Output<Record<string, unknown> | undefined>;
  public readonly mode!: pulumi.Output<string>;
  public readonly codeHash!: pulumi.Output<string | undefined>;
  /** What the function returned (async mode: `{status: "ok"}`). */
  public readonly result!: pulumi.Output<any>;
  /** Debug mode: the platform's job id. */
  public readonly jobId!: pulumi.Output<string | undefined>;
  /** Debug mode: the run's log lines. */
  public readonly log!: pulumi.Output<string | undefined>;

  constructor(name: string, args: InvocationArgs, opts?: pulumi.CustomResourceOptions) {
    const fn = args.function;
    const props = {
      result: undefined, jobId: undefined, log: undefined,
      functionName: args.functionName ?? fn?.name,
      environmentId: args.environmentId ?? fn?.environmentId,
      data: args.data,
      mode: args.mode,
      codeHash: args.codeHash ?? fn?.codeHash,
    };
    super(invocationProviderShim, name, props, opts, "cloudfn/minapp", "Invocation");
  }
}

/** Output property names declared by the class (checked against schema.json). */
export const INVOCATION_OUTPUTS = ["functionName", "environmentId", "data", "mode", "codeHash", "result", "jobId", "log"] as const;
