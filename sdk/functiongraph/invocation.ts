/**
 * `cloudfn:functiongraph:Invocation` — invokes a function synchronously at deploy time and keeps
 * its answer as an output (smoke tests, seeding). User docs: docs/functiongraph/invocation.md.
 * CRUD lives in provider/functiongraph/invocation/index.ts, loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { invocationProviderShim } from "./provider-shim";

export interface InvocationArgs {
  /** URN of the function to invoke (usually a Function's `funcUrn`). */
  functionUrn: pulumi.Input<string>;
  /** The event, any JSON value (default `{}`); compared with sorted keys. A change re-invokes. */
  input?: pulumi.Input<unknown>;
  /** Strings whose change re-invokes, e.g. `{ code: fn.codeHash }`. */
  triggers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

export class Invocation extends pulumi.dynamic.Resource {
  public readonly functionUrn!: pulumi.Output<string>;
  public readonly input!: pulumi.Output<unknown>;
  public readonly triggers!: pulumi.Output<Record<string, string> | undefined>;
  /** The function's answer, parsed from JSON. */
  public readonly result!: pulumi.Output<any>;
  /** Status of the invoke response (200). */
  public readonly status!: pulumi.Output<number>;
  public readonly requestId!: pulumi.Output<string>;
  /** Last 4 KB of the function's log. */
  public readonly logTail!: pulumi.Output<string>;

  constructor(name: string, args: InvocationArgs, opts?: pulumi.CustomResourceOptions) {
    super(invocationProviderShim, name, { result: undefined, status: undefined, requestId: undefined, logTail: undefined, ...args }, opts, "cloudfn/functiongraph", "Invocation");
  }
}

/** Output property names declared by the class (checked against schema.json). */
export const INVOCATION_OUTPUTS = ["functionUrn", "input", "triggers", "result", "status", "requestId", "logTail"] as const;
