/**
 * Function tags (F18, docs/reference/functiongraph-api.md §0): TMS rules and the 20-tag quota
 * from platform/functiongraph/function-config.ts. Stored under functiongraph → project → "tags",
 * keyed "package/name", in the order keys were first set.
 */
import * as C from "../../../platform/functiongraph/function-config";
import { PLATFORM, type FgEnv } from "../env";
import { fgErrors } from "../errors";
import type { FunctionRecord } from "./function";

export interface Tag {
  key: string;
  value: string;
}

type Tags = Record<string, Tag[]>;

const fnKey = (fn: { package: string; func_name: string }) => `${fn.package}/${fn.func_name}`;

function tagsBucket(env: FgEnv, projectId: string): Tags {
  return env.store.bucket<Tags>(PLATFORM, projectId, "tags", () => ({}));
}

export function tagsOf(env: FgEnv, projectId: string, fn: FunctionRecord): Tag[] {
  return tagsBucket(env, projectId)[fnKey(fn)] ?? [];
}

function checkTag(tag: Tag): void {
  const problem = C.tagKeyProblem(tag.key) ?? C.tagValueProblem(tag.key, tag.value);
  if (problem !== undefined) throw fgErrors.invalid(problem);
}

/**
 * Adds or overwrites tags. The quota counts the tags the function would have afterwards; the
 * platform's code for it is not documented, so 400 FSS.0400 names the rule.
 */
export function addTags(env: FgEnv, projectId: string, fn: FunctionRecord, tags: Tag[]): void {
  tags.forEach(checkTag);
  const next = [...tagsOf(env, projectId, fn)];
  for (const tag of tags) {
    const at = next.findIndex((t) => t.key === tag.key);
    if (at >= 0) next[at] = tag;
    else next.push(tag);
  }
  const problem = C.tagCountProblem(next.length);
  if (problem !== undefined) throw fgErrors.invalid(problem);
  tagsBucket(env, projectId)[fnKey(fn)] = next;
  env.store.commit();
}

/** Removes tags by key (the value in the request is not compared); unknown keys are ignored. */
export function removeTags(env: FgEnv, projectId: string, fn: FunctionRecord, keys: string[]): void {
  const next = tagsOf(env, projectId, fn).filter((t) => !keys.includes(t.key));
  const bucket = tagsBucket(env, projectId);
  if (next.length === 0) delete bucket[fnKey(fn)];
  else bucket[fnKey(fn)] = next;
  env.store.commit();
}

/** Every tag key of the project's functions with the values in use (ShowProjectTagsList). */
export function projectTags(env: FgEnv, projectId: string): { key: string; values: string[] }[] {
  const byKey = new Map<string, Set<string>>();
  for (const tags of Object.values(tagsBucket(env, projectId)))
    for (const t of tags) byKey.set(t.key, (byKey.get(t.key) ?? new Set()).add(t.value));
  return [...byKey.entries()].map(([key, values]) => ({ key, values: [...values] }));
}

/** Deleting a function deletes its tags. */
export function deleteTagsOf(env: FgEnv, projectId: string, pkg: string, name: string): void {
  delete tagsBucket(env, projectId)[`${pkg}/${name}`];
  env.store.commit();
}
