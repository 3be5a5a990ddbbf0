/**
 * Wire errors of LeanCloud (docs/reference/leancloud-api.md §5): every body is `{code, error}`, the storage API, the
 * platform and the engine SDK alike; the console API adds `errorEventID`. `code` is usually a
 * number but can be a string when a Node system error escapes a function.
 */
import { WireError, type RequestContext } from "../core/http";

export class LcError extends WireError {
  constructor(
    status: number,
    readonly code: number | string,
    message: string,
  ) {
    super(status, message);
  }
  body(_ctx?: RequestContext): unknown {
    return { code: this.code, error: this.message };
  }
}

/** A console-API error: same shape plus the request's id as `errorEventID`. */
export class ConsoleError extends LcError {
  override body(ctx?: RequestContext): unknown {
    return { code: this.code, error: this.message, errorEventID: ctx?.requestId };
  }
}

export const lcErrors = {
  unauthorized: () => new LcError(401, 401, "Unauthorized."),
  badJson: (detail: string) => new LcError(400, 1, detail),
  noSuchFunction: (name: string) => new LcError(404, 1, `No such cloud function '${name}'`),
  noFunctionName: (url: string) => new LcError(404, 1, `No function name or class name: ${url}`),
  /** Path of the LeanCloud API that the emulator does not serve. */
  noRoute: (path: string) => new LcError(404, 1, `The emulator does not serve ${path}`),
  engineDown: (detail: string) => new LcError(503, 1, detail),
  gatewayTimeout: () => new LcError(524, 124, "The request timed out on the server."),
  // Storage-API user errors (error-code list: 200, 201, 202, 210, 211).
  usernameMissing: () => new LcError(400, 200, "Username is missing or empty"),
  passwordMissing: () => new LcError(400, 201, "Password is missing or empty"),
  usernameTaken: () => new LcError(400, 202, "Username has already been taken."),
  passwordMismatch: () => new LcError(400, 210, "The username and password mismatch."),
  userNotFound: () => new LcError(400, 211, "Could not find user."),
  invalidSession: () => new LcError(400, 211, "Could not find user."),
} as const;

export const consoleErrors = {
  unauthorized: () => new ConsoleError(401, 401, "Unauthorized."),
  invalid: (detail: string) => new ConsoleError(400, 1, detail),
  groupNotFound: (group: string) => new ConsoleError(404, 1, `Group not found: ${group}`),
  appNotFound: (appId: string) => new ConsoleError(404, 1, `App not found: ${appId}`),
  eventsNotFound: () => new ConsoleError(404, 1, "Event token not found."),
  notDeployable: (group: string, env: string) =>
    new ConsoleError(400, 1, `The ${env} environment of group ${group} is not deployable.`),
} as const;

const CONSOLE_OPS = new Set([
  "GetEngineGroups",
  "UpdateEnvironmentVariables",
  "GetEnvironmentVariables",
  "DeployEngine",
  "GetEngineEvents",
  "DeleteEngineEnvironment",
  "GetEngineInfo",
  "GetClientSelf",
  "GetClientApps",
  "GetClientApp",
]);

export const isConsoleOperation = (operation: string) => CONSOLE_OPS.has(operation);

/** An error in the shape of the API the request went to: console (with errorEventID) or not. */
export function lcErrorFor(ctx: RequestContext, status: number, message: string, code: number | string = 1): WireError {
  const Kind = isConsoleOperation(ctx.operation) ? ConsoleError : LcError;
  return new Kind(status, code, message);
}

export function faultError(ctx: RequestContext, status: number, code?: string, msg?: string): WireError {
  const numeric = code !== undefined && /^-?\d+$/.test(code) ? Number(code) : code;
  const message = msg ?? (status === 429 ? "Too many requests." : "injected fault");
  return lcErrorFor(ctx, status, message, numeric ?? (status === 429 ? 155 : 1));
}
