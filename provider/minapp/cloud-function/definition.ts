/**
 * `cloudfn:minapp:CloudFunction`: every fact about the resource's properties (see
 * provider/core/definition.ts). The CRUD is in ./index.ts; the rules come from ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { PLAN_CIRCLES } from "../api";
import { rules } from "./rules";
import { adoptInput } from "../../core/adopt-inputs";

export const cloudFunctionDefinition = {
  token: "cloudfn:minapp:CloudFunction",
  description:
    "A 知晓云 MinApp cloud function. Identifier: the name, prefixed by the environment id when one is set (`<envId>/<name>`). Create is a POST (plus one PATCH for a non-default plan); code, remark and plan update in place with one PATCH.",
  docs: "minapp/cloud-function.md",
  implementation: "provider/minapp/cloud-function",
  hasCode: true,
  inputs: {
    name: {
      type: t.string(),
      required: true,
      replaceOnChange: true,
      rule: rules.name,
      doc: "Function name, the platform's key (`/cloud-function/<name>/`); must not be empty or contain `/`.",
    },
    code: {
      type: t.union(t.string(), t.asset(), t.archive()),
      required: true,
      rule: rules.code,
      doc: "The code: a string of JavaScript, a FileAsset/StringAsset (used as is), or a FileArchive/AssetArchive of a folder, bundled from `entry` into one CommonJS file for Node 12 with esbuild (deterministic). Must export `main`. Must not be empty; checked to parse before any API call.",
    },
    entry: {
      type: t.string(),
      default: "index.js",
      rule: rules.entry,
      doc: "Entry file inside an archive `code` (a relative path).",
    },
    remark: { type: t.string(), default: "", rule: rules.remark, doc: "Free text (`remark`)." },
    planCircle: {
      type: t.enum(PLAN_CIRCLES),
      default: "P_FREE",
      rule: rules.planCircle,
      doc: "Memory plan (`plan_circle`): `P_FREE` (128 MB) or `P_PERSONAL` (256 MB). A plan other than `P_FREE` is set by a PATCH right after create.",
    },
    environmentId: {
      type: t.string(),
      replaceOnChange: true,
      rule: rules.environmentId,
      doc: "Test environment (测试环境) id, sent as `X-Hydrogen-Env-ID`. Absent: `cloudfn:minappEnvironmentId`, else production.",
    },
    adopt: adoptInput(
      "Take over the existing cloud function of this name (in this environment) on the first `up` instead of creating it: it is read, recorded, and only what differs (source, remark, planCircle) is patched.",
    ),
  },
  outputs: {
    source: {
      type: t.string(),
      fromCheck: true,
      doc: "The exact JavaScript deployed (`function_code`), built by check. After a refresh, the live code: a dashboard edit shows up here as a diff.",
    },
    functionId: { type: t.integer(), doc: "The platform's numeric id." },
    auditStatus: { type: t.string(), doc: "`approved`, `waiting` or `rejected` (`audit_status`)." },
    createdAt: { type: t.integer(), doc: "Creation time, Unix seconds." },
    updatedAt: { type: t.integer(), doc: "Last update time, Unix seconds." },
    createdBy: { type: t.string(), doc: "Console nickname of the creator; empty when created through the Open API." },
    updatedBy: { type: t.string(), doc: "Console nickname of the last editor; may be empty." },
    codeHash: { type: t.string(), doc: "SHA-256 (hex) of the deployed source." },
  },
} as const satisfies ResourceDefinition;
