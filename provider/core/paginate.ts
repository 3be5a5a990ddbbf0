/**
 * Pagination as an async iterator, so no provider code loops on markers. A platform describes
 * one page fetch; the iterator follows `next` until it is undefined.
 */

/** One fetched page: its items and the cursor of the next page (undefined = last page). */
export interface Page<T, C> {
  items: T[];
  next?: C;
}

/** Yields every item of every page, starting from `first`. */
export async function* paginate<T, C>(first: C, fetchPage: (cursor: C) => Promise<Page<T, C>>): AsyncGenerator<T> {
  let cursor: C | undefined = first;
  while (cursor !== undefined) {
    const page: Page<T, C> = await fetchPage(cursor);
    yield* page.items;
    cursor = page.next;
  }
}

/** Drains an async iterable into an array (for callers that need everything). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
