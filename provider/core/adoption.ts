/**
 * Adopting existing platform objects (`adopt: true`): the bookkeeping shared by every resource.
 *
 * `pulumi import` cannot work for dynamic resources, so a resource declared with `adopt: true`
 * reads the existing object in `create`, records it and applies only what differs. Within one
 * deployment every dynamic resource runs in the same provider process, so this module-level
 * registry sees every key claimed in that deployment:
 *   - two resources adopting the same key fail (the second one names the first claim);
 *   - adopting a key that a resource of this stack already manages fails when that resource's
 *     `diff` ran earlier in this process. Best effort: the engine diffs resources in program
 *     order, so an adopter declared before the managed resource may get through. `diff` never
 *     fails because of a claim (a wrong guess there would block every preview of the stack).
 *     Other stacks are not visible: see docs/adopt.md.
 */
import { activeProfile } from "./profile";

/**
 * Who holds a key: an adopting create, a resource already in this stack's state, or the
 * replacement of such a resource (its create must create, not adopt: `adopt` only matters the
 * first time a resource enters the state).
 */
interface Claim {
  by: "adopt" | "managed" | "replacing";
  what: string;
}

const claims = new Map<string, Claim>();

/**
 * The claims map's key: the platform key within the active profile, since the same key (a
 * MinApp function name, say) names different objects in two profiles' accounts.
 */
const scoped = (key: string) => `${activeProfile() ?? ""}\u0000${key}`;

/** A second claim of one platform object in the same deployment. */
export class AdoptionConflictError extends Error {}

/** The object to adopt does not exist. */
export class AdoptionNotFoundError extends Error {}

/**
 * Records an adopting create of `key`. False when this create replaces a resource of the stack
 * (create normally); throws when this deployment already adopts or manages the key.
 */
export function claimForAdoption(platformKey: string, what: string): boolean {
  const key = scoped(platformKey);
  const held = claims.get(key);
  if (held?.by === "replacing") return false;
  if (held?.by === "adopt") {
    throw new AdoptionConflictError(
      `${what} is adopted by two resources of this deployment; keep \`adopt: true\` on exactly one of them`,
    );
  }
  if (held?.by === "managed") {
    throw new AdoptionConflictError(
      `${what} is already managed by another resource of this stack; remove the adopting resource (or its \`adopt\` flag)`,
    );
  }
  claims.set(key, { by: "adopt", what });
  return true;
}

/** Records that a resource in state manages `key` (called from diff); an adopt claim is kept. */
export function noteManaged(platformKey: string, what: string): void {
  const key = scoped(platformKey);
  if (!claims.has(key)) claims.set(key, { by: "managed", what });
}

/** Records that diff decided to replace a resource whose new object has `key` (see Claim). */
export function noteReplacement(platformKey: string, what: string): void {
  claims.set(scoped(platformKey), { by: "replacing", what });
}

/** Gives a key back (an adopting create that failed before recording anything). */
export function releaseAdoption(platformKey: string): void {
  const key = scoped(platformKey);
  if (claims.get(key)?.by === "adopt") claims.delete(key);
}

/** Forgets every claim (tests: each test is its own "deployment"). */
export function clearAdoptionClaims(): void {
  claims.clear();
}

/** The error for adopting something that does not exist, naming the key. */
export function adoptionNotFound(what: string, key: string): AdoptionNotFoundError {
  return new AdoptionNotFoundError(
    `cannot adopt ${what}: it does not exist (key ${key}); remove \`adopt: true\` to create it instead`,
  );
}
