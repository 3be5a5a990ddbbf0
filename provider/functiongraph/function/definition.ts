/**
 * `cloudfn:functiongraph:Function`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules come from ./schema.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { MEMORY_SIZES, RUNTIMES } from "../../../platform/functiongraph/limits";
import { rules } from "./rules";
import { adoptInput } from "../../core/adopt-inputs";
import { configInputs } from "./definition-config";

export const functionDefinition = {
  token: "cloudfn:functiongraph:Function",
  description:
    "A Huawei Cloud FunctionGraph function. Identifier: the function URN with `:latest`. An update calls UpdateFunctionConfig and/or UpdateFunctionCode, only for what changed.",
  docs: "functiongraph/function.md",
  implementation: "provider/functiongraph/function",
  hasCode: true,
  inputs: {
    name: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.name,
      doc: "Function name (`func_name`): 1-60 characters of letters, digits, `-` and `_`, starting with a letter and ending with a letter or digit. Unique per project and package.",
    },
    package: {
      type: t.string(),
      default: "default",
      replaceOnChange: true,
      rule: rules.package,
      doc: "Package (app) of the function: 1-64 letters, digits, `-` and `_`, starting with a letter. Part of the URN.",
    },
    runtime: {
      type: t.enum(RUNTIMES, "Runtime"),
      required: true,
      replaceOnChange: true,
      rule: rules.runtime,
      doc: "Runtime, e.g. `Node.js18.15`, `Python3.9`, `Java11`, `Go1.x`, `Custom`, `http`. Immutable on the platform, so a change deletes the function first (the name stays).",
    },
    handler: {
      type: t.string(),
      required: true,
      rule: rules.handler,
      doc: "Entry point, 3-128 characters (`-` for a `Custom Image` function). `file.function` (e.g. `index.handler`) for Node.js, Python, PHP, Java and Cangjie runtimes, where `file` is at the top level of the code (no path); Node.js and Python handlers are checked against the files of `code`.",
    },
    memorySize: {
      type: t.integer(),
      default: 128,
      rule: rules.memorySize,
      doc: `Memory in MB: ${MEMORY_SIZES.join(", ")}.`,
    },
    timeout: { type: t.integer(), default: 30, rule: rules.timeout, doc: "Timeout in seconds, 3-259200." },
    description: {
      type: t.string(),
      default: "",
      rule: rules.description,
      doc: "Description, at most 512 characters.",
    },
    environment: {
      type: t.map(t.string()),
      rule: rules.environment,
      doc: "Environment variables, sent as `user_data` (JSON with sorted keys): at most 20 variables, at most 4096 characters of JSON; names are 1-64 letters, digits and `_`, starting with a letter.",
    },
    encryptedEnvironment: {
      type: t.map(t.string()),
      secret: true,
      inputOnly: true,
      rule: rules.encryptedEnvironment,
      doc: "Encrypted environment variables, sent as `encrypted_user_data`; same limits as `environment`. Never read back from the platform and never an output; compared by `encryptedEnvironmentHash`.",
    },
    dependencyVersionIds: {
      type: t.array(t.string()),
      rule: rules.dependencyVersionIds,
      doc: "Dependency version ids (`depend_version_list`), applied through the code API.",
    },
    code: {
      type: t.archive(),
      doc: "Function code as a Pulumi archive: a FileArchive of a folder or a .zip/.jar, or an AssetArchive of FileAssets/StringAssets/archives. Zipped deterministically (sorted entries, fixed dates and modes). Exactly one of `code` and `codeUrl` (neither with `customImage`).",
    },
    codeUrl: {
      type: t.string(),
      rule: rules.codeUrl,
      doc: "HTTP(S) URL of a zip in OBS (`code_type: obs`). Exactly one of `code` and `codeUrl`.",
    },
    ...configInputs,
    adopt: adoptInput(
      "Take over the existing function with this package and name on the first `up` instead of creating it (`pulumi import` cannot work for dynamic resources): it is read, recorded, and only what differs from the program is updated.",
    ),
  },
  outputs: {
    codeHash: {
      type: t.string(),
      optional: true,
      fromCheck: true,
      doc: "SHA-256 of the deterministic zip of `code`, computed at check time (no upload needed to diff). Starts with `drift:` after a refresh found code changed outside Pulumi.",
    },
    encryptedEnvironmentHash: {
      type: t.string(),
      optional: true,
      secret: true,
      fromCheck: true,
      doc: "scrypt hash of the canonical JSON of `encryptedEnvironment`; the values themselves are never output.",
    },
    funcUrn: {
      type: t.string(),
      doc: "Function URN with the `:latest` qualifier; also the resource id. Predicted at check time so dependants stay known in preview.",
    },
    funcId: { type: t.string(), doc: "Function id (UUID) assigned by FunctionGraph." },
    digest: {
      type: t.string(),
      doc: "SHA-512 of the deployed code, as reported by FunctionGraph (live after refresh).",
    },
    codeSize: { type: t.integer(), doc: "Size of the deployed code in bytes." },
    lastModified: { type: t.string(), doc: "Time of the last change, as reported by FunctionGraph." },
    cpu: { type: t.integer(), doc: "CPU share in millicores, derived by the platform from memorySize." },
    version: { type: t.string(), doc: "Version the URN addresses (`latest`)." },
  },
} as const satisfies ResourceDefinition;
