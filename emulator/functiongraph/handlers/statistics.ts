/**
 * M2 ListFunctionStatistics (docs/reference/functiongraph-api.md §0): the function's metrics over
 * the last `period` minutes, from the invocation records. The platform answers series of
 * `{timestamp, value}`; the emulator answers one point per series covering the whole window
 * (timestamp = window start, epoch ms) [inferred: the bucket size is not documented], with -1
 * where a value has no data, as the platform marks empty buckets.
 */
import { json, type Reply, type RequestContext } from "../../core/http";
import type { FgEnv } from "../env";
import { fgErrors } from "../errors";
import { getFunction } from "../models/function";
import { invocationsOf, type InvocationRecord } from "../models/invocation";
import { findReserved } from "../models/reserved-instances";
import { latestUrn } from "../urn";
import { projectOf, refOf } from "./context";

const ran = (r: InvocationRecord) => r.outcome !== "pending" && r.outcome !== "rejected" && r.outcome !== "discarded";

function series(window: InvocationRecord[]) {
  const durations = window.filter(ran).map((r) => r.duration_ms);
  const avg = durations.length === 0 ? -1 : Math.round(durations.reduce((a, b) => a + b, 0) / durations.length);
  return {
    count: window.filter(ran).length,
    duration: avg,
    fail_count: window.filter((r) => r.outcome === "error" || r.outcome === "timeout").length,
    max_duration: durations.length === 0 ? -1 : Math.max(...durations),
    min_duration: durations.length === 0 ? -1 : Math.min(...durations),
    reject_count: window.filter((r) => r.outcome === "rejected").length,
    function_error_count: window.filter((r) => r.outcome === "error").length,
    system_error_count: window.filter((r) => r.outcome === "timeout").length,
  };
}

export async function listFunctionStatistics(env: FgEnv, ctx: RequestContext): Promise<Reply> {
  const pid = projectOf(env, ctx);
  const fn = getFunction(env, pid, refOf(env, ctx));
  const raw = ctx.params.period ?? "";
  if (!/^[1-9]\d{0,5}$/.test(raw))
    throw fgErrors.badQuery(`invalid period ${JSON.stringify(raw)}: a positive number of minutes`);
  const end = env.clock.now().getTime();
  const start = end - Number(raw) * 60_000;
  const urn = latestUrn(env.creds.region, pid, fn.package, fn.func_name);
  const window = invocationsOf(env, pid).filter((r) => {
    const t = Date.parse(r.started_at);
    return r.func_urn === urn && t >= start && t <= end;
  });
  const reserved = findReserved(env, pid, fn, { qualifier_type: "version", qualifier_name: "latest" });
  const values = {
    ...series(window),
    reserved_instance_num: reserved?.count ?? 0,
    concurrency_num: Number(fn.strategy_config.concurrent_num ?? 1),
  };
  return json(200, Object.fromEntries(Object.entries(values).map(([k, value]) => [k, [{ timestamp: start, value }]])));
}
