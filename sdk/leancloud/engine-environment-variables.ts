/**
 * `cloudfn:leancloud:EngineEnvironmentVariables` — the variables this stack owns in a LeanEngine
 * group (other variables of the group are left alone). User docs:
 * docs/leancloud/engine-environment-variables.md. The logic lives in provider/leancloud/engine-environment-variables/index.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { engineEnvironmentVariablesProviderShim } from "./provider-shim";

export interface EngineEnvironmentVariablesArgs {
  /** Engine group. Default `web`. Replaces on change. */
  group?: pulumi.Input<string>;
  /** Plain variables; drift is detected by reading them back. */
  variables?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Write-only variables: stored as secrets, compared by hash, never output. */
  secretVariables?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Take ownership of the declared names that already exist on the first `up`, writing only if a
   * value differs. Never causes a diff. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
}

export class EngineEnvironmentVariables extends pulumi.dynamic.Resource {
  public readonly group!: pulumi.Output<string>;
  public readonly variables!: pulumi.Output<Record<string, string> | undefined>;
  /** Name → scrypt hash of each secret value (secret). */
  public readonly secretVariableHashes!: pulumi.Output<Record<string, string> | undefined>;

  constructor(name: string, args: EngineEnvironmentVariablesArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = { secretVariableHashes: undefined, ...args };
    if (args.secretVariables !== undefined) props.secretVariables = pulumi.secret(args.secretVariables);
    const secrets = { additionalSecretOutputs: ["secretVariableHashes"] };
    super(engineEnvironmentVariablesProviderShim, name, props, pulumi.mergeOptions(opts, secrets), "cloudfn/leancloud", "EngineEnvironmentVariables");
  }
}

export const ENGINE_ENVIRONMENT_VARIABLES_OUTPUTS = ["group", "variables", "secretVariableHashes"] as const;
