/**
 * `cloudfn:minapp:Invocation`: every fact about the resource's properties (see
 * provider/core/definition.ts). The runs are in ./index.ts; the rules come from ./rules.ts.
 *
 * The SDK class users instantiate also takes `function` (a CloudFunction whose name,
 * environment and codeHash it passes): sdk/minapp/function-invocation.ts wraps the generated
 * class for that, since a resource reference is not a property of the provider.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { MODES, rules } from "./rules";

export const invocationDefinition = {
  token: "cloudfn:minapp:Invocation",
  description:
    "Runs a MinApp cloud function when created and whenever its data, mode or the function's code changes; fails the update with the function's error type, message, stack and log. Nothing exists on the platform for it.",
  docs: "minapp/invocation.md",
  implementation: "provider/minapp/invocation",
  notImportable:
    "an Invocation records one call its create made; MinApp keeps no call object to read back. Declare it and `up` calls once.",
  inputs: {
    functionName: {
      type: t.string(),
      required: true,
      rule: rules.functionName,
      doc: "Name of the function to run (the SDK takes it from `function`); not empty, no `/`.",
    },
    environmentId: {
      type: t.string(),
      rule: rules.environmentId,
      doc: "Test environment id (default: the function's, else `cloudfn:minappEnvironmentId`, else production).",
    },
    data: {
      type: t.map(t.any()),
      rule: rules.data,
      doc: "Passed to the function as `event.data`: an object. Default `{}`.",
    },
    mode: {
      type: t.enum(MODES),
      default: "sync",
      rule: rules.mode,
      doc: "`sync` (job API, waits up to the platform's 5 s), `async` (job API, fire and forget) or `debug` (test run with log).",
    },
    codeHash: {
      type: t.string(),
      rule: rules.codeHash,
      doc: "Any value whose change runs the function again; the SDK passes the function's codeHash.",
    },
  },
  outputs: {
    result: { type: t.any(), doc: 'What the function returned (async: `{status: "ok"}`).' },
    jobId: { type: t.string(), optional: true, doc: "Debug mode: the platform's job id." },
    log: { type: t.string(), optional: true, doc: "Debug mode: the run's log lines." },
  },
} as const satisfies ResourceDefinition;
