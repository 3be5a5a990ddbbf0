/**
 * State written by an earlier cloudfn that an update should rewrite even when no declared field
 * changed: outputs that still hold a code manifest (0.1.0 kept it in inputs and outputs) or a
 * provider text other than the one the program sends now (0.1.0's was a 2.3 KB serialized
 * closure). The update such a diff leads to makes no API call when nothing declared changed;
 * afterwards the state is in the current shape and the next preview is clean.
 */
import { MANIFEST_INPUT } from "./code-manifest";

export function legacyOutputs(olds: object, news: object): boolean {
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  const providerMoved = typeof n.__provider === "string" && o.__provider !== n.__provider;
  return o[MANIFEST_INPUT] !== undefined || providerMoved;
}
