/**
 * What the CLI knows about each resource, at run time: which properties force a replacement,
 * which are secret, and whether it carries code, read from the resource definitions
 * (provider/registry.ts), the same source as schema.json and the SDK.
 */
import { checkComputed, replaceOnChange, secretNames } from "../provider/core/definition";
import { RESOURCES } from "../provider/registry";

export interface ResourceFacts {
  replaceOnChange: readonly string[];
  secrets: readonly string[];
  /** The function resources: their `code` carries a file manifest. */
  hasCode: boolean;
  /** Hidden inputs `check` computes (hashes of secret inputs, the code's hash or source). */
  checkComputed: readonly string[];
}

const facts = (
  replaceOnChange: readonly string[],
  secrets: readonly string[] = [],
  hasCode = false,
  computed: readonly string[] = [],
): ResourceFacts => ({ replaceOnChange, secrets, hasCode, checkComputed: computed });

export const RESOURCE_FACTS: Readonly<Record<string, ResourceFacts>> = Object.fromEntries(
  RESOURCES.map((d) => [d.token, facts(replaceOnChange(d), secretNames(d), d.hasCode ?? false, checkComputed(d))]),
);

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
