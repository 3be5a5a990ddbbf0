/**
 * Routes of versions and aliases (F11–F17, docs/reference/functiongraph-api.md §0) with the official
 * SDK's operation names, and the control route that seeds weighted alias routing.
 */
import { json, parseJsonBody } from "../core/http";
import type { ControlRoute, EnvRoute } from "../core/platform";
import type { FgEnv } from "./env";
import * as V from "./handlers/version";
import { seedRouting } from "./models/routing-random";

const FN = "/v2/:project_id/fgs/functions/:function_urn";

export const VERSION_ROUTES: EnvRoute<FgEnv>[] = [
  { method: "POST", path: `${FN}/versions`, operation: "CreateFunctionVersion", handler: V.createFunctionVersion },
  { method: "GET", path: `${FN}/versions`, operation: "ListFunctionVersions", handler: V.listFunctionVersions },
  { method: "POST", path: `${FN}/aliases`, operation: "CreateVersionAlias", handler: V.createVersionAlias },
  { method: "GET", path: `${FN}/aliases`, operation: "ListVersionAliases", handler: V.listVersionAliases },
  { method: "GET", path: `${FN}/aliases/:alias_name`, operation: "ShowVersionAlias", handler: V.showVersionAlias },
  { method: "PUT", path: `${FN}/aliases/:alias_name`, operation: "UpdateVersionAlias", handler: V.updateVersionAlias },
  {
    method: "DELETE",
    path: `${FN}/aliases/:alias_name`,
    operation: "DeleteVersionAlias",
    handler: V.deleteVersionAlias,
  },
];

/** POST /_emulator/functiongraph/routing/seed `{seed}`: reproducible weighted routing from now on. */
export function versionControlRoutes(env: FgEnv): ControlRoute[] {
  return [
    {
      method: "POST",
      path: "/_emulator/functiongraph/routing/seed",
      handler: async (ctx) => {
        let seed: unknown;
        try {
          seed = (parseJsonBody(ctx) as { seed?: unknown } | undefined)?.seed;
        } catch {
          seed = undefined;
        }
        if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
          return json(400, { error: 'body must be {"seed": <integer 0..2^32-1>}' });
        seedRouting(env, seed);
        return { status: 204 };
      },
    },
  ];
}
