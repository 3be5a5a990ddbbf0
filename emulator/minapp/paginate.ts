/**
 * limit/offset pagination with the `meta` block of MinApp list responses (docs/reference/minapp-api.md §4): default
 * limit 20, relative `next`/`previous` links (path + query) or null at the ends.
 */
import { minappErrors } from "./errors";

export const DEFAULT_LIMIT = 20;
/**
 * Largest page. Documented as 1000 for the Open API record endpoints only; the digest infers the
 * same cap for cloud functions and jobs, so bigger limits are clamped to it.
 */
export const MAX_LIMIT = 1000;

export interface PageMeta {
  limit: number;
  next: string | null;
  offset: number;
  previous: string | null;
  total_count: number;
}

export interface Page<T> {
  meta: PageMeta;
  objects: T[];
}

function nonNegative(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw))
    throw minappErrors.invalid(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/**
 * @param path the request path as received (links stay on /oserve or /userve, and keep its form)
 * @param keep the other query parameters (filters), repeated in the links before limit/offset
 */
export function paginate<T>(
  items: T[],
  path: string,
  raw: { limit?: string; offset?: string },
  keep: Record<string, string> = {},
): Page<T> {
  // limit=0 means "as many as allowed" (Django-Tastypie's convention, which these APIs follow).
  const asked = nonNegative("limit", raw.limit, DEFAULT_LIMIT);
  const limit = asked === 0 ? MAX_LIMIT : Math.min(asked, MAX_LIMIT);
  const offset = nonNegative("offset", raw.offset, 0);
  const link = (o: number) =>
    `${path}?${new URLSearchParams({ ...keep, limit: String(limit), offset: String(o) }).toString()}`;
  return {
    meta: {
      limit,
      next: offset + limit < items.length ? link(offset + limit) : null,
      offset,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      total_count: items.length,
    },
    objects: items.slice(offset, offset + limit),
  };
}
