/** Legacy dependency handlers (D6–D9, docs/reference/functiongraph-api.md §5.5): parse → model → view. */
import { json, parseJsonBody, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import * as L from "../models/dependency";
import * as M from "../models/dependency-version";
import { dependencyListItemView } from "../models/dependency-version-views";
import { createDependencyVersionBody, parseBody } from "../schemas";
import { projectOf } from "./context";

function body(ctx: RequestContext) {
  let raw: unknown;
  try {
    raw = parseJsonBody(ctx);
  } catch {
    throw fgErrors.invalid("request body is not valid JSON");
  }
  return parseBody(createDependencyVersionBody, raw);
}

/** The legacy object: the dependency (id = dependency id) described by its newest version. */
function view(env: FgEnv, dep: M.DependencyRecord) {
  const latest = M.latestVersion(dep);
  if (!latest) throw fgErrors.dependencyNotFound();
  return dependencyListItemView(env, dep, latest);
}

export async function createDependency(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, view(env, L.createDependency(env, pid, body(ctx)).dep));
}

export async function showDependency(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, view(env, M.getDependency(env, pid, ctx.params.depend_id ?? "")));
}

export async function updateDependency(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  return json(200, view(env, L.updateDependency(env, pid, ctx.params.depend_id ?? "", body(ctx)).dep));
}

export async function deleteDependency(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  L.deleteDependency(env, pid, ctx.params.depend_id ?? "");
  return { status: 204 };
}
