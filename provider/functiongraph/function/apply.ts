/**
 * Applies the difference between a recorded state and the desired inputs, one API per concern,
 * each only when its properties changed (docs/reference/functiongraph-api.md §3.8):
 *   1. UpdateFunctionConfig (F4), right after ShowFunctionConfig (F3): F4 replaces the whole
 *      config, so every field cloudfn does not manage is carried forward with its live value;
 *      a property removed from the program is left out (cleared); one never declared is kept.
 *      EnableLtsLogs (project-wide) first when `log: {}` is newly declared.
 *   2. UpdateFunctionCode (F6) for code, codeUrl, code type/file name and dependencies.
 *   3. F10 max instances, F18 tags, reserved instances per qualifier.
 * A failure after the first call that changed something is thrown as a PartialApplyError holding
 * the outputs applied so far, so the next `up` diffs against them and finishes the job.
 */
import { dropUndefined } from "../../core/check";
import { changedFields } from "../../core/diff";
import type { CodeInfo, FunctionInfo } from "../api";
import { FunctionGraphClient, unqualifiedUrn } from "../client";
import { codeTypeOf, prepareCode } from "./code-upload";
import { codeBody, computedFrom, configBody, NORMALIZERS, outputsFrom } from "./mapping";
import { carriedForward, configWire, F4_PROPS, strategyConfig } from "./mapping-config";
import { enableLtsLogs, needsLtsEnable } from "./api-extras";
import { partial } from "./partial";
import { CODE_FIELDS, CONFIG_FIELDS, FunctionInputs, FunctionOutputs } from "./schema";
import { applyMaxInstances, applyReserved, applyTags } from "./separate-apis";

type Row = Record<string, unknown>;

const F4_FIELDS: readonly string[] = [...CONFIG_FIELDS, ...F4_PROPS];
const F6_FIELDS: readonly string[] = [...CODE_FIELDS, "codeFilename", "codeType"];
/** Every field an update compares (diff uses the same list). */
export const UPDATABLE_FIELDS: readonly string[] = [
  ...F4_FIELDS,
  ...F6_FIELDS.filter((f) => f !== "codeType"),
  "maxInstances",
  "tags",
  "reservedInstances",
];

/** Changed fields; `codeType` compares what the platform reports with what the inputs imply. */
export function changedOf(olds: Partial<FunctionOutputs>, news: Partial<FunctionInputs>): string[] {
  const changed = changedFields(olds, news, UPDATABLE_FIELDS, NORMALIZERS);
  if (olds.codeType !== undefined && olds.codeType !== codeTypeOf(news)) changed.push("codeType");
  return changed;
}

/** The full F4 body: carried-forward live fields, then ours (strategy_config merged last). */
export function fullConfigBody(live: FunctionInfo, olds: Partial<FunctionOutputs>, news: FunctionInputs) {
  const managed = (p: string) => (news as unknown as Row)[p] !== undefined || (olds as Row)[p] !== undefined;
  const removedConcurrency = olds.concurrencyPerInstance !== undefined && news.concurrencyPerInstance === undefined;
  return {
    ...carriedForward(live, managed),
    ...configWire(news),
    ...strategyConfig(live, news, removedConcurrency),
    ...configBody(news),
  };
}

/** The outputs applied so far: starts as the old state, each finished step copies its fields. */
class Progress {
  state: Row;
  changedSomething = false;
  constructor(
    olds: FunctionOutputs,
    private readonly news: Row,
  ) {
    this.state = { ...olds };
  }
  take(fields: readonly string[]) {
    for (const f of fields) this.set(f, this.news[f]);
  }
  set = (field: string, value: unknown) => {
    this.changedSomething = true;
    if (value === undefined) delete this.state[field];
    else this.state[field] = value;
  };
}

/**
 * Update (and adoption: `olds` is then the live state, and `live` the F3 answer just read).
 * Returns the new outputs.
 */
export async function applyChanges(
  fg: FunctionGraphClient,
  id: string,
  olds: FunctionOutputs,
  news: FunctionInputs,
  live?: FunctionInfo,
): Promise<FunctionOutputs> {
  const changed = changedOf(olds, news);
  const has = (fields: readonly string[]) => changed.some((f) => fields.includes(f));
  const urn = unqualifiedUrn(id);
  const progress = new Progress(olds, news as unknown as Row);
  let info: FunctionInfo | undefined;
  let codeInfo: CodeInfo | undefined;
  let codeHash = news.codeHash;
  try {
    if (has(F4_FIELDS)) {
      if (needsLtsEnable(olds, news)) await enableLtsLogs(fg);
      const current = live ?? (await fg.getFunctionConfig(urn));
      info = await fg.updateFunctionConfig(urn, fullConfigBody(current, olds, news));
      progress.take(F4_FIELDS);
    }
    if (has(F6_FIELDS)) {
      const upload = await prepareCode(news);
      codeInfo = await fg.updateFunctionCode(urn, codeBody(news, upload));
      progress.take(F6_FIELDS);
      codeHash = upload?.hash;
      progress.set("codeHash", codeHash);
    }
    const set = progress.set;
    if (changed.includes("maxInstances")) await applyMaxInstances(fg, urn, news.maxInstances, set);
    if (changed.includes("tags")) await applyTags(fg, urn, olds.tags, news.tags, set);
    if (changed.includes("reservedInstances"))
      await applyReserved(fg, urn, olds.reservedInstances, news.reservedInstances, set);
  } catch (e) {
    if (!progress.changedSomething) throw e;
    const computed = computedFrom(info ?? { ...toInfo(olds), func_urn: olds.funcUrn ?? id }, codeInfo);
    throw partial(id, dropUndefined({ ...progress.state, ...computed }), news as unknown as Row, e);
  }
  const base = computedFrom(info ?? { ...toInfo(olds), func_urn: olds.funcUrn ?? id }, codeInfo);
  return outputsFrom(news, codeHash, base);
}

/** Old outputs in the wire shape, so computed fields survive an update that skipped a call. */
export function toInfo(o: FunctionOutputs): FunctionInfo {
  return {
    func_urn: o.funcUrn,
    func_name: o.name,
    package: o.package,
    runtime: o.runtime,
    handler: o.handler,
    memory_size: o.memorySize,
    timeout: o.timeout,
    func_id: o.funcId,
    cpu: o.cpu,
    digest: o.digest,
    code_size: o.codeSize,
    last_modified: o.lastModified,
    version: o.version,
    code_type: o.codeType,
  };
}
