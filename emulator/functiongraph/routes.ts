/**
 * FunctionGraph route table: method + path → official SDK operation name + handler. The
 * operation name is what the request log and fault rules use. URNs arrive raw, with colons,
 * as one path segment (§2).
 */
import type { Reply, RequestContext } from "../core/http";
import type { EmulatedPlatform } from "../core/platform";
import { fgAuthMiddleware } from "./auth";
import { PLATFORM, type FgEnv } from "./env";
import { faultError, fgErrors } from "./errors";
import * as F from "./handlers/functions";
import { keystoneCreateUserTokenByPassword } from "./handlers/iam";
import { invokeFunction } from "./handlers/invoke";
import * as D from "./handlers/dependencies";
import * as W from "./handlers/workflows";

export interface FgRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  operation: string;
  handler: (env: FgEnv, ctx: RequestContext) => Promise<Reply>;
}

const FN = "/v2/:project_id/fgs/functions";
const DEP = "/v2/:project_id/fgs/dependencies";
const FLOW = "/v2/:project_id/fgs/workflows";

export const FG_ROUTES: FgRoute[] = [
  { method: "POST", path: "/v3/auth/tokens", operation: "KeystoneCreateUserTokenByPassword", handler: keystoneCreateUserTokenByPassword },
  { method: "POST", path: FN, operation: "CreateFunction", handler: F.createFunction },
  { method: "GET", path: FN, operation: "ListFunctions", handler: F.listFunctions },
  { method: "GET", path: `${FN}/:function_urn/config`, operation: "ShowFunctionConfig", handler: F.showFunctionConfig },
  { method: "PUT", path: `${FN}/:function_urn/config`, operation: "UpdateFunctionConfig", handler: F.updateFunctionConfig },
  { method: "GET", path: `${FN}/:function_urn/code`, operation: "ShowFunctionCode", handler: F.showFunctionCode },
  { method: "PUT", path: `${FN}/:function_urn/code`, operation: "UpdateFunctionCode", handler: F.updateFunctionCode },
  { method: "DELETE", path: `${FN}/:function_urn`, operation: "DeleteFunction", handler: F.deleteFunction },
  { method: "POST", path: `${FN}/:function_urn/invocations`, operation: "InvokeFunction", handler: invokeFunction },
  { method: "POST", path: `${DEP}/version`, operation: "CreateDependencyVersion", handler: D.createDependencyVersion },
  { method: "GET", path: DEP, operation: "ListDependencies", handler: D.listDependencies },
  { method: "GET", path: `${DEP}/:depend_id/version`, operation: "ListDependencyVersion", handler: D.listDependencyVersion },
  { method: "GET", path: `${DEP}/:depend_id/version/:version`, operation: "ShowDependencyVersion", handler: D.showDependencyVersion },
  { method: "DELETE", path: `${DEP}/:depend_id/version/:version`, operation: "DeleteDependencyVersion", handler: D.deleteDependencyVersion },
  { method: "POST", path: FLOW, operation: "CreateWorkflow", handler: W.createWorkflow },
  { method: "GET", path: FLOW, operation: "ListWorkflow", handler: W.listWorkflow },
  { method: "DELETE", path: FLOW, operation: "BatchDeleteWorkflows", handler: W.batchDeleteWorkflows },
  { method: "GET", path: `${FLOW}/:workflow_id`, operation: "ShowWorkFlow", handler: W.showWorkFlow },
  { method: "PUT", path: `${FLOW}/:workflow_id`, operation: "UpdateWorkFlow", handler: W.updateWorkFlow },
  { method: "POST", path: `${FLOW}/:workflow_id/sync-executions`, operation: "StartSyncWorkflowExecution", handler: W.startSyncWorkflowExecution },
];

/** Platform of a path no route matched, so a 404 is still logged under the right platform. */
export const isFgPath = (path: string) => path.startsWith("/v2/") || path.startsWith("/v3/");

/** FunctionGraph as one plug-in of the emulator app. */
export function functionGraphPlatform(env: FgEnv): EmulatedPlatform {
  return {
    name: PLATFORM,
    routes: FG_ROUTES.map((r) => ({ method: r.method, path: r.path, operation: r.operation, handler: (ctx) => r.handler(env, ctx) })),
    ownsPath: isFgPath,
    auth: fgAuthMiddleware(env),
    faultError,
    noRoute: () => fgErrors.noRoute(),
    close: () => env.executor.close(),
  };
}
