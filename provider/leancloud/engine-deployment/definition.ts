/**
 * `cloudfn:leancloud:EngineDeployment`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules come from ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { ENVIRONMENTS } from "../invocation/rules";
import { rules } from "./rules";
import { adoptInput, adoptOption } from "../../core/adopt-inputs";

export const engineDeploymentDefinition = {
  token: "cloudfn:leancloud:EngineDeployment",
  description:
    "A LeanEngine project deployed to one environment of a group through the console API lean-cli uses. Identifier: `<appId>:<group>:<environment>`. Only a new code hash deploys; delete makes no call (LeanCloud cannot undeploy).",
  docs: "leancloud/engine-deployment.md",
  implementation: "provider/leancloud/engine-deployment",
  hasCode: true,
  inputs: {
    group: {
      type: t.string(),
      default: "web",
      replaceOnChange: true,
      rule: rules.group,
      doc: "LeanEngine group (create groups in the console): 1-64 letters, digits, `-` and `_`.",
    },
    environment: {
      type: t.enum(ENVIRONMENTS),
      default: "production",
      replaceOnChange: true,
      rule: rules.environment,
      doc: "`production` or `staging`. Trial plans have no staging instance.",
    },
    code: {
      type: t.archive(),
      required: true,
      rule: rules.code,
      doc: "The LeanEngine project (a FileArchive of its folder or a .zip, or an AssetArchive), zipped deterministically; a new content hash deploys a new version.",
    },
    comment: {
      type: t.string(),
      rule: rules.comment,
      doc: "Deploy comment, at most 200 characters; recorded, applied with the next deploy.",
    },
    noDependenciesCache: {
      type: t.boolean(),
      default: false,
      rule: rules.noDependenciesCache,
      doc: "Install dependencies without the build cache.",
    },
    overwriteFunctions: {
      type: t.boolean(),
      default: false,
      rule: rules.overwriteFunctions,
      doc: "Take over function names another group serves (otherwise such a deploy fails).",
    },
    timeoutSeconds: {
      type: t.integer(),
      default: 600,
      rule: rules.timeoutSeconds,
      doc: "How long to wait for the deploy to finish, 10-3600 seconds.",
    },
    adopt: adoptInput(
      "Take over the environment's current deployment on the first `up`: the live versionTag is read; the platform never reports a version's code, so the code is deployed once unless `adoptVersion` equals the live versionTag, in which case that version is recorded as this code.",
      {
        rule: rules.adopt,
        fails: "Fails if the group or a deployed version does not exist, or another resource adopts it too.",
      },
    ),
    adoptVersion: adoptOption(
      t.string(),
      "the live versionTag that was built from this program's code (`cloudfn adopt --platform leancloud` prints the live tags). When it equals the live version nothing is deployed; otherwise the code is deployed once.",
      rules.adoptVersion,
    ),
  },
  outputs: {
    codeHash: {
      type: t.string(),
      fromCheck: true,
      doc: "SHA-256 of the deterministic zip of `code`, computed at check time; `drift:<version>` after a refresh found a deploy made outside Pulumi.",
    },
    version: { type: t.string(), doc: "`versionTag` the environment serves after the deploy (live after refresh)." },
    functions: {
      type: t.array(t.string()),
      doc: "Names the engine serves in that environment (functions and hooks), sorted, from `/1.1/functions/_ops/metadatas` (master key). App-wide for the environment: with several groups it includes the other groups' names.",
    },
  },
} as const satisfies ResourceDefinition;
