/**
 * Function settings changed through their own API rather than F4: max instances (F10,
 * docs/reference/functiongraph-api.md §0), stored as strategy_config.concurrency.
 */
import {
  maxInstancesProblem,
  MAX_INSTANCES_DISABLED,
  MAX_INSTANCES_UNLIMITED,
} from "../../../platform/functiongraph/function-config";
import { rfc3339, type FgEnv } from "../env";
import { fgErrors } from "../errors";
import type { FunctionRef } from "../urn";
import { getFunction, type FunctionRecord } from "./function";

/** v1 functions only know "disabled" (0) and "unlimited" (-1); v2 take -1..1000 (§3.1). */
function maxInstancesRule(fn: FunctionRecord, value: number): string | undefined {
  if (fn.type === "v1" && value !== MAX_INSTANCES_DISABLED && value !== MAX_INSTANCES_UNLIMITED)
    return `max_instance_num of a v1 function must be ${MAX_INSTANCES_UNLIMITED} or ${MAX_INSTANCES_DISABLED}; got ${value}`;
  return maxInstancesProblem("max_instance_num", value);
}

export function setMaxInstances(env: FgEnv, projectId: string, ref: FunctionRef, value: number): FunctionRecord {
  const fn = getFunction(env, projectId, ref);
  const problem = maxInstancesRule(fn, value);
  if (problem !== undefined) throw fgErrors.validation("FSS.1026", problem);
  fn.strategy_config = { ...fn.strategy_config, concurrency: value };
  fn.last_modified = rfc3339(env.clock.now());
  env.store.commit();
  return fn;
}
