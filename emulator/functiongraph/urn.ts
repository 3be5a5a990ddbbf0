/**
 * Function URNs (docs/reference/functiongraph-api.md §2.1): `urn:fss:{region}:{project}:function:{package}:{name}[:{qualifier}]`
 * plus the simplified forms accepted as a path parameter (1, 2, 3, 4, 7 or 8 colon fields).
 */

export type Qualifier = { kind: "latest" } | { kind: "version"; version: string } | { kind: "alias"; alias: string };

export interface FunctionRef {
  /** Undefined when the form carries none (1 and 2 fields): the caller's project applies. */
  projectId?: string;
  region?: string;
  package: string;
  name: string;
  qualifier: Qualifier;
  /** False when no qualifier was written: F7 then deletes the whole function. */
  qualified: boolean;
}

function qualifierOf(raw: string | undefined): Qualifier {
  if (raw === undefined || raw === "latest") return { kind: "latest" };
  if (raw.startsWith("!")) return { kind: "alias", alias: raw.slice(1) };
  return { kind: "version", version: raw };
}

/** Parses any accepted form; undefined when the value is not a function URN. */
export function parseFunctionUrn(value: string): FunctionRef | undefined {
  const f = value.split(":");
  if (f.some((x) => x === "")) return undefined;
  const ref = (projectId: string | undefined, pkg: string, name: string, q?: string, region?: string): FunctionRef => ({
    ...(projectId === undefined ? {} : { projectId }),
    ...(region === undefined ? {} : { region }),
    package: pkg,
    name,
    qualifier: qualifierOf(q),
    qualified: q !== undefined,
  });
  switch (f.length) {
    case 1:
      return ref(undefined, "default", f[0]);
    case 2:
      return ref(undefined, f[0], f[1]);
    case 3:
      return ref(f[0], f[1], f[2]);
    case 4:
      return ref(f[0], f[1], f[2], f[3]);
    case 7:
    case 8:
      if (f[0] !== "urn" || f[1] !== "fss" || f[4] !== "function") return undefined;
      return ref(f[3], f[5], f[6], f[7], f[2]);
    default:
      return undefined;
  }
}

/** The unqualified URN, as list results show it. */
export function functionUrn(region: string, projectId: string, pkg: string, name: string): string {
  return `urn:fss:${region}:${projectId}:function:${pkg}:${name}`;
}

/** The URN with `:latest`, as create / get config / get code / update return it. */
export function latestUrn(region: string, projectId: string, pkg: string, name: string): string {
  return `${functionUrn(region, projectId, pkg, name)}:latest`;
}
