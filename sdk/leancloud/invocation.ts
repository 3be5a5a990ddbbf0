/**
 * `cloudfn:leancloud:Invocation` — calls a LeanCloud cloud function when created and whenever
 * its name, params, rpc, environment or triggers change. User docs: docs/leancloud/invocation.md.
 * This class only declares inputs and outputs; the logic lives in provider/leancloud/invocation/index.ts
 * and is loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { invocationProviderShim } from "./provider-shim";

export interface InvocationArgs {
  /** Function name (one URL path segment: no `/`). */
  name: pulumi.Input<string>;
  /** Params: a JSON object or array, or its JSON text. For RPC, typed values come from `leancloud.rpc` (e.g. `rpc.date(new Date())`). Default `{}`. */
  params?: pulumi.Input<any>;
  /** Call `/1.1/call/<name>` (RPC: typed params and results) instead of `/1.1/functions/<name>`. Default false. */
  rpc?: pulumi.Input<boolean>;
  /** `production` (default) or `staging` (`X-LC-Prod`). */
  environment?: pulumi.Input<"production" | "staging">;
  /** Any values; a change calls the function again. */
  triggers?: pulumi.Input<any[]>;
  /** Sign with the master key (`cloudfn:leancloudMasterKey`) instead of the app key. Default false. */
  useMasterKey?: pulumi.Input<boolean>;
  /** User session token (`X-LC-Session`); stored as a secret, never output. */
  sessionToken?: pulumi.Input<string>;
}

export class Invocation extends pulumi.dynamic.Resource {
  public readonly name!: pulumi.Output<string>;
  public readonly params!: pulumi.Output<any>;
  public readonly rpc!: pulumi.Output<boolean>;
  public readonly environment!: pulumi.Output<string>;
  public readonly triggers!: pulumi.Output<any[] | undefined>;
  public readonly useMasterKey!: pulumi.Output<boolean>;
  /** The function's result as plain JSON (RPC Dates become ISO strings, Objects maps with className/objectId); undefined when it returned nothing. */
  public readonly result!: pulumi.Output<any>;
  /** The result exactly as LeanCloud sent it (typed `__type` values kept). */
  public readonly rawResult!: pulumi.Output<any>;

  constructor(name: string, args: InvocationArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = { result: undefined, rawResult: undefined, ...args };
    if (args.sessionToken !== undefined) props.sessionToken = pulumi.secret(args.sessionToken);
    super(invocationProviderShim, name, props, opts, "cloudfn/leancloud", "Invocation");
  }
}

/** Output property names declared by the class (checked against schema.json). */
export const INVOCATION_OUTPUTS = ["name", "params", "rpc", "environment", "triggers", "useMasterKey", "result", "rawResult"] as const;
