/** Cloud-function CRUD (docs/reference/minapp-api.md §3.2): 201 create, 200 list/get, 202 patch, 204 delete. */
import { json, queryValue, type Reply, type RequestContext } from "../../core/http";
import { jsonObject } from "../body";
import type { MinAppEnv } from "../env";
import * as F from "../models/cloud-function";
import { envKeyOf } from "../models/state";
import { paginate } from "../paginate";
import { targetOf } from "./context";

export async function createCloudFunction(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const envKey = envKeyOf(env, ctx);
  return json(201, F.createFunction(env, envKey, jsonObject(ctx)));
}

export async function listCloudFunctions(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const all = F.listFunctions(env, envKeyOf(env, ctx));
  return json(
    200,
    paginate(all, ctx.rawPath, { limit: queryValue(ctx.query, "limit"), offset: queryValue(ctx.query, "offset") }),
  );
}

export async function getCloudFunction(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const { envKey, name } = targetOf(env, ctx);
  return json(200, F.getFunction(env, envKey, name));
}

export async function updateCloudFunction(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const { envKey, name } = targetOf(env, ctx);
  // 404 before body validation: the CLI's deploy relies on PATCH of a new name failing with 404.
  F.getFunction(env, envKey, name);
  return json(202, F.updateFunction(env, envKey, name, jsonObject(ctx)));
}

export async function deleteCloudFunction(env: MinAppEnv, ctx: RequestContext): Promise<Reply> {
  const { envKey, name } = targetOf(env, ctx);
  F.deleteFunction(env, envKey, name);
  return { status: 204 };
}
