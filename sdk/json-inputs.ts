/**
 * JSON-valued inputs (`params`, `data`, `eventData`…) are serialized by the Pulumi SDK, which
 * turns a JavaScript function into `undefined` without a word: the provider never sees it and
 * the call goes out without it. The generated constructors call this to fail at once instead.
 * Only plain objects and arrays are walked: Outputs, resources, assets, promises and other
 * class instances are the SDK's to resolve, and are left alone.
 */

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The path of the first function inside plain objects and arrays, or undefined. */
export function functionPath(value: unknown, path: string, seen = new Set<object>()): string | undefined {
  if (typeof value === "function") return path;
  if (typeof value !== "object" || value === null || seen.has(value)) return undefined;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = functionPath(value[i], `${path}[${i}]`, seen);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = functionPath(
      item,
      /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`,
      seen,
    );
    if (found) return found;
  }
  return undefined;
}

/** Throws when a JSON-valued input holds a function (`params.callback is a function; params must be JSON`). */
export function assertJsonInput(property: string, value: unknown): void {
  const found = functionPath(value, property);
  if (found) throw new TypeError(`${found} is a function; ${property} must be JSON`);
}
