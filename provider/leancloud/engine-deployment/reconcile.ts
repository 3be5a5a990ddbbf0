/**
 * Reconciling deploys whose answer was lost. The deploy upload is not retried after a lost answer
 * (client.ts), so the platform may have made a version we never heard of; before deploying, and
 * after a lost answer, the group's live version is compared with our content, and a match is
 * recorded instead of deploying the same code again as a redundant version.
 *
 * [inferred] The console API reports no content hash for a version (docs/reference/leancloud-api.md §8:
 * the group list gives `version: {versionTag}`; its deploy comment is assumed to come back with
 * it, as the emulator does), so every deploy comment ends with a marker made from the zip's
 * SHA-256, and the markers are what is compared.
 */
import { setTimeout as sleep } from "timers/promises";
import { TransportError } from "../../core/errors";
import { Group } from "../api";
import { LeanCloudClient } from "../client";
import { Environment } from "../../../platform/leancloud/sign";

/** 64 bits of the hash: enough to tell one app's versions apart, short in the console. */
export const contentMarker = (codeHash: string): string => `[cloudfn:${codeHash.slice(0, 16)}]`;

/** The comment sent with a deploy: the user's, then the content marker. */
export const markedComment = (comment: string | undefined, codeHash: string): string =>
  comment ? `${comment} ${contentMarker(codeHash)}` : contentMarker(codeHash);

/** The versionTag of the environment's live version when it carries our content, else undefined. */
export function liveVersionWithContent(
  group: Group | undefined,
  env: Environment,
  codeHash: string,
): string | undefined {
  const version = group?.[env]?.version;
  const comment = (version as { comment?: unknown } | null | undefined)?.comment;
  if (!version?.versionTag || typeof comment !== "string") return undefined;
  return comment.endsWith(contentMarker(codeHash)) ? version.versionTag : undefined;
}

/** A deploy call that may have reached the platform although no answer came back. */
export const answerLost = (e: unknown): boolean => e instanceof TransportError;

/**
 * After a lost deploy answer: watches the group until its live version carries our content (the
 * deploy went through; its versionTag is returned) or the deploy's time is up (undefined).
 */
export async function awaitLostDeploy(
  lc: LeanCloudClient,
  where: { group: string; environment: Environment },
  codeHash: string,
  intervalMs: number,
  timeoutMs: number,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  do {
    await sleep(intervalMs);
    const tag = liveVersionWithContent(await lc.getGroup(where.group), where.environment, codeHash);
    if (tag) return tag;
  } while (Date.now() < deadline);
  return undefined;
}
