/**
 * FunctionGraph route table: method + path → official SDK operation name + handler. The
 * operation name is what the request log and fault rules use. URNs arrive raw, with colons,
 * as one path segment (docs/reference/functiongraph-api.md §2).
 */
import { bindRoutes, type EmulatedPlatform, type EnvRoute } from "../core/platform";
import { fgAuthMiddleware } from "./auth";
import { PLATFORM, type FgEnv } from "./env";
import { faultError, fgErrors } from "./errors";
import { MAX_BODY_BYTES } from "./limits";
import * as F from "./handlers/function";
import { keystoneCreateUserTokenByPassword } from "./handlers/iam";
import { invokeFunction } from "./handlers/invoke";
import * as TR from "./handlers/trigger";
import { triggerControlRoutes } from "./triggers/control";
import { TimerScheduler } from "./triggers/scheduler";
import * as AS from "./handlers/async";
import { drainAsync } from "./runtime/async-invoke";
import * as D from "./handlers/dependency-version";
import * as W from "./handlers/workflow";
import { apigRoutes } from "./apig/serve";
import { eventRoutes } from "./events/route";
import { VERSION_ROUTES, versionControlRoutes } from "./version-routes";
import { FUNCTION_SETTINGS_ROUTES } from "./routes-function-settings";
import * as WX from "./handlers/workflow-execution";
import * as LD from "./handlers/dependency";
import { drainExecutions, endInterruptedExecutions } from "./runtime/workflow-run";

export type FgRoute = EnvRoute<FgEnv>;

const FN = "/v2/:project_id/fgs/functions";
const TRG = "/v2/:project_id/fgs/triggers";
const DEP = "/v2/:project_id/fgs/dependencies";
const FLOW = "/v2/:project_id/fgs/workflows";

