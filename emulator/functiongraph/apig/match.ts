/**
 * Which APIG trigger a request addresses: APIG's path rules as the emulator applies them.
 * `{name}` matches one path segment, `{name+}` the rest of the path; match_mode NORMAL needs the
 * whole path to match, SWA ("starts with") a prefix of whole segments. Among several matches
 * the exact (NORMAL) one wins, then the longest declared path [inferred: APIG documents that
 * exact routes win, not the order among prefixes].
 */
import type { TriggerRecord } from "../models/trigger";

export interface PathMatch {
  pathParameters: Record<string, string>;
  exact: boolean;
}

const segments = (path: string) => path.split("/").filter((s) => s !== "");

function matchSegment(pattern: string, actual: string, params: Record<string, string>): boolean {
  const param = /^\{([^{}+]+)\}$/.exec(pattern);
  if (param) {
    params[param[1]] = actual;
    return true;
  }
  return pattern === actual;
}

/** Matches a request path (percent-decoded segments) against a declared API path. */
export function matchPath(declared: string, actual: string, prefixMode: boolean): PathMatch | undefined {
  const want = segments(declared);
  const got = segments(actual);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const greedy = /^\{([^{}]+)\+\}$/.exec(want[i]);
    if (greedy) {
      if (i >= got.length) return undefined;
      params[greedy[1]] = got.slice(i).join("/");
      return { pathParameters: params, exact: !prefixMode };
    }
    if (i >= got.length || !matchSegment(want[i], got[i], params)) return undefined;
  }
  if (got.length > want.length && !prefixMode) return undefined;
  return { pathParameters: params, exact: got.length === want.length && !prefixMode };
}

export const methodMatches = (declared: unknown, method: string) =>
  declared === "ANY" || declared === method || (declared === "GET" && method === "HEAD");

export interface Candidate {
  projectId: string;
  trigger: TriggerRecord;
  match: PathMatch;
}

/** Best first: exact before prefix, then the longer declared path. */
export function rank(candidates: Candidate[]): Candidate[] {
  const length = (c: Candidate) => segments(text(c.trigger.event_data.path)).length;
  return [...candidates].sort((a, b) => Number(b.match.exact) - Number(a.match.exact) || length(b) - length(a));
}

/** A string event_data field, or the fallback. */
export const text = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);
