/**
 * `cloudfn:functiongraph:Function` — a Huawei Cloud FunctionGraph function. User docs:
 * docs/functiongraph/function.md. This class only declares inputs and outputs; the CRUD logic
 * lives in provider/functiongraph/function/index.ts and is loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { functionProviderShim } from "./provider-shim";

export interface FunctionArgs {
  /** Function name: 1-60 letters, digits, `-`, `_`; starts with a letter, ends with a letter or digit. Replaces on change. */
  name: pulumi.Input<string>;
  /** Package (app) the function belongs to. Default `default`. Replaces on change. */
  package?: pulumi.Input<string>;
  /** Runtime, e.g. `Node.js18.15`, `Python3.9`. Replaces on change. */
  runtime: pulumi.Input<string>;
  /** Entry point, `file.function` for Node.js/Python/PHP/Java (e.g. `index.handler`). */
  handler: pulumi.Input<string>;
  /** Memory in MB: 128, 256, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072, 3584 or 4096. Default 128. */
  memorySize?: pulumi.Input<number>;
  /** Timeout in seconds, 3-259200. Default 30. */
  timeout?: pulumi.Input<number>;
  /** Description, at most 512 characters. Default empty. */
  description?: pulumi.Input<string>;
  /** Environment variables (`user_data`): at most 20, at most 4 KB as JSON. */
  environment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Encrypted environment variables (`encrypted_user_data`): stored as a secret, never read back; compared by hash. */
  encryptedEnvironment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Dependency version ids (`depend_version_list`). */
  dependencyVersionIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Code as a Pulumi archive (FileArchive of a folder or .zip, or AssetArchive). Exactly one of `code` and `codeUrl`. */
  code?: pulumi.Input<pulumi.asset.Archive>;
  /** URL of a zip in OBS (`code_type: obs`). Exactly one of `code` and `codeUrl`. */
  codeUrl?: pulumi.Input<string>;
  /**
   * Take over the existing function with this package and name on the first `up` instead of
   * creating it; only what differs from this program is updated. Never causes a diff: it may
   * stay or go afterwards. Fails if the function does not exist. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
}

export class Function extends pulumi.dynamic.Resource {
  public readonly name!: pulumi.Output<string>;
  public readonly package!: pulumi.Output<string>;
  public readonly runtime!: pulumi.Output<string>;
  public readonly handler!: pulumi.Output<string>;
  public readonly memorySize!: pulumi.Output<number>;
  public readonly timeout!: pulumi.Output<number>;
  public readonly description!: pulumi.Output<string>;
  public readonly environment!: pulumi.Output<Record<string, string> | undefined>;
  public readonly dependencyVersionIds!: pulumi.Output<string[] | undefined>;
  public readonly code!: pulumi.Output<pulumi.asset.Archive | undefined>;
  public readonly codeUrl!: pulumi.Output<string | undefined>;
  /** SHA-256 of the deterministic zip of `code` (ours, not the platform's). */
  public readonly codeHash!: pulumi.Output<string | undefined>;
  /** scrypt hash of the encrypted environment (secret); the values themselves are never output. */
  public readonly encryptedEnvironmentHash!: pulumi.Output<string | undefined>;
  /** Function URN with the `:latest` qualifier; also the resource id. */
  public readonly funcUrn!: pulumi.Output<string>;
  public readonly funcId!: pulumi.Output<string>;
  /** SHA-512 of the deployed code, as reported by FunctionGraph. */
  public readonly digest!: pulumi.Output<string>;
  /** Size of the deployed code in bytes. */
  public readonly codeSize!: pulumi.Output<number>;
  public readonly lastModified!: pulumi.Output<string>;
  /** CPU share in millicores, derived by the platform from memorySize. */
  public readonly cpu!: pulumi.Output<number>;
  public readonly version!: pulumi.Output<string>;
  /** `zip` or `obs`. */
  public readonly codeType!: pulumi.Output<string>;

  constructor(name: string, args: FunctionArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = { ...OUTPUTS_UNKNOWN, ...args };
    // Keep the encrypted values encrypted in the state's inputs too.
    if (args.encryptedEnvironment !== undefined) props.encryptedEnvironment = pulumi.secret(args.encryptedEnvironment);
    const secrets = { additionalSecretOutputs: ["encryptedEnvironmentHash"] };
    super(functionProviderShim, name, props, pulumi.mergeOptions(opts, secrets), "cloudfn/functiongraph", "Function");
  }
}

/** Declared outputs that are not inputs start as `undefined` so the engine reports them as computed. */
const OUTPUTS_UNKNOWN = {
  codeHash: undefined, encryptedEnvironmentHash: undefined, funcUrn: undefined, funcId: undefined, digest: undefined,
  codeSize: undefined, lastModified: undefined, cpu: undefined, version: undefined, codeType: undefined,
};

/** Output property names declared by the class (checked against schema.json). */
export const FUNCTION_OUTPUTS = [
  "name", "package", "runtime", "handler", "memorySize", "timeout", "description", "environment", "dependencyVersionIds",
  "code", "codeUrl", "codeHash", "encryptedEnvironmentHash", "funcUrn", "funcId", "digest", "codeSize", "lastModified",
  "cpu", "version", "codeType",
] as const;
