/**
 * "Did you mean" for misspelled property names and enum values. Edit distance is written here
 * (ten lines) rather than taken from a package: no direct dependency offers it, and relying on a
 * tool's transitive one would break when that tool changes.
 */

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/** Case and punctuation do not count: `nodejs18` is compared as `nodejs18`, `Node.js18.15` as `nodejs1815`. */
function folded(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The candidate closest to `given`, when close enough to be a likely slip: within a quarter of
 * the longer name (at least one edit), or the folded forms start alike (`nodejs18` → `Node.js18.15`).
 * Remaining ties go to the first candidate, so the result depends on nothing but the list.
 */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  const g = folded(given);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const c = folded(candidate);
    const distance = editDistance(g, c);
    const close = distance <= Math.max(1, Math.floor(Math.max(g.length, c.length) / 4));
    const prefix = g.length >= 3 && (c.startsWith(g) || g.startsWith(c));
    // A shared start breaks ties: `nodejs18` is nearer `Node.js18.15` than `Node.js8.10`.
    const score = distance - (prefix ? 0.5 : 0);
    if ((close || prefix) && (!best || score < best.distance)) best = { candidate, distance: score };
  }
  return best?.candidate;
}

/** `; did you mean "memorySize"?`, or nothing when no candidate is close. */
export function didYouMean(given: string, candidates: readonly string[]): string {
  const match = closest(given, candidates);
  return match === undefined ? "" : `; did you mean ${JSON.stringify(match)}?`;
}

/** The reason for a property the definition does not declare, naming the likely intended one. */
export function unknownPropertyReason(key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  return `unknown property ${JSON.stringify(key)}${hint || `; known properties: ${known.join(", ")}`}`;
}
