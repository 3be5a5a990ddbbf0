/**
 * `cloudfn:minapp:Invocation` as users write it: besides the provider's properties it takes
 * `function`, a CloudFunction whose name, environment and codeHash it passes (so a new code runs
 * the function again). A resource reference is not a provider property, so this thin class
 * wraps the generated one (./invocation.ts) instead of being generated. User docs:
 * docs/minapp/invocation.md.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CloudFunction } from "./cloud-function";
import * as generated from "./invocation";

export interface InvocationArgs extends Omit<generated.InvocationArgs, "functionName"> {
  /** The function to run: its name, environment and codeHash are used (a new code runs it again). */
  function?: CloudFunction;
  /** Or the name of a function not managed here. One of `function` and `functionName` is required. */
  functionName?: pulumi.Input<string>;
}

export class Invocation extends generated.Invocation {
  constructor(name: string, args: InvocationArgs, opts?: pulumi.CustomResourceOptions) {
    const { function: fn, ...rest } = args;
    super(
      name,
      {
        ...rest,
        // Neither given: check fails with "functionName is required", as before.
        functionName: (args.functionName ?? fn?.name) as pulumi.Input<string>,
        // The function's environmentId output is undefined for production.
        environmentId: args.environmentId ?? (fn?.environmentId as pulumi.Input<string> | undefined),
        codeHash: args.codeHash ?? fn?.codeHash,
      },
      opts,
    );
  }
}
