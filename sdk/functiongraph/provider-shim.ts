/**
 * The one provider object every FunctionGraph Function shares. It is serialized into each
 * resource's `__provider`, so it must stay tiny and capture nothing: each method loads the real
 * implementation from the installed package at call time (in the Pulumi project directory).
 * Consequences: no clients, schemas or credentials are ever in state, and code fixes apply to
 * existing stacks without a diff. A single module-level instance keeps Pulumi's serialization
 * cache effective (it is keyed by object identity).
 */
import * as pulumi from "@pulumi/pulumi";

/** Module the Trigger shim loads. */
export const TRIGGER_IMPLEMENTATION_MODULE = "pulumi-cloudfn/dist/provider/functiongraph/trigger";

/** The one provider object every FunctionGraph Trigger shares (same rules as above). */
export const triggerProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/trigger").provider.delete(...args),
};

/** Module the AsyncInvokeConfig shim loads (same rules as the Function shim). */
export const ASYNC_INVOKE_CONFIG_MODULE = "pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config";

export const asyncInvokeConfigProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/async-invoke-config").provider.delete(...args),
};

/** Module the Invocation shim loads. Invocation has no update: every change replaces. */
export const INVOCATION_MODULE = "pulumi-cloudfn/dist/provider/functiongraph/invocation";

export const invocationProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/invocation").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/invocation").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/invocation").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/invocation").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/invocation").provider.read(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/invocation").provider.delete(...args),
};

/** The shared provider object of every DependencyVersion (same rules as functionProviderShim). */
export const dependencyVersionProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/dependency-version").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/dependency-version").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/dependency-version").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/dependency-version").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/dependency-version").provider.read(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/dependency-version").provider.delete(...args),
};

/** The shared provider object of every Workflow (same rules as functionProviderShim). */
export const workflowProviderShim: pulumi.dynamic.ResourceProvider = {
  configure: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.configure(...args),
  check: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.check(...args),
  diff: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.diff(...args),
  create: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.create(...args),
  read: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.read(...args),
  update: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.update(...args),
  delete: (...args) => require("pulumi-cloudfn/dist/provider/functiongraph/workflow").provider.delete(...args),
};
