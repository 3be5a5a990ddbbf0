/**
 * Routes of the function settings that have their own APIs (handlers/function-settings.ts).
 * Tags live under `/functions` without `/fgs` (docs/reference/functiongraph-api.md §0, F18): the
 * SDK's generic `/{resource_type}/{resource_id}/tags` with resource_type `functions`.
 */
import type { EnvRoute } from "../core/platform";
import type { FgEnv } from "./env";
import * as S from "./handlers/function-settings";
import { listFunctionStatistics } from "./handlers/statistics";

const FN = "/v2/:project_id/fgs/functions";
const TAGS = "/v2/:project_id/functions";

export const FUNCTION_SETTINGS_ROUTES: EnvRoute<FgEnv>[] = [
  {
    method: "PUT",
    path: `${FN}/:function_urn/config-max-instance`,
    operation: "UpdateFunctionMaxInstanceConfig",
    handler: S.updateFunctionMaxInstanceConfig,
  },
  { method: "POST", path: `${TAGS}/:function_urn/tags/create`, operation: "CreateTags", handler: S.createTags },
  { method: "DELETE", path: `${TAGS}/:function_urn/tags/delete`, operation: "DeleteTags", handler: S.deleteTags },
  { method: "GET", path: `${TAGS}/:function_urn/tags`, operation: "ListFunctionTags", handler: S.listFunctionTags },
  { method: "GET", path: `${TAGS}/tags`, operation: "ShowProjectTagsList", handler: S.showProjectTagsList },
  {
    method: "GET",
    path: `${FN}/:function_urn/lts-log-detail`,
    operation: "ShowLtsLogDetails",
    handler: S.showLtsLogDetails,
  },
  { method: "POST", path: `${FN}/enable-lts-logs`, operation: "EnableLtsLogs", handler: S.enableLtsLogs },
  {
    method: "PUT",
    path: `${FN}/:function_urn/reservedinstances`,
    operation: "UpdateFunctionReservedInstancesCount",
    handler: S.updateFunctionReservedInstancesCount,
  },
  {
    method: "GET",
    path: `${FN}/reservedinstanceconfigs`,
    operation: "ListReservedInstanceConfigs",
    handler: S.listReservedInstanceConfigs,
  },
  {
    method: "GET",
    path: `${FN}/reservedinstances`,
    operation: "ListFunctionReservedInstances",
    handler: S.listFunctionReservedInstances,
  },
  {
    method: "GET",
    path: `${FN}/:function_urn/statistics/:period`,
    operation: "ListFunctionStatistics",
    handler: listFunctionStatistics,
  },
];
