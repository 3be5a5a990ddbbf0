/**
 * `cloudfn:minapp:CloudFunction` — a 知晓云 MinApp cloud function. User docs:
 * docs/minapp/cloud-function.md. This class only declares inputs and outputs; the CRUD logic
 * lives in provider/minapp/cloud-function/index.ts and is loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { cloudFunctionProviderShim } from "./provider-shim";

export interface CloudFunctionArgs {
  /** Function name, the platform's key (no "/"). Replaces on change. */
  name: pulumi.Input<string>;
  /**
   * The code: a string of JavaScript, a FileAsset/StringAsset (used as is), or a FileArchive /
   * AssetArchive of a folder, bundled from `entry` into one file with esbuild. Must export `main`.
   */
  code: pulumi.Input<string | pulumi.asset.Asset | pulumi.asset.Archive>;
  /** Entry file inside an archive. Default `index.js`. */
  entry?: pulumi.Input<string>;
  /** Free text. Default empty. */
  remark?: pulumi.Input<string>;
  /** Memory plan: `P_FREE` (128 MB, default) or `P_PERSONAL` (256 MB). */
  planCircle?: pulumi.Input<"P_FREE" | "P_PERSONAL" | string>;
  /** Test environment (测试环境) id; default `cloudfn:minappEnvironmentId`, else production. Replaces on change. */
  environmentId?: pulumi.Input<string>;
  /**
   * Take over the existing cloud function of this name (in this environment) on the first `up`
   * instead of creating it; only what differs from this program is patched. Never causes a diff:
   * it may stay or go afterwards. Fails if the function does not exist. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
}

export class CloudFunction extends pulumi.dynamic.Resource {
  public readonly name!: pulumi.Output<string>;
  public readonly code!: pulumi.Output<string | pulumi.asset.Asset | pulumi.asset.Archive>;
  public readonly entry!: pulumi.Output<string>;
  public readonly remark!: pulumi.Output<string>;
  public readonly planCircle!: pulumi.Output<string>;
  public readonly environmentId!: pulumi.Output<string | undefined>;
  /** The exact JavaScript deployed (`function_code`); after a refresh, what is live. */
  public readonly source!: pulumi.Output<string>;
  /** The platform's numeric id. */
  public readonly functionId!: pulumi.Output<number>;
  /** `approved`, `waiting` or `rejected`. */
  public readonly auditStatus!: pulumi.Output<string>;
  /** Unix seconds. */
  public readonly createdAt!: pulumi.Output<number>;
  public readonly updatedAt!: pulumi.Output<number>;
  public readonly createdBy!: pulumi.Output<string>;
  public readonly updatedBy!: pulumi.Output<string>;
  /** SHA-256 (hex) of the deployed source. */
  public readonly codeHash!: pulumi.Output<string>;

  constructor(name: string, args: CloudFunctionArgs, opts?: pulumi.CustomResourceOptions) {
    super(cloudFunctionProviderShim, name, { ...OUTPUTS_UNKNOWN, ...args }, opts, "cloudfn/minapp", "CloudFunction");
  }
}

/** Declared outputs that are not inputs start as `undefined` so the engine reports them as computed. */
const OUTPUTS_UNKNOWN = {
  source: undefined, functionId: undefined, auditStatus: undefined, createdAt: undefined, updatedAt: undefined,
  createdBy: undefined, updatedBy: undefined, codeHash: undefined,
};

/** Output property names declared by the class (checked against schema.json). */
export const CLOUD_FUNCTION_OUTPUTS = [
  "name", "code", "entry", "remark", "planCircle", "environmentId", "source", "functionId", "auditStatus",
  "createdAt", "updatedAt", "createdBy", "updatedBy", "codeHash",
] as const;
