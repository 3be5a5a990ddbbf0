/**
 * `cloudfn:functiongraph:DependencyVersion`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { RUNTIMES } from "../../../platform/functiongraph/limits";
import { rules } from "./rules";
import { adoptInput, adoptOption } from "../../core/adopt-inputs";

export const dependencyVersionDefinition = {
  token: "cloudfn:functiongraph:DependencyVersion",
  description:
    "One immutable version of a FunctionGraph dependency package. Identifier: `<dependency id>/<version>`. Every change replaces it (create-before-delete: functions using it update in place to the new version, then the old version is deleted).",
  docs: "functiongraph/dependency-version.md",
  implementation: "provider/functiongraph/dependency-version",
  hasCode: true,
  // Versions are immutable: the platform has no update API.
  methods: ["configure", "check", "diff", "create", "read", "delete"],
  inputs: {
    name: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.name,
      doc: "Dependency name: 1-96 characters of letters, digits, `_`, `.` and `-`, starting with a letter and ending with a letter or digit. Creating a version of an existing name adds a version to that dependency (versions 1, 2, ...).",
    },
    runtime: {
      type: t.enum(RUNTIMES, "Runtime"),
      required: true,
      replaceOnChange: true,
      rule: rules.runtime,
      doc: "Runtime the package is for, e.g. `Node.js18.15` or `Python3.9` (same list as functions).",
    },
    description: {
      type: t.string(),
      default: "",
      replaceOnChange: true,
      rule: rules.description,
      doc: "Description, at most 512 characters.",
    },
    code: {
      type: t.archive(),
      replaceOnChange: true,
      doc: "The package as a Pulumi archive (a folder, a .zip or an AssetArchive; for Node.js a folder holding `node_modules/...`), zipped deterministically and uploaded inline (`depend_type: zip`, at most 40 MB zipped). Compared by content hash. Exactly one of `code` and `codeUrl`.",
    },
    codeUrl: {
      type: t.string(),
      replaceOnChange: true,
      rule: rules.codeUrl,
      doc: "https URL of a .zip object in OBS (`depend_type: obs`). The platform copies it and reports its own link, which is not read back. Exactly one of `code` and `codeUrl`.",
    },
    adopt: adoptInput(
      "Record an existing version of the dependency `name` on the first `up` instead of creating one (`adoptVersion`, or the newest). Versions are immutable, so nothing is written: a version whose runtime, description or content (etag = MD5 of the zip) differs from the program fails, suggesting to remove `adopt` and create a new version.",
      { rule: rules.adopt },
    ),
    adoptVersion: adoptOption(
      t.integer(),
      "the version number to adopt (default: the newest version).",
      rules.adoptVersion,
    ),
  },
  outputs: {
    codeHash: {
      type: t.string(),
      optional: true,
      fromCheck: true,
      doc: "SHA-256 of the deterministic zip of `code`, computed at check time.",
    },
    versionId: { type: t.string(), doc: "The version's id (UUID): what a Function lists in `dependencyVersionIds`." },
    dependencyId: { type: t.string(), doc: "Id of the dependency the version belongs to." },
    version: { type: t.integer(), doc: "Version number within the dependency (the first is 1)." },
    etag: { type: t.string(), doc: "MD5 of the package, as reported by FunctionGraph." },
    size: { type: t.integer(), doc: "Package size in bytes." },
    owner: { type: t.string(), doc: "Owning account (domain) id." },
    fileName: { type: t.string(), doc: "File name the platform stores the package under." },
    lastModified: { type: t.integer(), doc: "Creation time, epoch seconds." },
  },
} as const satisfies ResourceDefinition;
