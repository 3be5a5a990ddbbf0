/**
 * `cloudfn:functiongraph:Version`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { adoptInput } from "../../core/adopt-inputs";
import { rules } from "./rules";

export const versionDefinition = {
  token: "cloudfn:functiongraph:Version",
  description:
    "A published version of a FunctionGraph function: an immutable snapshot of its code and configuration at the time the version is created. Identifier: the version-qualified URN. Every change replaces it; give it the Function's `digest` to publish again whenever the code changes, or leave `digest` out to publish once and keep that snapshot (a canary's old version).",
  docs: "functiongraph/version.md",
  implementation: "provider/functiongraph/version",
  // Versions are immutable: the platform has no update API.
  methods: ["configure", "check", "diff", "create", "read", "delete"],
  inputs: {
    functionUrn: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.functionUrn,
      doc: "URN of the function to publish, usually a Function's `funcUrn` (with `:latest` or without a qualifier).",
    },
    name: {
      type: t.string(),
      replaceOnChange: true,
      rule: rules.name,
      doc: "Version name: 1-42 letters, digits, `_`, `-` and `.`, starting and ending with a letter or digit, not `latest`. Unset: the platform names it from the publish time (`yyyymmdd-HHMMSS`), and the `version` output holds that name. A named version that is replaced is deleted first (names are unique per function).",
    },
    description: {
      type: t.string(),
      default: "",
      replaceOnChange: true,
      rule: rules.description,
      doc: "Description of the version, at most 512 characters.",
    },
    digest: {
      type: t.string(),
      replaceOnChange: true,
      rule: rules.digest,
      doc: "The code digest this version must hold: wire the Function's `digest` output. Publishing sends it as the platform's guard (it refuses when the function's code no longer has this digest), and a change publishes again (a replacement). Leave it out for a version that is published once and kept whatever happens to the function afterwards.",
    },
    adopt: adoptInput(
      "Take over the existing version named `name` (required with adopt) on the first `up` instead of publishing: it is read and recorded; a version whose description or code digest differs from the program cannot be adopted (versions are immutable).",
      { rule: rules.adopt },
    ),
  },
  outputs: {
    version: {
      type: t.string(),
      doc: "The version's name: `name`, or the one the platform gave it. What an Alias's `version` and a `qualifier` take.",
    },
    qualifiedUrn: {
      type: t.string(),
      doc: "The version-qualified function URN (`urn:fss:...:function:<package>:<name>:<version>`); also the resource id. Invoke it to run this version.",
    },
    codeDigest: { type: t.string(), doc: "SHA-512 of the version's code, as reported by FunctionGraph." },
    codeSize: { type: t.integer(), doc: "Size of the version's code in bytes." },
    lastModified: { type: t.string(), doc: "Publish time, as reported by FunctionGraph." },
  },
} as const satisfies ResourceDefinition;
