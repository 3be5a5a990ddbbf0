/**
 * `cloudfn:functiongraph:DependencyVersion` — one immutable version of a FunctionGraph dependency
 * package. User docs: docs/functiongraph/dependency-version.md. CRUD logic lives in
 * provider/functiongraph/dependency-version/index.ts, loaded at call time by the shim.
 */
import * as pulumi from "@pulumi/pulumi";
import { dependencyVersionProviderShim } from "./provider-shim";

export interface DependencyVersionArgs {
  /** Dependency name: 1-96 letters, digits, `_`, `.`, `-`; starts with a letter, ends with a letter or digit. Replaces on change. */
  name: pulumi.Input<string>;
  /** Runtime the package is for, e.g. `Node.js18.15`. Replaces on change. */
  runtime: pulumi.Input<string>;
  /** Description, at most 512 characters. Default empty. Replaces on change. */
  description?: pulumi.Input<string>;
  /** The package as a Pulumi archive (Node.js: a folder holding node_modules/...), at most 40 MB zipped. Exactly one of `code` and `codeUrl`. Replaces on change. */
  code?: pulumi.Input<pulumi.asset.Archive>;
  /** https URL of a .zip object in OBS. Exactly one of `code` and `codeUrl`. Replaces on change. */
  codeUrl?: pulumi.Input<string>;
  /**
   * Record an existing version of this dependency on the first `up` instead of creating one. It
   * must match the program (runtime, description, content): versions are immutable. Never causes
   * a diff. See docs/adopt.md.
   */
  adopt?: pulumi.Input<boolean>;
  /** With `adopt`: the version number to adopt (default: the newest). */
  adoptVersion?: pulumi.Input<number>;
}

export class DependencyVersion extends pulumi.dynamic.Resource {
  public readonly name!: pulumi.Output<string>;
  public readonly runtime!: pulumi.Output<string>;
  public readonly description!: pulumi.Output<string>;
  public readonly code!: pulumi.Output<pulumi.asset.Archive | undefined>;
  public readonly codeUrl!: pulumi.Output<string | undefined>;
  /** SHA-256 of the deterministic zip of `code`. */
  public readonly codeHash!: pulumi.Output<string | undefined>;
  /** The version's id: put it in a Function's `dependencyVersionIds`. */
  public readonly versionId!: pulumi.Output<string>;
  public readonly dependencyId!: pulumi.Output<string>;
  /** Version number within the dependency. */
  public readonly version!: pulumi.Output<number>;
  /** MD5 of the package, as reported by FunctionGraph. */
  public readonly etag!: pulumi.Output<string>;
  public readonly size!: pulumi.Output<number>;
  public readonly owner!: pulumi.Output<string>;
  public readonly fileName!: pulumi.Output<string>;
  /** Epoch seconds. */
  public readonly lastModified!: pulumi.Output<number>;

  constructor(name: string, args: DependencyVersionArgs, opts?: pulumi.CustomResourceOptions) {
    super(dependencyVersionProviderShim, name, { ...OUTPUTS_UNKNOWN, ...args }, opts, "cloudfn/functiongraph", "DependencyVersion");
  }
}

const OUTPUTS_UNKNOWN = {
  codeHash: undefined, versionId: undefined, dependencyId: undefined, version: undefined, etag: undefined,
  size: undefined, owner: undefined, fileName: undefined, lastModified: undefined,
};

export const DEPENDENCY_VERSION_OUTPUTS = [
  "name", "runtime", "description", "code", "codeUrl", "codeHash", "versionId", "dependencyId", "version", "etag", "size", "owner", "fileName", "lastModified",
] as const;
