/**
 * `cloudfn:leancloud:EngineDeployment` — a LeanEngine project folder deployed to one
 * environment of a group. User docs: docs/leancloud/engine-deployment.md. The logic lives in
 * provider/leancloud/engine-deployment/index.ts and is loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { engineDeploymentProviderShim } from "./provider-shim";

export interface EngineDeploymentArgs {
  /** The LeanEngine project: a FileArchive of its folder (or a .zip), or an AssetArchive. Zipped deterministically; a new content hash deploys a new version. */
  code: pulumi.Input<pulumi.asset.Archive>;
  /** Engine group. Default `web`. Replaces on change. */
  group?: pulumi.Input<string>;
  /** `production` (default) or `staging`. Replaces on change. */
  environment?: pulumi.Input<"production" | "staging">;
  /** Deploy comment (at most 200 characters); recorded, applied with the next deploy. */
  comment?: pulumi.Input<string>;
  /** Install dependencies without the build cache. Default false. */
  noDependenciesCache?: pulumi.Input<boolean>;
  /** Take over function names another group serves. Default false. */
  overwriteFunctions?: pulumi.Input<boolean>;
  /** How long to wait for the deploy to finish, 10-3600 seconds. Default 600. */
  timeoutSeconds?: pulumi.Input<number>;
  /**
   * Take over the environment's current deployment on the first `up`. The platform never reports
   * what code a version contains, so the code is deployed once unless `adoptVersion` names the
   * live version as built from this code. Never causes a diff. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
  /** With `adopt`: the live versionTag built from this code (then nothing is deployed). */
  adoptVersion?: pulumi.Input<string>;
}

export class EngineDeployment extends pulumi.dynamic.Resource {
  public readonly group!: pulumi.Output<string>;
  public readonly environment!: pulumi.Output<string>;
  public readonly code!: pulumi.Output<pulumi.asset.Archive>;
  public readonly comment!: pulumi.Output<string | undefined>;
  public readonly noDependenciesCache!: pulumi.Output<boolean>;
  public readonly overwriteFunctions!: pulumi.Output<boolean>;
  public readonly timeoutSeconds!: pulumi.Output<number>;
  /** SHA-256 of the deterministic zip (`drift:<version>` after refresh found an out-of-band deploy). */
  public readonly codeHash!: pulumi.Output<string>;
  /** `versionTag` the environment serves. */
  public readonly version!: pulumi.Output<string>;
  /** Names the engine serves (functions and hooks), sorted. */
  public readonly functions!: pulumi.Output<string[]>;

  constructor(name: string, args: EngineDeploymentArgs, opts?: pulumi.CustomResourceOptions) {
    const props = { codeHash: undefined, version: undefined, functions: undefined, ...args };
    super(engineDeploymentProviderShim, name, props, opts, "cloudfn/leancloud", "EngineDeployment");
  }
}

export const ENGINE_DEPLOYMENT_OUTPUTS = [
  "group", "environment", "code", "comment", "noDependenciesCache", "overwriteFunctions", "timeoutSeconds", "codeHash", "version", "functions",
] as const;
