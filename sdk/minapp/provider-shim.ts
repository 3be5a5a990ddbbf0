/**
 * The provider objects every MinApp resource shares. They are serialized into each resource's
 * `__provider`, so they stay tiny and capture nothing: each method loads the real implementation
 * from the installed package at call time (in the Pulumi project directory). No clients, schemas
 * or credentials are ever in state, and code fixes apply to existing stacks without a diff.
 * Module-level instances keep Pulumi's serialization cache effective (keyed by object identity).
 */
import * as pulumi from "@pulumi/pulumi";

/** Modules the shims load; resolved from the project's node_modules by the provider host. */
export const CLOUD_FUNCTION_MODULE = "pulumi-cloudfn/dist/provider/minapp/cloud-function";
export const INVOCATION_MODULE = "pulumi-cloudfn/dist/provider/minapp/invocation";

export const cloudFunctionProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/minapp/cloud-function").provider.delete(...args),
};

export const invocationProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/minapp/invocation").provider.delete(...args),
};
