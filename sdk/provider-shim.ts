/**
 * The `__provider` every cloudfn resource stores, written by hand instead of serialized from a
 * closure. The engine keeps it twice per resource (inputs and outputs) and rewrites the state
 * after every step, so its size is paid N times per step: Pulumi's closure serializer wraps each
 * of seven methods in its own boilerplate (2.3 KB); this text says the same in about 100 bytes.
 *
 * The dynamic-provider host evaluates the text as a CommonJS module and calls `handler()`. Each
 * method loads the implementation from the installed package when it is called (in the Pulumi
 * project directory), so the state holds no client, schema or credential, and fixes reach existing
 * stacks without a diff.
 */
import * as pulumi from "@pulumi/pulumi";
import { ALL_PROVIDER_METHODS } from "./lazy-provider";

/** Where the package's compiled `lazy-provider` module is found from the Pulumi project. */
const LAZY_PROVIDER = "pulumi-cloudfn/dist/sdk/lazy-provider";

/**
 * The module text of a provider whose `methods` load the implementation at `module` (relative to
 * the package's `dist`) when called (lazy-provider.ts). The method list is written only when it
 * is not all seven.
 */
export function providerShimText(module: string, methods: readonly string[]): string {
  const all = methods.length === ALL_PROVIDER_METHODS.length && ALL_PROVIDER_METHODS.every((m) => methods.includes(m));
  const args = all ? JSON.stringify(module) : `${JSON.stringify(module)},${JSON.stringify(methods)}`;
  return `exports.handler=()=>require(${JSON.stringify(LAZY_PROVIDER)}).lazy(${args});\n`;
}

type StackFormatter = (error: Error, frames: NodeJS.CallSite[]) => unknown;

/** `name (file:line:column)`, as V8 prints a frame, minus source maps. */
function plainFrame(f: NodeJS.CallSite): string {
  return `${f.getFunctionName() ?? "<anonymous>"} (${f.getFileName() ?? "?"}:${f.getLineNumber() ?? 0}:${f.getColumnNumber() ?? 0})`;
}

/**
 * Pulumi's SDK stamps each of the four promises behind every output property with a formatted
 * stack (`debuggablePromise`), read only by its leak report when PULUMI_DEBUG_PROMISE_LEAKS is
 * set. In a TypeScript program ts-node's source-map support maps every frame of each stamp,
 * which made constructing one Function cost about 20 ms of CPU. While a cloudfn resource is
 * constructed, those stamps (and only those) get V8's plain format; errors and the resource's
 * source position are formatted as before. Returns what puts the formatter back; generated
 * constructors call it around `super`.
 */
export function plainPromiseStamps(): () => void {
  const original = Reflect.get(Error, "prepareStackTrace") as StackFormatter | undefined;
  if (!original || process.env.PULUMI_DEBUG_PROMISE_LEAKS) return () => undefined;
  const formatter: StackFormatter = (error, frames) =>
    frames[0]?.getFunctionName() === "debuggablePromise"
      ? [String(error), ...frames.map(plainFrame)].join("\n    at ")
      : original(error, frames);
  Error.prepareStackTrace = formatter;
  return () => {
    if (Error.prepareStackTrace === formatter) Error.prepareStackTrace = original;
  };
}

/**
 * A resource's registration as `pulumi.dynamic.Resource` makes it (the same type token, so the
 * same host serves it), minus serializing a provider object. Generated classes extend
 * `pulumi.CustomResource` directly and call this for `super`'s arguments: Pulumi takes a fixed
 * number of constructor frames to reach the program's line (the resource's source position), so
 * an intermediate base class would record the SDK's file instead.
 */
export function dynamicRegistration(
  shim: string,
  module: string,
  type: string,
  props: pulumi.Inputs,
): [type: string, props: pulumi.Inputs] {
  if (props.__provider !== undefined) throw new Error("A dynamic resource must not define the __provider key");
  return [`pulumi-nodejs:dynamic/${module}:${type}`, { ...props, __provider: shim }];
}
