/**
 * `cloudfn:leancloud:EngineEnvironmentVariables`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules come from ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { rules } from "./rules";
import { adoptInput } from "../../core/adopt-inputs";

export const engineEnvironmentVariablesDefinition = {
  token: "cloudfn:leancloud:EngineEnvironmentVariables",
  description:
    "The variables a stack owns in a LeanEngine group. The API replaces a group's whole map, so each write reads the live map, changes only the owned names and writes it back. Identifier: `<appId>:<group>`.",
  docs: "leancloud/engine-environment-variables.md",
  implementation: "provider/leancloud/engine-environment-variables",
  secretOnImport: ["variables"],
  inputs: {
    group: {
      type: t.string(),
      default: "web",
      replaceOnChange: true,
      rule: rules.group,
      doc: "LeanEngine group: 1-64 letters, digits, `-` and `_`.",
    },
    variables: {
      type: t.map(t.string()),
      rule: rules.variables,
      doc: "Variables this resource owns: names of letters, digits and `_` (not starting with a digit, LEANCLOUD or LEAN_CLI: those belong to the runtime, and lean-cli refuses them too). Other variables of the group are left alone. After a refresh, the live values of the owned names (drift is detected by reading them back).",
    },
    secretVariables: {
      type: t.map(t.string()),
      secret: true,
      inputOnly: true,
      rule: rules.secretVariables,
      doc: "Write-only variables, same name rules; a name may not be in both maps. Secret in state, never output, compared by `secretVariableHashes`.",
    },
    adopt: adoptInput(
      "Take ownership of the declared names that already exist in the group on the first `up`, without error: the group's map is read and written back only if a declared value differs or is missing.",
      {
        rule: rules.adopt,
        fails: "Fails if the group does not exist or another resource adopts one of the names too.",
      },
    ),
  },
  outputs: {
    secretVariableHashes: {
      type: t.map(t.string()),
      optional: true,
      secret: true,
      fromCheck: true,
      doc: "Name → scrypt hash of each secret value; `drift:changed` / `drift:removed` after a refresh found it changed or gone.",
    },
  },
} as const satisfies ResourceDefinition;
