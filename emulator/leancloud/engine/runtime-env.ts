/**
 * The environment of an engine instance: the group's variables, then the variables the
 * platform injects (docs/reference/leancloud-api.md §8), which win over user variables of the same name (the lean CLI
 * refuses to set names starting with LEANCLOUD anyway).
 */
import { envName, type LcEnv, type Prod } from "../env";

export function instanceEnvironment(
  env: LcEnv,
  group: string,
  prod: Prod,
  vars: Record<string, string>,
): Record<string, string> {
  const { appId, appKey, masterKey, hookKey } = env.creds;
  return {
    ...vars,
    LEANCLOUD_APP_ID: appId,
    LEANCLOUD_APP_KEY: appKey,
    LEANCLOUD_APP_MASTER_KEY: masterKey,
    LEANCLOUD_APP_HOOK_KEY: hookKey,
    // 0: a full server file's own app.listen(LEANCLOUD_APP_PORT) takes a free port and stays out
    // of the way; the host serves the engine on a port it reports itself (host.ts).
    LEANCLOUD_APP_PORT: "0",
    LEANCLOUD_API_SERVER: env.baseUrl(),
    LEANCLOUD_APP_ENV: prod === 1 ? "production" : "stage",
    LEANCLOUD_REGION: "CN",
    LEANCLOUD_APP_GROUP: group,
    LEANCLOUD_APP_DOMAIN: `${group}.${appId.slice(0, 8).toLowerCase()}.engine.local`,
    NODE_ENV: envName(prod),
  };
}
