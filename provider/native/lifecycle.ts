/**
 * The resource lifecycle of the plugin over plain values (no gRPC here, so it is unit-tested
 * directly): each step unwraps secrets, calls the implementation with the dynamic provider's
 * argument shapes (diff/update get the old OUTPUTS, like the dynamic host), and marks the
 * definition's secrets plus whatever arrived secret on the way out.
 */
import { detailedDiff, type DetailedDiff } from "./detailed-diff";
import { computedOutputs, secretsOf, servedFor } from "./resources";
import { unknownValue, wrap, type Props, type Unwrapped } from "./values";

/** Inputs the implementations never compare (per-run flags), kept out of the detailed diff. */
const NEVER_COMPARED = new Set(["adopt"]);

export interface CheckOut {
  inputs: Props;
  failures: { property: string; reason: string }[];
}

export async function check(urn: string, olds: Unwrapped, news: Unwrapped): Promise<CheckOut> {
  const { def, impl } = servedFor(urn);
  const result = impl.check ? await impl.check(olds.props, news.props) : { inputs: news.props };
  const inputs = (result.inputs ?? news.props) as Props;
  return { inputs: wrap(inputs, secretsOf(def, inputs, news.secrets)), failures: result.failures ?? [] };
}

export async function diff(
  urn: string,
  id: string,
  olds: Unwrapped,
  news: Unwrapped,
  oldInputs: Unwrapped,
): Promise<DetailedDiff> {
  const { impl } = servedFor(urn);
  if (!impl.diff) return { changes: "UNKNOWN", replaces: [], deleteBeforeReplace: false, detailed: {} };
  const result = await impl.diff(id, olds.props, news.props);
  return detailedDiff(result, oldInputs.props, news.props, NEVER_COMPARED);
}

/** What a preview shows: the inputs, with every output the platform computes unknown. */
export function previewOutputs(urn: string, inputs: Props): Props {
  const { def } = servedFor(urn);
  const echoed = Object.fromEntries(Object.entries(inputs).filter(([n]) => !def.inputs[n]?.inputOnly));
  const unknown = computedOutputs(def).filter((n) => !(n in echoed));
  return { ...echoed, ...Object.fromEntries(unknown.map((n) => [n, unknownValue])) };
}

function outputs(urn: string, outs: Props | undefined, arrived: ReadonlySet<string>): Props {
  const { def } = servedFor(urn);
  return wrap(outs ?? {}, secretsOf(def, outs ?? {}, arrived));
}

export async function create(urn: string, news: Unwrapped, preview: boolean): Promise<{ id: string; outs: Props }> {
  if (preview) return { id: "", outs: outputs(urn, previewOutputs(urn, news.props), news.secrets) };
  const { impl } = servedFor(urn);
  const result = await impl.create(news.props);
  return { id: result.id, outs: outputs(urn, result.outs as Props, news.secrets) };
}

export interface ReadOut {
  id: string;
  outs: Props;
  inputs?: Props;
}

/** An empty id means the object is gone. With no prior state (import) the implementation reads by id alone. */
export async function read(urn: string, id: string, olds: Unwrapped, oldInputs: Unwrapped): Promise<ReadOut> {
  const { def, impl } = servedFor(urn);
  const props = Object.keys(olds.props).length > 0 ? olds.props : undefined;
  if (!props && def.notImportable) throw new Error(`${def.token} cannot be imported: ${def.notImportable}`);
  if (!impl.read) return { id, outs: outputs(urn, olds.props, olds.secrets) };
  const result = await impl.read(id, props);
  if (!result.id && !result.props) return { id: "", outs: {} };
  const outs = (result.props ?? {}) as Props;
  const inputs = result.inputs as Props | undefined;
  const arrived = new Set([...olds.secrets, ...oldInputs.secrets, ...(props ? [] : (def.secretOnImport ?? []))]);
  return {
    id: result.id ?? id,
    outs: outputs(urn, outs, arrived),
    inputs: inputs && wrap(inputs, secretsOf(def, inputs, arrived)),
  };
}

export async function update(urn: string, id: string, olds: Unwrapped, news: Unwrapped, preview: boolean) {
  if (preview) return outputs(urn, previewOutputs(urn, news.props), news.secrets);
  const { impl } = servedFor(urn);
  const result = impl.update ? await impl.update(id, olds.props, news.props) : { outs: news.props };
  return outputs(urn, (result.outs ?? {}) as Props, news.secrets);
}

export async function remove(urn: string, id: string, olds: Unwrapped): Promise<void> {
  const { impl } = servedFor(urn);
  if (impl.delete) await impl.delete(id, olds.props);
}
