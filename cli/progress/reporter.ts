/**
 * Progress lines on stderr while a command waits for `pulumi` (stdout carries the report only):
 * what is running, then one line per resource as the engine plans its step.
 */
import type { EngineEvent } from "./engine-events";

const SYMBOL: Record<string, string> = {
  create: "+",
  update: "~",
  delete: "-",
  replace: "+-",
  "create-replacement": "++",
  "delete-replaced": "--",
  same: "=",
  refresh: "~>",
  read: ">",
};

/** The engine's per-resource step in words, e.g. `  ~ functiongraph:Function api (update)`. */
export function resourceLine(event: EngineEvent): string | undefined {
  const m = event.resourcePreEvent?.metadata;
  if (!m?.urn || !m.op) return undefined;
  const type = m.type ?? "";
  // The stack and providers are the engine's own, not the user's resources.
  if (type.startsWith("pulumi:")) return undefined;
  const name = m.urn.slice(m.urn.lastIndexOf("::") + 2);
  const short = /cloudfn\/(\w+:\w+)$/.exec(type)?.[1] ?? type;
  return `  ${SYMBOL[m.op] ?? "*"} ${short} ${name} (${m.op})`;
}

export type Progress = (line: string) => void;

/** A progress writer prefixed with the command's name; `quiet` writes nothing. */
export function progressOn(err: (text: string) => void, command: string, quiet = false): Progress {
  return quiet ? () => undefined : (line) => err(`cloudfn ${command}: ${line}\n`);
}
