/**
 * Marker-as-offset pagination (FunctionGraph list functions/versions/dependencies, docs/reference/functiongraph-api.md §1.4), configured per list operation.
 */

export interface MarkerPageConfig {
  /** Largest page; bigger requests are clamped to it. */
  maxLimit: number;
  /** Page size when the limit is absent or 0. */
  defaultLimit: number;
}

export interface MarkerPage<T> {
  items: T[];
  /**
   * Offset of the next page. Always offset + items returned, so on the last page it equals the
   * total and a client that asks again gets an empty page whose next_marker equals the marker
   * it sent; TF's loop ("stop when next_marker is 0 or equals the marker sent") fits exactly.
   */
  nextMarker: number;
  /** Total number of items matching the filter, not the page size. */
  count: number;
}

export class PaginationError extends Error {}

const INTEGER = /^-?\d+$/;

/**
 * @param marker raw query value (string offset, default "0")
 * @param limit raw query value; absent, "0" or above maxLimit → maxLimit/default; negative → error
 */
export function paginateByMarker<T>(
  items: T[],
  marker: string | undefined,
  limit: string | undefined,
  cfg: MarkerPageConfig,
): MarkerPage<T> {
  const m = marker === undefined || marker === "" ? 0 : INTEGER.test(marker) ? Number(marker) : NaN;
  if (!Number.isSafeInteger(m) || m < 0) throw new PaginationError(`invalid marker: ${marker}`);
  const l = limit === undefined || limit === "" ? 0 : INTEGER.test(limit) ? Number(limit) : NaN;
  if (!Number.isSafeInteger(l) || l < 0) throw new PaginationError(`invalid maxitems: ${limit}`);
  const size = l === 0 ? cfg.defaultLimit : Math.min(l, cfg.maxLimit);
  const page = items.slice(m, m + size);
  return { items: page, nextMarker: m + page.length, count: items.length };
}
