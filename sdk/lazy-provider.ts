/**
 * The provider object behind every `__provider` shim (provider-shim.ts): one function per method
 * of a resource's implementation, each loading the implementation when it is first called, so
 * handing the object to the dynamic-provider host loads no client, schema or credential.
 *
 * It lives in the package rather than in each shim's text because the engine stores that text
 * twice per resource and rewrites the whole state after every step: a call of this module is the
 * shortest text that still defers everything heavy.
 */
import * as path from "path";

/** Every method a dynamic provider may have; a shim names its methods only when they differ. */
export const ALL_PROVIDER_METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

type Method = (...args: unknown[]) => unknown;
type Loader = (file: string) => { provider: Record<string, Method> };

/** The implementation's file, from `dist/sdk` (where this module is compiled to) up to `dist`. */
export function implementationFile(module: string): string {
  return path.join(__dirname, "..", module);
}

/**
 * The methods of the implementation at `module` (e.g. `provider/functiongraph/function`, relative
 * to the package's `dist`), each loading it with `load` when called.
 */
export function lazy(
  module: string,
  methods: readonly string[] = ALL_PROVIDER_METHODS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the implementation loads on first use, by path
  load: Loader = (file) => require(file) as ReturnType<Loader>,
): Record<string, Method> {
  const file = implementationFile(module);
  return Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => load(file).provider[m](...args)]));
}
