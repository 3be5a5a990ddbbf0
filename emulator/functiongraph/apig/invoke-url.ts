/**
 * Where an APIG trigger is served. The platform gives each API group a domain
 * (`https://<group subdomain>/<path>`); the emulator has one host, so it serves every group
 * under one path prefix and the group id: `<emulator>/_emulator/functiongraph/apig/<group_id><path>`.
 */
import { header, type RequestContext } from "../../core/http";
import { text } from "./match";

export const APIG_PREFIX = "/_emulator/functiongraph/apig";

/** Trigger types that are APIs in a gateway (shared APIG and dedicated gateway). */
export const APIG_TYPES: readonly string[] = ["APIG", "DEDICATEDGATEWAY"];

/** The emulator's own origin as the caller reached it. */
export function originOf(ctx: RequestContext): string {
  const proto = header(ctx, "x-forwarded-proto") ?? "http";
  return `${proto}://${header(ctx, "host") ?? "127.0.0.1"}`;
}

export function invokeUrl(origin: string, eventData: Record<string, unknown>): string {
  const path = text(eventData.path, "/");
  return `${origin}${APIG_PREFIX}/${encodeURIComponent(String(eventData.group_id))}${path.startsWith("/") ? path : `/${path}`}`;
}

interface View {
  trigger_id: string;
  trigger_type_code: string;
  event_data: Record<string, unknown>;
}

/**
 * An APIG trigger's wire view with what the gateway adds to its event_data: the API it created
 * (api_id, here the trigger id) and the URL that calls it (invoke_url), computed from the
 * origin the caller used so a restarted emulator on another port still answers right.
 */
export function withInvokeUrl<V extends View>(view: V, origin: string): V {
  if (!APIG_TYPES.includes(view.trigger_type_code)) return view;
  const extra = { api_id: view.trigger_id, invoke_url: invokeUrl(origin, view.event_data) };
  return { ...view, event_data: { ...view.event_data, ...extra } };
}
