/**
 * `cloudfn:functiongraph:Invocation`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules in ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { rules } from "./rules";
import { qualifierInput } from "../qualifier";

export const invocationDefinition = {
  token: "cloudfn:functiongraph:Invocation",
  description:
    "Invokes a FunctionGraph function synchronously when created, and again whenever functionUrn, input or triggers change (a replacement), keeping the answer as outputs: deploy-time smoke tests and seeding. A function error fails the step with the function's message and log tail. Read never re-invokes; delete makes no call.",
  docs: "functiongraph/invocation.md",
  implementation: "provider/functiongraph/invocation",
  notImportable:
    "an Invocation records one call its create made; the platform keeps no call object to read back. Declare it and `up` invokes once.",
  // No update: every input replaces, and a replacement is a new invocation.
  methods: ["configure", "check", "diff", "create", "read", "delete"],
  inputs: {
    functionUrn: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.functionUrn,
      doc: "Function URN (`urn:fss:{region}:{project_id}:function:{package}:{name}:latest`), usually a Function's `funcUrn`. Changing it invokes again.",
    },
    qualifier: qualifierInput("to invoke (an alias routes by its weights or rules); changing it invokes again"),
    input: {
      type: t.any(),
      replaceOnChange: true,
      rule: rules.input,
      doc: "The event, any JSON value (default `{}`), at most 6 MB, compared with sorted keys (key order never shows as a change). Changing it invokes again.",
    },
    triggers: {
      type: t.map(t.string()),
      replaceOnChange: true,
      rule: rules.triggers,
      doc: "Strings whose change invokes again, e.g. `{ code: fn.codeHash }`.",
    },
  },
  outputs: {
    result: { type: t.any(), doc: "The function's answer, parsed from JSON when it is JSON." },
    status: { type: t.integer(), doc: "Status of the invoke response (200)." },
    requestId: { type: t.string(), doc: "Request id of the invocation; also the resource id." },
    logTail: { type: t.string(), doc: "Last 4 KB of the function's log." },
  },
} as const satisfies ResourceDefinition;
