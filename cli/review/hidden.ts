/**
 * Properties a review never lists: the package's bookkeeping (`__provider`, `__codeManifest`)
 * and the hidden inputs `check` computes (provider/registry.ts: outputs marked `fromCheck`),
 * such as `encryptedEnvironmentHash`, which only mirror an input that has its own row. The
 * code's hash and MinApp's `source` stay: when no file list is known they are the only sign
 * that the code changed (report.ts drops them when the code section lists files).
 */
import type { ResourceFacts } from "../resources";

export const DERIVED_FROM_CODE = ["codeHash", "source"];

export function hiddenProperties(facts: ResourceFacts | undefined): (name: string) => boolean {
  const computed = new Set((facts?.checkComputed ?? []).filter((n) => !DERIVED_FROM_CODE.includes(n)));
  return (name) => name.startsWith("__") || computed.has(name);
}
