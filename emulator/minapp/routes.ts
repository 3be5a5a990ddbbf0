/**
 * MinApp (知晓云) route table: method + path → operation name + handler. Operation names are
 * stable: the request log, fault rules and the provider's tests use them. Every documented path
 * ends in "/" and the emulator is strict about it (a path without it is a 404).
 */
import { bindRoutes, type EmulatedPlatform, type EnvRoute } from "../core/platform";
import { minappAuthMiddleware } from "./auth";
import { minappControlRoutes } from "./control";
import { MAX_BODY_BYTES, PLATFORM, type MinAppEnv } from "./env";
import { faultError, minappErrors } from "./errors";
import * as F from "./handlers/cloud-function";
import * as J from "./handlers/jobs";
import * as O from "./handlers/oauth";

/** Operation names of the MinApp emulator (request log, fault rules). */
export const MINAPP_OPERATIONS = {
  Authorize: "Authorize",
  AuthorizeConsent: "AuthorizeConsent",
  AuthorizeResult: "AuthorizeResult",
  AccessToken: "AccessToken",
  CreateCloudFunction: "CreateCloudFunction",
  ListCloudFunctions: "ListCloudFunctions",
  GetCloudFunction: "GetCloudFunction",
  UpdateCloudFunction: "UpdateCloudFunction",
  DeleteCloudFunction: "DeleteCloudFunction",
  InvokeCloudFunction: "InvokeCloudFunction",
  /** The legacy POST /oserve/v1/cloud-function/job/ with `function_name` in the body. */
  InvokeCloudFunctionV1: "InvokeCloudFunctionV1",
  DebugCloudFunction: "DebugCloudFunction",
  ListCloudFunctionJobs: "ListCloudFunctionJobs",
} as const;

export type MinAppOperation = keyof typeof MINAPP_OPERATIONS;

type MinAppRoute = EnvRoute<MinAppEnv, MinAppOperation>;

/** The cloud-function routes under one prefix; /userve/ has the same minus debug (docs/reference/minapp-api.md §1). */
function functionRoutes(prefix: string, withDebug: boolean): MinAppRoute[] {
  const FN = `${prefix}/v1.3/cloud-function/`;
  const routes: MinAppRoute[] = [
    { method: "POST", path: FN, operation: "CreateCloudFunction", handler: F.createCloudFunction },
    { method: "GET", path: FN, operation: "ListCloudFunctions", handler: F.listCloudFunctions },
    { method: "GET", path: `${FN}:name/`, operation: "GetCloudFunction", handler: F.getCloudFunction },
    { method: "PATCH", path: `${FN}:name/`, operation: "UpdateCloudFunction", handler: F.updateCloudFunction },
    { method: "DELETE", path: `${FN}:name/`, operation: "DeleteCloudFunction", handler: F.deleteCloudFunction },
    { method: "POST", path: `${FN}:name/job/`, operation: "InvokeCloudFunction", handler: J.invokeCloudFunction },
    { method: "GET", path: `${FN}:name/job/`, operation: "ListCloudFunctionJobs", handler: J.listCloudFunctionJobs },
  ];
  if (withDebug)
    routes.push({
      method: "POST",
      path: `${FN}:name/debug/`,
      operation: "DebugCloudFunction",
      handler: J.debugCloudFunction,
    });
  return routes;
}

export const MINAPP_ROUTES: MinAppRoute[] = [
  { method: "POST", path: O.AUTHORIZE_PATH, operation: "Authorize", handler: O.authorize },
  { method: "GET", path: O.CONSENT_PATH, operation: "AuthorizeConsent", handler: O.authorizeConsent },
  { method: "GET", path: O.AUTHORIZE_PATH, operation: "AuthorizeResult", handler: O.authorizeResult },
  { method: "POST", path: O.TOKEN_PATH, operation: "AccessToken", handler: O.accessToken },
  ...functionRoutes("/oserve", true),
  {
    method: "POST",
    path: "/oserve/v1/cloud-function/job/",
    operation: "InvokeCloudFunctionV1",
    handler: J.invokeCloudFunctionV1,
  },
  ...functionRoutes("/userve", false),
];

/** Paths of MinApp, so an unmatched one still gets a MinApp-shaped 404 in the log. */
export const isMinAppPath = (path: string) =>
  path.startsWith("/oserve/") || path.startsWith("/userve/") || path.startsWith("/api/oauth2/");

/** MinApp as one plug-in of the emulator app. */
export function minappPlatform(env: MinAppEnv): EmulatedPlatform {
  return {
    name: PLATFORM,
    routes: bindRoutes(MINAPP_ROUTES, env, (operation) => MINAPP_OPERATIONS[operation]),
    ownsPath: isMinAppPath,
    auth: minappAuthMiddleware(env),
    faultError,
    noRoute: () => minappErrors.noRoute(),
    maxBodyBytes: MAX_BODY_BYTES,
    bodyTooLarge: () => minappErrors.bodyTooLarge(),
    internalError: () => minappErrors.internal("internal error"),
    controlRoutes: minappControlRoutes(env),
    close: () => env.executor.close(),
  };
}
