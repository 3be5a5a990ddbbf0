/**
 * The provider objects LeanCloud resources share, one per resource type. Each is serialized into
 * every resource's `__provider`, so it stays tiny and captures nothing: each method loads the
 * real implementation from the installed package at call time (in the Pulumi project
 * directory). No clients, schemas or credentials are ever in state, and fixes apply to existing
 * stacks without a diff. Module-level instances keep Pulumi's serialization cache effective.
 * The module paths are literal strings on purpose: a captured variable would be serialized too.
 */
import * as pulumi from "@pulumi/pulumi";

/** Modules the shims load; resolved from the project's node_modules by the provider host. */
export const IMPLEMENTATION_MODULES = {
  invocation: "pulumi-cloudfn/dist/provider/leancloud/invocation",
  engineDeployment: "pulumi-cloudfn/dist/provider/leancloud/engine-deployment",
  engineEnvironmentVariables: "pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables",
} as const;

export const invocationProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/invocation").provider.delete(...args),
};

export const engineDeploymentProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-deployment").provider.delete(...args),
};

export const engineEnvironmentVariablesProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/leancloud/engine-environment-variables").provider.delete(...args),
};
