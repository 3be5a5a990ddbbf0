/**
 * MinApp test helpers: the emulator's request log, and "someone else" (the dashboard, a
 * colleague's script) calling the MinApp API with their own token, through the emulator's own
 * raw test client (emulator/testing/minapp-client.ts).
 */
import { minappLogin, minappRequest, type MinAppResult } from "../../emulator/testing/minapp-client";
import { clearRequestLog, countOps, requestLog, type LoggedRequest } from "./fg-http";

export { clearRequestLog, countOps };

export const FUNCTIONS = "/oserve/v1.3/cloud-function/";

/** A MinApp Open API call with a fresh token of the emulator's default app. */
export async function minappCall(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  envId?: string,
): Promise<MinAppResult> {
  const { access_token } = await minappLogin(baseUrl);
  return minappRequest(baseUrl, { method, path, body, token: access_token, envId });
}

export const functionPath = (name: string, suffix = "") => `${FUNCTIONS}${encodeURIComponent(name)}/${suffix}`;

/** The MinApp entries of the request log, as "Operation status" lines. */
export async function minappOps(baseUrl: string): Promise<string[]> {
  const log: LoggedRequest[] = await requestLog(baseUrl);
  return log.filter((r) => r.platform === "minapp").map((r) => `${r.operation} ${r.status}`);
}

/** MinApp operations counted, without the token flow. */
export async function minappApiCounts(baseUrl: string): Promise<Record<string, number>> {
  const log: LoggedRequest[] = await requestLog(baseUrl);
  return countOps(log.filter((r) => r.platform === "minapp" && !/^(Authorize|AccessToken)/.test(r.operation)));
}
