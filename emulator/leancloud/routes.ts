/**
 * LeanCloud route table: method + path → operation name + handler. The operation names are
 * what the request log and fault rules use (platform "leancloud"):
 *
 *   Engine (app keys, `X-LC-Id` + `X-LC-Key` | `X-LC-Sign`):
 *     CallFunction            POST /1.1/functions/<name>           (also /1/…)
 *     CallFunctionRpc         POST /1.1/call/<name>                (also /1/…)
 *     GetFunctionMetadatas    GET  /1.1/functions/_ops/metadatas   (master key)
 *     Ping                    GET  /__engine/1/ping                (no auth)
 *   Storage API, users only (app keys):
 *     SignUpUser              POST /1.1/users
 *     LoginUser               POST /1.1/login
 *     GetCurrentUser          GET  /1.1/users/me                   (X-LC-Session)
 *   Console API subset of the lean CLI (`Authorization: Token <consoleToken>` + `X-LC-Id`).
 *   UNOFFICIAL: LeanCloud never documented it; it is read from lean-cli's source (docs/reference/leancloud-api.md §8):
 *     GetEngineInfo           GET    /1.1/engine
 *     GetEngineGroups         GET    /1.1/engine/groups[?all=true]
 *     GetEnvironmentVariables GET    /1.1/engine/groups/<group>    (one group, its environments)
 *     UpdateEnvironmentVariables PATCH /1.1/engine/groups/<group>  {environments: full map}
 *     DeployEngine            POST   /1.1/engine/groups/<group>/envs/<0|1>/version
 *                                    (older lean CLIs: …/<group>/staging|production/version)
 *     DeleteEngineEnvironment DELETE /1.1/engine/groups/<group>/envs/<0|1>
 *     GetEngineEvents         GET    /1.1/engine/events/poll/<eventToken>[?from=<time>]
 *     GetClientSelf           GET    /client-center/2/clients/self
 *     GetClientApps           GET    /client-center/2/clients/self/apps
 *     GetClientApp            GET    /client-center/2/clients/self/apps/<appId>
 */
import { bindRoutes, type EmulatedPlatform, type EnvRoute } from "../core/platform";
import { lcAuthMiddleware } from "./auth";
import { lcControlRoutes } from "./control";
import { MAX_BODY_BYTES, PLATFORM, type LcEnv } from "./env";
import { faultError, lcErrorFor, lcErrors } from "./errors";
import * as C from "./handlers/console";
import * as Fn from "./handlers/invocation";
import * as U from "./handlers/users";

export const LEANCLOUD_OPERATIONS = [
  "CallFunction",
  "CallFunctionRpc",
  "GetFunctionMetadatas",
  "Ping",
  "SignUpUser",
  "LoginUser",
  "GetCurrentUser",
  "GetEngineInfo",
  "GetEngineGroups",
  "GetEnvironmentVariables",
  "UpdateEnvironmentVariables",
  "DeployEngine",
  "DeleteEngineEnvironment",
  "GetEngineEvents",
  "GetClientSelf",
  "GetClientApps",
  "GetClientApp",
] as const;
export type LeanCloudOperation = (typeof LEANCLOUD_OPERATIONS)[number];

export type LcRoute = EnvRoute<LcEnv, LeanCloudOperation>;

/** Engine routes exist under the current /1.1 and the legacy /1 prefix (the SDK mounts both). */
const bothVersions = (routes: LcRoute[]): LcRoute[] =>
  routes.flatMap((r) => [r, { ...r, path: r.path.replace(/^\/1\.1\//, "/1/") }]);

export const LC_ROUTES: LcRoute[] = [
  ...bothVersions([
    {
      method: "GET",
      path: "/1.1/functions/_ops/metadatas",
      operation: "GetFunctionMetadatas",
      handler: Fn.functionMetadatas,
    },
    { method: "POST", path: "/1.1/functions/", operation: "CallFunction", handler: Fn.noFunctionName },
    { method: "POST", path: "/1.1/functions/:name", operation: "CallFunction", handler: Fn.callFunction },
    { method: "POST", path: "/1.1/call/", operation: "CallFunctionRpc", handler: Fn.noFunctionName },
    { method: "POST", path: "/1.1/call/:name", operation: "CallFunctionRpc", handler: Fn.callFunction },
  ]),
  { method: "GET", path: "/__engine/1/ping", operation: "Ping", handler: Fn.ping },
  ...bothVersions([
    { method: "POST", path: "/1.1/users", operation: "SignUpUser", handler: U.signUpUser },
    { method: "POST", path: "/1.1/login", operation: "LoginUser", handler: U.loginUser },
    { method: "GET", path: "/1.1/users/me", operation: "GetCurrentUser", handler: U.getCurrentUser },
  ]),
  { method: "GET", path: "/1.1/engine", operation: "GetEngineInfo", handler: C.getEngineInfo },
  { method: "GET", path: "/1.1/engine/groups", operation: "GetEngineGroups", handler: C.getEngineGroups },
  {
    method: "GET",
    path: "/1.1/engine/groups/:group",
    operation: "GetEnvironmentVariables",
    handler: C.getEnvironmentVariables,
  },
  {
    method: "PATCH",
    path: "/1.1/engine/groups/:group",
    operation: "UpdateEnvironmentVariables",
    handler: C.updateEnvironmentVariables,
  },
  {
    method: "POST",
    path: "/1.1/engine/groups/:group/envs/:env/version",
    operation: "DeployEngine",
    handler: C.deployEngine,
  },
  {
    method: "POST",
    path: "/1.1/engine/groups/:group/:envName/version",
    operation: "DeployEngine",
    handler: C.deployEngine,
  },
  {
    method: "DELETE",
    path: "/1.1/engine/groups/:group/envs/:env",
    operation: "DeleteEngineEnvironment",
    handler: C.deleteEngineEnvironment,
  },
  { method: "GET", path: "/1.1/engine/events/poll/:token", operation: "GetEngineEvents", handler: C.getEngineEvents },
  { method: "GET", path: "/client-center/2/clients/self", operation: "GetClientSelf", handler: C.getClientSelf },
  { method: "GET", path: "/client-center/2/clients/self/apps", operation: "GetClientApps", handler: C.getClientApps },
  {
    method: "GET",
    path: "/client-center/2/clients/self/apps/:appId",
    operation: "GetClientApp",
    handler: C.getClientApp,
  },
];

export const isLcPath = (path: string) => /^\/(1|1\.1|client-center|__engine)\//.test(path);

/** LeanCloud as one plug-in of the emulator app. */
export function leanCloudPlatform(env: LcEnv): EmulatedPlatform {
  return {
    name: PLATFORM,
    routes: bindRoutes(LC_ROUTES, env),
    ownsPath: isLcPath,
    auth: lcAuthMiddleware(env),
    faultError,
    noRoute: (ctx) => lcErrors.noRoute(ctx.rawPath),
    maxBodyBytes: MAX_BODY_BYTES,
    bodyTooLarge: (ctx) => lcErrorFor(ctx, 413, "Request entity too large."),
    internalError: (ctx) => lcErrorFor(ctx, 500, "Internal server error."),
    controlRoutes: lcControlRoutes(env),
    // Instances are found by group: after a reset a new deploy must not meet the old process.
    reset: () => env.engines.close(),
    close: () => env.engines.close(),
  };
}
