/**
 * `cloudfn:leancloud:Invocation`: every fact about the resource's properties (see
 * provider/core/definition.ts). The calls are in ./index.ts; the rules come from ./rules.ts.
 */
import { t, type ResourceDefinition } from "../../core/definition";
import { ENVIRONMENTS, rules } from "./rules";

export const invocationDefinition = {
  token: "cloudfn:leancloud:Invocation",
  description:
    "One call of a LeanCloud cloud function, made at create and again whenever name, params, rpc, environment or triggers change. Identifier: a random UUID. Read and delete make no call. A function error fails the step with LeanCloud's code and message.",
  docs: "leancloud/invocation.md",
  implementation: "provider/leancloud/invocation",
  notImportable:
    "an Invocation records one call its create made; a LeanCloud call has no identity on the platform. Declare it and `up` calls once.",
  inputs: {
    name: {
      type: t.string(),
      required: true,
      rule: rules.name,
      doc: "Function name: one URL path segment (no `/`, `\\`, `?`, `#`, `%` or spaces), 1-128 characters, not `_ops`.",
    },
    params: {
      type: t.any(),
      rule: rules.params,
      doc: 'Params: a JSON object or array, or its JSON text (a string is parsed as JSON text; plain JSON: no assets or resource references). With `rpc`, typed values (`{"__type":"Date","iso":…}`, Pointer, Object, GeoPoint, Bytes; built with `leancloud.rpc`, e.g. `rpc.date(new Date())`) are decoded by the engine. Default `{}`.',
    },
    rpc: {
      type: t.boolean(),
      default: false,
      rule: rules.rpc,
      doc: "Call `/1.1/call/<name>` (RPC: typed params and results) instead of `/1.1/functions/<name>`: the engine decodes typed params (`leancloud.rpc.date`, `object`, `pointer`, `geoPoint`, `bytes`) into JS Dates and AV.Objects.",
    },
    environment: {
      type: t.enum(ENVIRONMENTS),
      default: "production",
      rule: rules.environment,
      doc: "`production` or `staging` (sent as `X-LC-Prod`: 1 or 0).",
    },
    triggers: {
      type: t.array(t.any()),
      rule: rules.triggers,
      doc: "Arbitrary values; any change calls the function again.",
    },
    useMasterKey: {
      type: t.boolean(),
      default: false,
      rule: rules.useMasterKey,
      doc: "Sign with the master key (`cloudfn:leancloudMasterKey`) instead of the app key (needed for `internal` functions). A change alone does not call again.",
    },
    sessionToken: {
      type: t.string(),
      secret: true,
      inputOnly: true,
      rule: rules.sessionToken,
      doc: "User session token (`X-LC-Session`): the function sees `request.currentUser`. Never output. A change alone does not call again.",
    },
  },
  outputs: {
    result: {
      type: t.any(),
      optional: true,
      doc: "The function's result as plain JSON: RPC Dates become ISO strings; Objects and Pointers become maps with `className` and `objectId` next to their fields; GeoPoint `{latitude, longitude}`. Absent when the function returned nothing (body `{}`).",
    },
    rawResult: {
      type: t.any(),
      optional: true,
      doc: "The result exactly as LeanCloud sent it (typed `__type` values kept).",
    },
  },
} as const satisfies ResourceDefinition;
