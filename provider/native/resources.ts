/**
 * What the plugin needs to know about a resource, all taken from provider/registry.ts: its
 * definition (for secrets, computed outputs and replace-on-change facts) and its implementation
 * (the same `provider` object the dynamic SDK shim loads). A resource added to the registry is
 * served with no code here.
 */
import type { ResourceProvider } from "@pulumi/pulumi/dynamic";
import { checkComputed, secretNames, type ResourceDefinition } from "../core/definition";
import { RESOURCES, definitionOf } from "../registry";
import type { Props } from "./values";

export interface Served {
  def: ResourceDefinition;
  impl: ResourceProvider;
}

/** `urn:pulumi:stack::project::parent$cloudfn:functiongraph:Function::name` → the type token. */
export function tokenOfUrn(urn: string): string {
  const qualifiedType = urn.split("::")[2] ?? "";
  return qualifiedType.split("$").pop() ?? "";
}

/** Loads an implementation the way the SDK shims do, but relative to this file (dist/provider/native). */
export function implementationOf(def: ResourceDefinition): ResourceProvider {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- implementations load on first use, by registry path
  const mod = require(`../../${def.implementation}`) as { provider: ResourceProvider };
  return mod.provider;
}

const loaded = new Map<string, Served>();

export function servedFor(urn: string): Served {
  const token = tokenOfUrn(urn);
  const cached = loaded.get(token);
  if (cached) return cached;
  const def = definitionOf(token);
  if (!def) throw new Error(`unknown resource type ${token} (this cloudfn plugin serves ${allTokens().join(", ")})`);
  const served = { def, impl: implementationOf(def) };
  loaded.set(token, served);
  return served;
}

export function allTokens(): string[] {
  return RESOURCES.map((r) => r.token);
}

/** Properties stored encrypted: the definition's secrets (incl. conditional ones) and whatever arrived secret. */
export function secretsOf(
  def: ResourceDefinition,
  props: Props,
  arrived: ReadonlySet<string> = new Set(),
): Set<string> {
  const names = new Set([...secretNames(def), ...arrived]);
  for (const [name, spec] of Object.entries(def.inputs)) {
    const when = spec.secretWhen;
    if (when?.values.includes(String(props[when.input]))) names.add(name);
  }
  return names;
}

/** Outputs the platform computes (not echoed inputs, not check's hidden inputs): unknown during preview. */
export function computedOutputs(def: ResourceDefinition): string[] {
  const fromCheck = new Set(checkComputed(def));
  return Object.keys(def.outputs).filter((n) => !fromCheck.has(n) && !(n in def.inputs));
}
