/**
 * What `pulumi import` then the program's first preview do on the native plugin, without the
 * engine: Read by id alone (no prior state), Check of the program against the inputs that read
 * reported, then Diff of the program against the imported outputs. The answer is the diff the
 * preview would show.
 */
import * as lifecycle from "../../provider/native/lifecycle";
import { unwrap, type Props } from "../../provider/native/values";
import type { DetailedDiff } from "../../provider/native/detailed-diff";

const none = () => ({ props: {}, secrets: new Set<string>() });
export const urnOf = (token: string) => `urn:pulumi:dev::proj::${token}::imported`;

export interface Imported {
  id: string;
  inputs: Props;
  outs: Props;
  /** Properties the import stores encrypted (inputs and outputs alike). */
  secrets: Set<string>;
}

export async function importById(token: string, id: string): Promise<Imported> {
  const read = await lifecycle.read(urnOf(token), id, none(), none());
  const inputs = unwrap(read.inputs ?? {});
  const outs = unwrap(read.outs);
  return {
    id: read.id,
    inputs: inputs.props,
    outs: outs.props,
    secrets: new Set([...inputs.secrets, ...outs.secrets]),
  };
}

async function previewOnce(token: string, imported: Imported, stateInputs: Props, program: Props) {
  const urn = urnOf(token);
  const oldInputs = { props: stateInputs, secrets: new Set<string>() };
  const checked = await lifecycle.check(urn, oldInputs, { props: program, secrets: new Set() });
  if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const news = unwrap(checked.inputs);
  const olds = { props: imported.outs, secrets: new Set<string>() };
  return { news: news.props, diff: await lifecycle.diff(urn, imported.id, olds, news, oldInputs) };
}

/**
 * The first preview of `program` after the import, and (`again`) the one after an `up` that had
 * nothing to do: such an up keeps the imported outputs but stores the program's checked inputs.
 */
export async function previewAfterImport(
  token: string,
  imported: Imported,
  program: Props,
  again = false,
): Promise<DetailedDiff> {
  const first = await previewOnce(token, imported, imported.inputs, program);
  if (!again || first.diff.changes !== "NONE") return first.diff;
  return (await previewOnce(token, imported, first.news, program)).diff;
}

export const CLEAN: DetailedDiff = { changes: "NONE", replaces: [], deleteBeforeReplace: false, detailed: {} };
