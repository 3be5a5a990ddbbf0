/**
 * Wire errors of FunctionGraph and IAM, exactly as the platform shapes them (docs/reference/functiongraph-api.md §1.3, §10):
 * FunctionGraph and its API gateway answer `{error_code, error_msg}`, IAM answers
 * `{error: {code, message, title}}`.
 */
import { WireError, type RequestContext } from "../core/http";

/** A FunctionGraph (FSS.*) or gateway (APIG.*) error. */
export class FgError extends WireError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
  }
  body(): unknown {
    return { error_code: this.code, error_msg: this.message };
  }
}

const IAM_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};

export class IamError extends WireError {
  body(): unknown {
    return { error: { code: this.status, message: this.message, title: IAM_TITLES[this.status] ?? "Error" } };
  }
}

/** Constructors for the codes the emulator uses, so handlers never spell a code twice. */
export const fgErrors = {
  noRoute: () => new FgError(404, "APIG.0101", "The API does not exist or has not been published in the environment"),
  auth: (detail: string) => new FgError(401, "APIG.0301", `Incorrect IAM authentication information: ${detail}`),
  bodyTooLarge: () => new FgError(413, "APIG.0201", "Request entity too large"),
  forbidden: (detail: string) => new FgError(403, "FSS.0403", detail),
  invalid: (detail: string) => new FgError(400, "FSS.0400", detail),
  badQuery: (detail: string) => new FgError(400, "FSS.1001", detail),
  validation: (code: string, detail: string) => new FgError(400, code, detail),
  functionNotFound: () => new FgError(404, "FSS.1051", "Not found the function"),
  versionNotFound: () => new FgError(404, "FSS.1052", "Not found the function version"),
  aliasNotFound: () => new FgError(404, "FSS.1053", "Not found the function alias"),
  functionExists: (name: string) => new FgError(409, "FSS.1061", `function ${name} already exists`),
  zipTooLarge: () => new FgError(413, "FSS.1071", "the code package exceeds 50 MB"),
  inlineTooLarge: () => new FgError(413, "FSS.1072", "inline code exceeds 10 KB"),
  timeout: (seconds: number) => new FgError(408, "FSS.0408", `function invocation timed out after ${seconds}s`),
  internal: (detail: string) => new FgError(500, "FSS.0500", detail),
  dependencyNotFound: () => new FgError(404, "FSS.1056", "Not found the dependency"),
  dependencyInUse: (what: string, fn: string) =>
    new FgError(412, "FSS.1033", `dependency ${what} is used by function ${fn}`),
  dependencyQuota: (max: number) =>
    new FgError(403, "FSS.1045", `the number of dependency versions exceeds the quota (${max})`),
} as const;

/**
 * Default error code for an injected fault status: the gateway's throttling code for 429 (what a
 * provider sees most often in production), otherwise the generic FSS.0<status> family (§10.3).
 */
export function defaultFaultCode(status: number): string {
  return status === 429 ? "APIG.0308" : `FSS.0${status}`;
}

export function faultError(ctx: RequestContext, status: number, code?: string, msg?: string): WireError {
  if (ctx.operation === "KeystoneCreateUserTokenByPassword") return new IamError(status, msg ?? "injected fault");
  const message =
    msg ??
    (status === 429
      ? "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 second"
      : "injected fault");
  return new FgError(status, code ?? defaultFaultCode(status), message);
}
