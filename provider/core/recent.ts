/**
 * The bounded memo the provider's per-process caches share (zips, zips by hash, manifests): a
 * Map kept in use order, so the least recently stored entry is the one dropped at the limit.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  const oldest = map.keys().next();
  if (map.size > max && !oldest.done) map.delete(oldest.value);
  return value;
}
