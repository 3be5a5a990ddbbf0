/**
 * FunctionGraph route table: method + path → official SDK operation name + handler. The
 * operation name is what the request log and fault rules use. URNs arrive raw, with colons,
 * as one path segment (§2).
 */
import type { Reply, RequestContext } from "../core/http";
import type { FgEnv } from "./env";
import * as F from "./handlers/functions";
import { keystoneCreateUserTokenByPassword } from "./handlers/iam";
import { invokeFunction } from "./handlers/invoke";

export interface FgRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  operation: string;
  handler: (env: FgEnv, ctx: RequestContext) => Promise<Reply>;
}

const FN = "/v2/:project_id/fgs/functions";

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
];

/** Platform of a path no route matched, so a 404 is still logged under the right platform. */
export const isFgPath = (path: string) => path.startsWith("/v2/") || path.startsWith("/v3/");
