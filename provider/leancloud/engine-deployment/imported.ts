/**
 * `pulumi import` of an EngineDeployment (a read with no prior state, id
 * `<appId>:<group>:<environment>`). The console API never returns a version's code, so the live
 * code is known only by the content marker cloudfn puts at the end of every deploy comment
 * (reconcile.ts): the import stores it as the codeHash `imported:<marker hash>`, and diff and
 * update take the program's codeHash as the old one when it starts with that hash. A version
 * deployed by another tool (lean-cli, the console) carries no marker: its first `up` after the
 * import deploys the program's code once.
 */
import { dropUndefined } from "../../core/check";
import type { Group } from "../api";
import type { LeanCloudClient } from "../client";
import type { Environment } from "../../../platform/leancloud/sign";
import type { DeploymentOutputs } from "./schema";

const IMPORTED = "imported:";
const MARKER = /\s*\[cloudfn:([0-9a-f]{16})\]$/;

export function parseDeploymentId(id: string): { group: string; environment: Environment } {
  const parts = id.split(":");
  const [group, environment] = parts.slice(-2);
  if (parts.length < 3 || !group || (environment !== "production" && environment !== "staging"))
    throw new Error(`invalid EngineDeployment id "${id}": expected "<appId>:<group>:<production|staging>"`);
  return { group, environment };
}

/** Outputs of the live version, or undefined when the group or its version is missing (gone). */
export function importedOutputs(
  group: Group | undefined,
  where: { group: string; environment: Environment },
  functions: string[],
): DeploymentOutputs | undefined {
  const version = group?.[where.environment]?.version;
  if (!version?.versionTag) return undefined;
  const comment = (version as { comment?: unknown }).comment;
  const text = typeof comment === "string" ? comment : "";
  const marker = MARKER.exec(text)?.[1];
  return dropUndefined({
    ...where,
    comment: text.replace(MARKER, "") || undefined,
    codeHash: marker ? `${IMPORTED}${marker}` : undefined,
    version: version.versionTag,
    functions,
  }) as unknown as DeploymentOutputs;
}

export async function readImported(
  lc: LeanCloudClient,
  id: string,
  functionsOf: (env: Environment) => Promise<string[]>,
): Promise<DeploymentOutputs | undefined> {
  const where = parseDeploymentId(id);
  const group = await lc.getGroup(where.group);
  if (!group?.[where.environment]?.version?.versionTag) return undefined;
  return importedOutputs(group, where, await functionsOf(where.environment));
}

/** The old outputs with the program's codeHash when the imported marker is that hash's start. */
export function withImportedCodeHash<T extends { codeHash?: string }>(olds: T, news: { codeHash?: string }): T {
  const marker = olds.codeHash?.startsWith(IMPORTED) ? olds.codeHash.slice(IMPORTED.length) : undefined;
  if (!marker || typeof news.codeHash !== "string" || !news.codeHash.startsWith(marker)) return olds;
  return { ...olds, codeHash: news.codeHash };
}
