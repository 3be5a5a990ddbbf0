/**
 * What the CLI knows about each resource, at run time: which properties force a replacement,
 * which are secret, and whether it carries code, read from the resource definitions
 * (provider/registry.ts), the same source as schema.json and the SDK.
 */
import { replaceOnChange, secretNames } from "../provider/core/definition";
import { RESOURCES } from "../provider/registry";
import * as lcDeployment from "../provider/leancloud/engine-deployment/schema";
import * as lcEnvVars from "../provider/leancloud/engine-environment-variables/schema";
import * as lcInvocation from "../provider/leancloud/invocation/schema";
import * as minappCloudFunction from "../provider/minapp/cloud-function/schema";
import * as minappInvocation from "../provider/minapp/invocation/schema";

export interface ResourceFacts {
  replaceOnChange: readonly string[];
  secrets: readonly string[];
  /** The function resources: their `code` carries a file manifest. */
  hasCode: boolean;
}

const facts = (replaceOnChange: readonly string[], secrets: readonly string[] = [], hasCode = false): ResourceFacts => ({ replaceOnChange, secrets, hasCode });

// TRANSITION: resources not yet declared by a definition.
const LEGACY_FACTS: Readonly<Record<string, ResourceFacts>> = {
  "cloudfn:leancloud:Invocation": facts(lcInvocation.REPLACE_ON_CHANGE, ["sessionToken"]),
  "cloudfn:leancloud:EngineDeployment": facts(lcDeployment.REPLACE_ON_CHANGE, [], true),
  "cloudfn:leancloud:EngineEnvironmentVariables": facts(lcEnvVars.REPLACE_ON_CHANGE, ["secretVariables", "secretVariableHashes"]),
  "cloudfn:minapp:CloudFunction": facts(minappCloudFunction.REPLACE_ON_CHANGE, [], true),
  "cloudfn:minapp:Invocation": facts(minappInvocation.REPLACE_ON_CHANGE),
};

export const RESOURCE_FACTS: Readonly<Record<string, ResourceFacts>> = {
  ...LEGACY_FACTS,
  ...Object.fromEntries(RESOURCES.map((d) => [d.token, facts(replaceOnChange(d), secretNames(d), d.hasCode ?? false)])),
};

/**
 * The schema token of a resource type as the engine names it: the SDK classes register as
 * `pulumi-nodejs:dynamic/cloudfn/<platform>:<Type>` (module and type passed to
 * `dynamic.Resource`), which maps one-to-one to `cloudfn:<platform>:<Type>`.
 */
export function tokenOfType(type: string): string | undefined {
  const m = /^pulumi-nodejs:dynamic\/cloudfn\/([A-Za-z]+):([A-Za-z]+)$/.exec(type);
  return m ? `cloudfn:${m[1]}:${m[2]}` : undefined;
}

export function factsOf(type: string): ResourceFacts | undefined {
  const token = tokenOfType(type);
  return token ? RESOURCE_FACTS[token] : undefined;
}
