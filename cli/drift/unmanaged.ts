/**
 * Functions created outside Pulumi, where a list API makes them knowable: FunctionGraph
 * ListFunctions and MinApp's cloud function list, filtered by the stack's naming prefix and
 * minus the functions the stack manages. Credentials come from the stack's own config (with the
 * providers' environment fallbacks), through the providers' settings resolvers and clients;
 * with `profile`, that named profile's settings first, as for a resource deployed with it.
 */
import type { ConfigSource } from "../../provider/core/stack-config";
import { FunctionGraphClient } from "../../provider/functiongraph/client";
import * as fgConfig from "../../provider/functiongraph/config";
import { MinAppClient } from "../../provider/minapp/client";
import * as minappConfig from "../../provider/minapp/config";
import type { DriftFinding } from "./classify";

export interface UnmanagedQuery {
  prefix: string;
  config: Record<string, string>;
  env: NodeJS.ProcessEnv;
  platforms: Set<string>;
  /** The named profile to scan with (cli/profile.ts); undefined: the default configuration. */
  profile?: string;
  managed: { functiongraph: Set<string>; minapp: Set<string> };
}

const finding = (name: string, type: string): DriftFinding => ({ cause: "unmanaged", name, type, changes: [] });

async function functiongraph(q: UnmanagedQuery, source: ConfigSource): Promise<DriftFinding[]> {
  fgConfig.setStackConfig(source);
  try {
    return await fgConfig.inCallProfile(
      q.profile,
      async () => {
        const fg = new FunctionGraphClient(fgConfig.resolveSettings(q.env));
        const found: DriftFinding[] = [];
        for await (const f of fg.listFunctions()) {
          if (f.func_name.startsWith(q.prefix) && !q.managed.functiongraph.has(f.func_name))
            found.push(finding(f.func_name, "functiongraph:Function"));
        }
        return found;
      },
      q.env,
    );
  } finally {
    fgConfig.clearStackConfig();
  }
}

async function minapp(q: UnmanagedQuery, source: ConfigSource): Promise<DriftFinding[]> {
  // The token cache is keyed by the settings' profile, so only the resolution needs the scope.
  const client = minappConfig.inCallProfile(
    q.profile,
    () =>
      new MinAppClient(minappConfig.resolveSettings(q.env, source), minappConfig.defaultEnvironmentId(q.env, source)),
    q.env,
    source,
  );
  const found: DriftFinding[] = [];
  for await (const f of client.listFunctions()) {
    if (f.name.startsWith(q.prefix) && !q.managed.minapp.has(f.name))
      found.push(finding(f.name, "minapp:CloudFunction"));
  }
  return found;
}

/** Unmanaged functions on each platform the stack uses that has a list API (LeanCloud has none per function). */
export async function findUnmanaged(q: UnmanagedQuery): Promise<DriftFinding[]> {
  const source: ConfigSource = { get: (key) => q.config[key] };
  const found: DriftFinding[] = [];
  if (q.platforms.has("functiongraph")) found.push(...(await functiongraph(q, source)));
  if (q.platforms.has("minapp")) found.push(...(await minapp(q, source)));
  return found.sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
}
