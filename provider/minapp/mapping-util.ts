/** Small helpers shared by the MinApp resources. */

/**
 * Resource id of a function: its name, prefixed by the environment id when one is set, so the
 * same name in two environments is two resources (`cloudfnstaging00/hello` vs `hello`).
 */
export function functionResourceId(name: string, environmentId?: string): string {
  return environmentId ? `${environmentId}/${name}` : name;
}

/** Inverse of functionResourceId (names cannot contain "/", environment ids neither). */
export function parseFunctionResourceId(id: string): { name: string; environmentId?: string } {
  const slash = id.indexOf("/");
  return slash < 0 ? { name: id } : { environmentId: id.slice(0, slash), name: id.slice(slash + 1) };
}
