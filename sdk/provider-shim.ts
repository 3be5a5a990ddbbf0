/**
 * The `__provider` every cloudfn resource stores, written by hand instead of serialized from a
 * closure. The engine keeps it twice per resource (inputs and outputs) and rewrites the state
 * after every step, so its size is paid N times per step: Pulumi's closure serializer wraps each
 * of seven methods in its own boilerplate (2.3 KB); this text says the same in about 200 bytes.
 *
 * The dynamic-provider host evaluates the text as a CommonJS module and calls `handler()`. Each
 * method loads the implementation from the installed package when it is called (in the Pulumi
 * project directory), so the state holds no client, schema or credential, and fixes reach existing
 * stacks without a diff.
 */
import * as pulumi from "@pulumi/pulumi";

/** The module text of a provider whose `methods` call `require(module).provider.<method>`. */
export function providerShimText(module: string, methods: readonly string[]): string {
  return (
    `const M=${JSON.stringify(module)},p={};\n` +
    `for(const m of ${JSON.stringify(methods)})p[m]=(...a)=>require(M).provider[m](...a);\n` +
    `exports.handler=()=>p;\n`
  );
}

/**
 * A dynamic resource with a prepared `__provider` text: what `pulumi.dynamic.Resource` does (the
 * same type token, so the same host serves it), minus serializing a provider object.
 */
export class ShimmedResource extends pulumi.CustomResource {
  constructor(
    shim: string,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    if (props.__provider !== undefined) throw new Error("A dynamic resource must not define the __provider key");
    super(`pulumi-nodejs:dynamic/${module}:${type}`, name, { ...props, __provider: shim }, opts);
  }
}