export const FG_ROUTES: FgRoute[] = [
  {
    method: "POST",
    path: "/v3/auth/tokens",
    operation: "KeystoneCreateUserTokenByPassword",
    handler: keystoneCreateUserTokenByPassword,
  },
  { method: "POST", path: FN, operation: "CreateFunction", handler: F.createFunction },
  { method: "GET", path: FN, operation: "ListFunctions", handler: F.listFunctions },
  { method: "GET", path: `${FN}/:function_urn/config`, operation: "ShowFunctionConfig", handler: F.showFunctionConfig },
  {
    method: "PUT",
    path: `${FN}/:function_urn/config`,
    operation: "UpdateFunctionConfig",
    handler: F.updateFunctionConfig,
  },
  { method: "GET", path: `${FN}/:function_urn/code`, operation: "ShowFunctionCode", handler: F.showFunctionCode },
  { method: "PUT", path: `${FN}/:function_urn/code`, operation: "UpdateFunctionCode", handler: F.updateFunctionCode },
  { method: "DELETE", path: `${FN}/:function_urn`, operation: "DeleteFunction", handler: F.deleteFunction },
  { method: "POST", path: `${FN}/:function_urn/invocations`, operation: "InvokeFunction", handler: invokeFunction },
  ...VERSION_ROUTES,
  {
    method: "POST",
    path: `${TRG}/:function_urn`,
    operation: "CreateFunctionTrigger",
    handler: TR.createFunctionTrigger,
  },
  { method: "GET", path: `${TRG}/:function_urn`, operation: "ListFunctionTriggers", handler: TR.listFunctionTriggers },
  {
    method: "DELETE",
    path: `${TRG}/:function_urn`,
    operation: "BatchDeleteFunctionTriggers",
    handler: TR.batchDeleteFunctionTriggers,
  },
  {
    method: "GET",
    path: `${TRG}/:function_urn/:trigger_type_code/:trigger_id`,
    operation: "ShowFunctionTrigger",
    handler: TR.showFunctionTrigger,
  },
  {
    method: "PUT",
    path: `${TRG}/:function_urn/:trigger_type_code/:trigger_id`,
    operation: "UpdateTrigger",
    handler: TR.updateTrigger,
  },
  {
    method: "DELETE",
    path: `${TRG}/:function_urn/:trigger_type_code/:trigger_id`,
    operation: "DeleteFunctionTrigger",
    handler: TR.deleteFunctionTrigger,
  },
  // T7 is not in the Node SDK 3.1.211, so it has no official operation name; this one is ours.
  { method: "GET", path: TRG, operation: "ListTriggers", handler: TR.listProjectTriggers },
  {
    method: "POST",
    path: `${FN}/:function_urn/invocations-async`,
    operation: "AsyncInvokeFunction",
    handler: AS.asyncInvokeFunction,
  },
  {
    method: "PUT",
    path: `${FN}/:function_urn/async-invoke-config`,
    operation: "UpdateFunctionAsyncInvokeConfig",
    handler: AS.updateFunctionAsyncInvokeConfig,
  },
  {
    method: "GET",
    path: `${FN}/:function_urn/async-invoke-config`,
    operation: "ShowFunctionAsyncInvokeConfig",
    handler: AS.showFunctionAsyncInvokeConfig,
  },
  {
    method: "DELETE",
    path: `${FN}/:function_urn/async-invoke-config`,
    operation: "DeleteFunctionAsyncInvokeConfig",
    handler: AS.deleteFunctionAsyncInvokeConfig,
  },
  {
    method: "GET",
    path: `${FN}/:function_urn/async-invoke-configs`,
    operation: "ListFunctionAsyncInvokeConfig",
    handler: AS.listFunctionAsyncInvokeConfig,
  },
  {
    method: "GET",
    path: `${FN}/:function_urn/async-invocations`,
    operation: "ListAsyncInvocations",
    handler: AS.listAsyncInvocations,
  },
  {
    method: "GET",
    path: "/v2/:project_id/fgs/function/report",
    operation: "ListFunctionAsMetric",
    handler: AS.listFunctionAsMetric,
  },
  { method: "POST", path: `${DEP}/version`, operation: "CreateDependencyVersion", handler: D.createDependencyVersion },
  { method: "GET", path: DEP, operation: "ListDependencies", handler: D.listDependencies },
  {
    method: "GET",
    path: `${DEP}/:depend_id/version`,
    operation: "ListDependencyVersion",
    handler: D.listDependencyVersion,
  },
  {
    method: "GET",
    path: `${DEP}/:depend_id/version/:version`,
    operation: "ShowDependencyVersion",
    handler: D.showDependencyVersion,
  },
  {
    method: "DELETE",
    path: `${DEP}/:depend_id/version/:version`,
    operation: "DeleteDependencyVersion",
    handler: D.deleteDependencyVersion,
  },
  // D6–D9 (legacy, §5.5) have no official SDK operation names; these are ours.
  { method: "POST", path: DEP, operation: "CreateDependency", handler: LD.createDependency },
  { method: "GET", path: `${DEP}/:depend_id`, operation: "ShowDependency", handler: LD.showDependency },
  { method: "PUT", path: `${DEP}/:depend_id`, operation: "UpdateDependency", handler: LD.updateDependency },
  { method: "DELETE", path: `${DEP}/:depend_id`, operation: "DeleteDependency", handler: LD.deleteDependency },
  { method: "POST", path: FLOW, operation: "CreateWorkflow", handler: W.createWorkflow },
  { method: "GET", path: FLOW, operation: "ListWorkflow", handler: W.listWorkflow },
  { method: "DELETE", path: FLOW, operation: "BatchDeleteWorkflows", handler: W.batchDeleteWorkflows },
  { method: "GET", path: `${FLOW}/:workflow_id`, operation: "ShowWorkFlow", handler: W.showWorkFlow },
  { method: "PUT", path: `${FLOW}/:workflow_id`, operation: "UpdateWorkFlow", handler: W.updateWorkFlow },
  {
    method: "POST",
    path: `${FLOW}/:workflow_id/sync-executions`,
    operation: "StartSyncWorkflowExecution",
    handler: W.startSyncWorkflowExecution,
  },
  ...FUNCTION_SETTINGS_ROUTES,
  {
    method: "POST",
    path: `${FLOW}/:workflow_id/executions`,
    operation: "StartWorkflowExecution",
    handler: WX.startWorkflowExecution,
  },
  {
    method: "GET",
    path: `${FLOW}/:workflow_id/executions`,
    operation: "ListWorkflowExecutions",
    handler: WX.listWorkflowExecutions,
  },
  {
    method: "GET",
    path: `${FLOW}/:workflow_id/executions/:execution_id`,
    operation: "ShowWorkflowExecution",
    handler: WX.showWorkflowExecution,
  },
];

/** Platform of a path no route matched, so a 404 is still logged under the right platform. */
export const isFgPath = (path: string) => path.startsWith("/v2/") || path.startsWith("/v3/");

/** FunctionGraph as one plug-in of the emulator app. */
export function functionGraphPlatform(env: FgEnv): EmulatedPlatform {
  const timers = new TimerScheduler(env);
  timers.start();
  endInterruptedExecutions(env);
  return {
    name: PLATFORM,
    routes: bindRoutes(FG_ROUTES, env),
    ownsPath: isFgPath,
    auth: fgAuthMiddleware(env),
    faultError,
    noRoute: () => fgErrors.noRoute(),
    maxBodyBytes: MAX_BODY_BYTES,
    bodyTooLarge: () => fgErrors.bodyTooLarge(),
    internalError: () => fgErrors.internal("Internal server error"),
    controlRoutes: [
      ...triggerControlRoutes(env, timers),
      ...apigRoutes(env),
      ...eventRoutes(env),
      {
        method: "GET",
        path: "/_emulator/functiongraph/invocations",
        handler: (ctx) => AS.controlListInvocations(env, ctx),
      },
      ...versionControlRoutes(env),
      {
        method: "POST",
        path: "/_emulator/functiongraph/async/drain",
        handler: async () => (await drainAsync(env), { status: 204 }),
      },
      {
        method: "POST",
        path: "/_emulator/functiongraph/workflows/drain",
        handler: async () => (await drainExecutions(env), { status: 204 }),
      },
    ],
    reset: () => env.executor.retireWarmWorkers(),
    close: () => {
      timers.close();
      return env.executor.close();
    },
  };
}
